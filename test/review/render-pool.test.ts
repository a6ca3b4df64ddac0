// Documents are rendered in a worker thread (src/review/render-pool.ts): the event loop goes on
// while a Word file is made, an idle worker ends, and a dead one is replaced.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { buildPlanDocument } from "../../src/core/plan-document/build.ts";
import type { DocumentModel } from "../../src/core/review/model.ts";
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import { renderDocumentFile } from "../../src/review/document.ts";
import { RenderPool, RenderWorkerError } from "../../src/review/render-pool.ts";
import { docxParagraphs } from "./helpers.ts";

let plan: DocumentModel;

beforeAll(async () => {
  const loaded = await loadPlanFile(SAMPLE_PLAN_PATH);
  if (!loaded.ok) throw new Error("sample plan does not load");
  plan = buildPlanDocument({
    plan: loaded.plan,
    planHash: loaded.hash,
    holder: loaded.plan.people[0]!,
    printedAt: new Date("2026-11-30T09:00:00Z"),
  });
});

/** The plan with a long timeline appended: a review of a long incident. */
function withTimeline(model: DocumentModel, entries: number): DocumentModel {
  const rows = Array.from({ length: entries }, (_, i) => [
    `30/11 ${String(8 + (i % 10)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`,
    `#${i + 1}`,
    "Pieter Declercq",
    `Logboekregel ${i + 1}: stand van zaken`,
  ]);
  return {
    ...model,
    appendix: {
      title: "Bijlage: tijdlijn",
      verification: { ok: true, text: "De tijdlijn is onveranderd." },
      timeline: {
        id: "timeline",
        title: "Tijdlijn",
        columns: ["Tijd", "#", "Wie", "Wat"],
        rows,
        empty: "—",
      },
    },
  };
}

/** Event-loop turns (setImmediate) taken until `promise` settles. */
async function turnsUntil(promise: Promise<unknown>): Promise<number> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  let turns = 0;
  while (!settled) {
    await new Promise((resolve) => setImmediate(resolve));
    turns += 1;
  }
  return turns;
}

describe("rendering documents in a worker thread", () => {
  it("makes a Word file while the event loop keeps turning", async () => {
    const model = withTimeline(plan, 3000);
    const rendering = renderDocumentFile(model, "docx", "review.docx");
    // On the event loop, the render would be one long synchronous stretch, then JSZip's own
    // ~100 steps; in the worker, the loop turns freely until the bytes arrive.
    const turns = await turnsUntil(rendering);
    expect(turns).toBeGreaterThan(1000);
    const { content, fileName, contentType } = await rendering;
    expect(fileName).toBe("review.docx");
    expect(contentType).toContain("wordprocessingml");
    const paragraphs = await docxParagraphs(content);
    expect(paragraphs).toContain(model.title);
    expect(paragraphs.some((p) => p.includes("Logboekregel 3000: stand van zaken"))).toBe(true);
  }, 60_000);

  it("renders HTML and Markdown with the same renderers, in the same worker", async () => {
    const pool = new RenderPool();
    try {
      const html = (
        await pool.render(plan, "html", {
          downloads: { label: "Download", links: [{ href: "/x.docx", label: "Word" }] },
        })
      ).toString("utf8");
      const thread = pool.threadId;
      const md = (await pool.render(plan, "md")).toString("utf8");
      expect(html).toContain("<!doctype html>");
      expect(html).toContain('href="/x.docx"');
      expect(md).toContain(`# ${plan.title}`);
      expect(pool.threadId).toBe(thread);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("fails only the render of a bad model; the worker goes on with the next", async () => {
    const pool = new RenderPool();
    try {
      const broken = { ...plan, chrome: undefined } as unknown as DocumentModel;
      const bad = pool.render(broken, "docx");
      const good = pool.render(plan, "docx");
      await expect(bad).rejects.toThrow(
        /could not render the docx document: Cannot read properties of undefined/,
      );
      const thread = pool.threadId;
      expect(thread).not.toBeNull();
      expect(await docxParagraphs(await good)).toContain(plan.title);
      expect(pool.threadId).toBe(thread);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("refuses a model that cannot be sent to the worker, and renders the next", async () => {
    const pool = new RenderPool();
    try {
      const withFunction = { ...plan, title: () => "x" } as unknown as DocumentModel;
      await expect(pool.render(withFunction, "md")).rejects.toThrow(
        /document model cannot be sent to the render worker/,
      );
      expect((await pool.render(plan, "md")).toString("utf8")).toContain(plan.title);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("ends the worker after it was idle, and starts another for the next render", async () => {
    const pool = new RenderPool({ idleMs: 50 });
    try {
      await pool.render(plan, "md");
      const first = pool.threadId;
      expect(first).not.toBeNull();
      await vi.waitFor(() => expect(pool.running).toBe(false), { timeout: 10_000, interval: 20 });
      expect((await pool.render(plan, "md")).toString("utf8")).toContain(plan.title);
      expect(pool.threadId).not.toBe(first);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("fails the renders waiting for a worker that died, and the next render starts a new one", async () => {
    // A heap too small for a long review: the worker runs out of memory and dies.
    const pool = new RenderPool({ resourceLimits: { maxOldGenerationSizeMb: 48 } });
    try {
      await pool.render(plan, "md");
      const first = pool.threadId;
      const huge = pool.render(withTimeline(plan, 150_000), "docx");
      const queued = pool.render(plan, "md");
      await expect(huge).rejects.toThrow(RenderWorkerError);
      await expect(huge).rejects.toThrow(/document renderer failed: .*memory/);
      await expect(queued).rejects.toThrow(RenderWorkerError);
      expect(pool.running).toBe(false);
      expect((await pool.render(plan, "md")).toString("utf8")).toContain(plan.title);
      expect(pool.threadId).not.toBe(first);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
