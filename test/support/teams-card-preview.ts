// A look at Ramp's Teams cards without Teams: each card rendered by Microsoft's adaptivecards
// renderer in headless Chromium, at a phone's width, and photographed. The renderer's Markdown
// hook reads text as "Format cards in Microsoft Teams" describes Teams doing it: HTML tags
// dropped, a single newline joined unless both lines are list items, bold, italics, links.
// A preview for people, not a test (the checks are in teams-card-check.ts):
//
//   npx tsx test/support/teams-card-preview.ts [out-dir]     (default test-results/teams-cards)
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { contactCheckCard } from "../../src/adapters/teams/render/contact-check.ts";
import { renderCard, renderNotice, renderReply } from "../../src/adapters/teams/render/index.ts";
import { reviewCard } from "../../src/adapters/teams/render/review.ts";
import { startFormCard } from "../../src/adapters/teams/render/start-form.ts";
import { amendmentNotice } from "../../src/core/contacts/amendment-notice.ts";
import { contactCheckView } from "../../src/core/contacts/view.ts";
import type { EngineContext } from "../../src/core/context.ts";
import { PlanDirectory } from "../../src/core/directory.ts";
import type { Notice } from "../../src/core/model.ts";
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import { launchChromium } from "./browser.ts";
import {
  CLOSED,
  DECISION,
  INCIDENT,
  PAGE_TWO_FUNCTIONS,
  REVIEW_LINKS,
  REVIEW_VIEW,
  replies,
  START_FORM,
  TASK,
} from "./teams-card-fixtures.ts";

interface PageGlobals {
  AdaptiveCards: {
    AdaptiveCard: {
      new (): { parse(json: unknown): void; render(): unknown };
      onProcessMarkdown: (
        text: string,
        result: { outputHtml: string; didProcess: boolean },
      ) => void;
    };
  };
  teamsMarkdown(text: string): string;
  document: { getElementById(id: string): { replaceChildren(node: unknown): void } };
}

/** Narrow, as Teams on a phone or the Agents Playground beside the chat. */
const WIDTH = 360;

/** Cards built from the sample plan by the core's own builders. */
async function planCards(): Promise<Record<string, unknown>> {
  const loaded = await loadPlanFile(SAMPLE_PLAN_PATH);
  if (!loaded.ok) throw new Error("the sample plan does not load");
  let n = 0;
  const ctx = {
    dir: new PlanDirectory(loaded.plan, loaded.hash),
    channels: ["teams"],
    ids: { next: () => `id-${++n}` },
  } as unknown as EngineContext;
  const now = new Date("2026-11-30T09:00:00Z");
  const [told] = amendmentNotice(
    ctx,
    [
      {
        ...{ id: "a1", source: "confirmation", sourceId: "c1", personId: "pieter-declercq" },
        ...{ field: "mobile", oldValue: "+32 476 52 18 90", newValue: "+32 499 11 22 33" },
        ...{ note: null, planHash: loaded.hash, planVersion: "1", status: "open" },
        ...{ createdAt: now, resolvedAt: null },
      },
      {
        ...{ id: "a2", source: "confirmation", sourceId: "c1", personId: "pieter-declercq" },
        ...{ field: "note", oldValue: null, newValue: null, planHash: loaded.hash },
        ...{ note: "Niet meer vervanger voor de communicatieverantwoordelijke" },
        ...{ planVersion: "1", status: "open", createdAt: now, resolvedAt: null },
      },
    ],
    now,
  );
  const reminder = contactCheckView(ctx, { id: "c1", personId: "johan-maes", reminder: true });
  return {
    "contact-check-reminder": contactCheckCard(reminder, true),
    "plan-amendment": renderNotice((told!.delivery as { notice: Notice }).notice),
  };
}

