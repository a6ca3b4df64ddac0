// The "Klopt dit nog?" reminder and the coordinator's message about a proposed plan change pass
// Slack's documented limits and escaping and Teams' Adaptive Card rules, also with a note that
// holds what Slack or Markdown would read as markup.
import { describe, expect, it } from "vitest";
import { contactCheckMessage } from "../../src/adapters/slack/render/contact-check.ts";
import { renderNotice as slackNotice } from "../../src/adapters/slack/render/index.ts";
import { contactCheckCard } from "../../src/adapters/teams/render/contact-check.ts";
import { renderNotice as teamsNotice } from "../../src/adapters/teams/render/index.ts";
import { amendmentNotice } from "../../src/core/contacts/amendment-notice.ts";
import type { PlanAmendment } from "../../src/core/contacts/model.ts";
import { contactCheckView } from "../../src/core/contacts/view.ts";
import type { EngineContext } from "../../src/core/context.ts";
import { PlanDirectory } from "../../src/core/directory.ts";
import type { Notice } from "../../src/core/model.ts";
import { parsePlan } from "../../src/plan/load.ts";
import { SAMPLE_TEXT } from "../plan/plan-text.ts";
import { checkSlackMessage } from "../support/slack-blocks-check.ts";
import { teamsCardProblems } from "../support/teams-card-check.ts";

const loaded = parsePlan(SAMPLE_TEXT);
if (!loaded.ok) throw new Error("sample plan does not load");
const dir = new PlanDirectory(loaded.plan, loaded.hash);
let n = 0;
const ctx = {
  dir,
  channels: ["slack", "teams"],
  ids: { next: () => `id-${++n}` },
} as unknown as EngineContext;
const now = new Date("2026-11-30T09:00:00Z");
const HOSTILE = "Niet meer vervanger voor <Communicatie> & *pers* — zie <https://x.be|hier>";

const amendment = (over: Partial<PlanAmendment>): PlanAmendment => ({
  ...{ id: "a1", source: "confirmation", sourceId: "c1", personId: "pieter-declercq" },
  ...{ field: "mobile", oldValue: "+32 476 52 18 90", newValue: "+32 499 11 22 33", note: null },
  ...{ planHash: loaded.hash, planVersion: "1", status: "open", createdAt: now, resolvedAt: null },
  ...over,
});

describe("contact messages on Slack and Teams", () => {
  it("renders the reminder with its heading and both answers, within each platform's rules", () => {
    const view = contactCheckView(ctx, { id: "c1", personId: "johan-maes", reminder: true });
    const slack = contactCheckMessage(view, true);
    expect(checkSlackMessage(slack as never)).toEqual([]);
    expect(slack.text).toMatch(/^Herinnering: Klopt dit nog\? /);
    expect(JSON.stringify(slack.blocks)).toContain("Herinnering: klopt dit nog?");
    const card = contactCheckCard(view, true);
    expect(teamsCardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain("Herinnering: klopt dit nog?");
  });

  it("renders the proposed change, escaped for Slack, as a list in Teams", () => {
    const [item] = amendmentNotice(
      ctx,
      [amendment({}), amendment({ id: "a2", field: "note", newValue: null, note: HOSTILE })],
      now,
    );
    const notice = (item!.delivery as { notice: Notice }).notice;
    const slack = slackNotice(notice, true);
    expect(checkSlackMessage(slack as never)).toEqual([]);
    const blocks = JSON.stringify(slack.blocks);
    expect(blocks).toContain("&lt;Communicatie&gt; &amp;");
    expect(blocks).not.toContain("<https://x.be|hier>");
    const card = teamsNotice(notice);
    expect(teamsCardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain("- Pieter Declercq, gsm: +32 476 52 18 90 → +32 499 11 22 33");
    expect(text).not.toContain("<Communicatie>");
  });
});