async function cards(): Promise<Record<string, unknown>> {
  const [help, , , declared, , , , , , , review] = replies(true);
  return {
    ...(await planCards()),
    help: renderReply(help!, true),
    declared: renderReply(declared!, true),
    decision: renderCard(DECISION, true),
    incident: renderCard(INCIDENT, true),
    task: renderCard(TASK, true),
    "page-two-functions": renderCard(PAGE_TWO_FUNCTIONS, true),
    "closing-notice": renderNotice(CLOSED),
    "review-reply": renderReply(review!, true),
    "review-share": reviewCard(REVIEW_VIEW, REVIEW_LINKS, {
      locale: "nl",
      timeZone: "Europe/Brussels",
    }),
    "start-form": startFormCard(true, undefined, START_FORM),
  };
}

/** Runs in the page: Teams' reading of TextBlock Markdown, for the renderer's hook. */
function teamsMarkdown(text: string): string {
  const escapeHtml = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const inline = (s: string) =>
    escapeHtml(s)
      .replace(/\\([\\*_[\]`~])/g, (_m, c: string) => `&#${c.charCodeAt(0)};`)
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[^\w])_(.+?)_(?=$|[^\w])/g, "$1<em>$2</em>")
      .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '<a href="$2">$1</a>');
  const item = /^\s*(?:[-*+]|\d+\.)\s+(.*)$/;
  // Teams drops HTML tags, and what is between < and > with them.
  const lines = text.replace(/<[^<>]*>/g, "").split(/\r\n|\r|\n/);
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push(`<p>${inline(paragraph.join(" "))}</p>`);
    if (list.length > 0)
      blocks.push(`<ul>${list.map((l) => `<li>${inline(l)}</li>`).join("")}</ul>`);
    paragraph = [];
    list = [];
  };
  for (const line of lines) {
    const listItem = item.exec(line);
    if (line.trim() === "") flush();
    else if (listItem && paragraph.length === 0) list.push(listItem[1]!);
    else if (list.length > 0 && !listItem) list[list.length - 1] += ` ${line.trim()}`;
    else paragraph.push(line.trim());
  }
  flush();
  return blocks.join("");
}

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? "test-results/teams-cards");
  mkdirSync(out, { recursive: true });
  const require = createRequire(import.meta.url);
  const library = require.resolve("adaptivecards/dist/adaptivecards.js");
  const css = require.resolve("adaptivecards/dist/adaptivecards.css");
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 800 } });
    await page.setContent(
      `<!doctype html><meta charset="utf-8"><body style="margin:0;font-family:'Segoe UI',sans-serif;background:#f5f5f5"><div id="card" style="margin:8px;background:#fff;border-radius:4px"></div></body>`,
    );
    await page.addStyleTag({ path: css });
    await page.addStyleTag({
      content: ".ac-textBlock ul{margin:0;padding-left:1.2em} .ac-textBlock p{margin:0 0 .5em}",
    });
    await page.addScriptTag({ path: library });
    // tsx names functions with a helper of its own; the page needs it to run them.
    await page.addScriptTag({ content: "window.__name = (f) => f;" });
    await page.addScriptTag({ content: `window.teamsMarkdown = ${teamsMarkdown.toString()};` });
    for (const [name, card] of Object.entries(await cards())) {
      await page.evaluate((json) => {
        // In the page; no DOM types in this project, so the few names used are declared here.
        const page = globalThis as unknown as PageGlobals;
        const AC = page.AdaptiveCards;
        AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
          result.outputHtml = page.teamsMarkdown(text);
          result.didProcess = true;
        };
        const adaptive = new AC.AdaptiveCard();
        adaptive.parse(json);
        page.document.getElementById("card").replaceChildren(adaptive.render());
      }, card);
      // A card whose choice opens under a button: shown opened.
      if (name === "page-two-functions")
        await page.getByRole("button", { name: "Ik kan niet" }).click();
      const file = path.join(out, `${name}.png`);
      await page.locator("#card").screenshot({ path: file });
      console.log(file);
    }
  } finally {
    await browser.close();
  }
}

await main();
