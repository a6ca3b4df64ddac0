// The post-incident review of a long incident: 10,000 timeline entries (a real declaration,
// paging, decision and tasks, then the team's log entries appended in bulk), timed for reading
// and building the review, and for each renderer. Numbers are printed, never asserted.
import { randomUUID } from "node:crypto";
import { buildEngine } from "../src/compose.ts";
import { LOG_TAGS } from "../src/core/model.ts";
import { reviewFromData } from "../src/core/review/build.ts";
import { loadReviewData } from "../src/core/review/load.ts";
import { appendEntries } from "../src/core/timeline.ts";
import { createLogger } from "../src/logging.ts";
import type { Plan } from "../src/plan/schema.ts";
import { renderDocx } from "../src/review/render-docx.ts";
import { renderHtml } from "../src/review/render-html.ts";
import { renderMarkdown } from "../src/review/render-markdown.ts";
import { openDatabase } from "../src/store/database.ts";

const COORDINATOR = "pieter-declercq";

export interface ReviewBenchResult {
  entries: number;
  /** Reading the incident, timeline, pages, tasks, services, decisions and outbox. */
  readMs: number;
  /** From the loaded data to the review model. */
  buildMs: number;
  markdownMs: number;
  htmlMs: number;
  docxMs: number;
  sizes: { markdown: number; html: number; docx: number };
}

export async function reviewBench(
  url: string,
  plan: Plan,
  hash: string,
  total: number,
): Promise<ReviewBenchResult> {
  const db = await openDatabase(url);
  try {
    const engine = buildEngine({
      database: db,
      plan,
      planHash: hash,
      log: createLogger("silent"),
      channels: ["slack"],
    });
    const coordinator = { personId: COORDINATOR, source: "slack" as const };
    const incident = await engine.declare(coordinator, {
      classification: "crisis",
      scope: "totaal",
      description: "Bench: langdurige stroomonderbreking",
    });
    for (const page of await engine.ctx.store.pages.listForIncident(incident.id)) {
      if (page.status === "sent")
        await engine.answerPage({ personId: page.personId, source: "slack" }, page.id, "coming");
    }
    await engine.decide(coordinator, incident.id, { situation: "B" });
    for (const task of (await engine.ctx.store.tasks.listForIncident(incident.id)).slice(0, 8)) {
      await engine.task(coordinator, task.id, "complete");
    }
    // The rest as the team's log, tagged the way /ramp log tags it (one in three untagged), three
    // entries a minute: spread like a real incident of two and a half days, not one burst.
    const ids = { next: () => randomUUID() };
    const have = (await engine.timeline(incident.id)).length;
    const tags = [...LOG_TAGS];
    const start = Date.now();
    const perMinute = 3;
    for (let done = have; done < total - 1; ) {
      const batch = Math.min(498, total - 1 - done);
      await engine.ctx.store.transaction(async (tx) => {
        await tx.incidents.lock(incident.id);
        for (let i = done; i < done + batch; i += perMinute) {
          const entries = Array.from({ length: Math.min(perMinute, done + batch - i) }, (_, k) => ({
            type: "log" as const,
            actorId: COORDINATOR,
            source: "slack" as const,
            data: { text: `Logboekregel ${i + k}: stand van zaken` },
            tags: (i + k) % 3 === 0 ? [] : [tags[(i + k) % tags.length]!],
          }));
          await appendEntries(tx.timeline, ids, incident.id, new Date(start + i * 20_000), entries);
        }
      });
      done += batch;
    }
    // Closing comes after the last entry, as it would.
    engine.ctx.clock = { now: () => new Date(start + total * 20_000) };
    await engine.close(coordinator, incident.id);

    let started = performance.now();
    const data = await loadReviewData(engine.ctx, incident.id);
    const readMs = performance.now() - started;
    started = performance.now();
    const review = reviewFromData(data, engine.ctx.dir);
    const buildMs = performance.now() - started;
    started = performance.now();
    const markdown = renderMarkdown(review);
    const markdownMs = performance.now() - started;
    started = performance.now();
    const html = renderHtml(review);
    const htmlMs = performance.now() - started;
    started = performance.now();
    const docx = await renderDocx(review);
    const docxMs = performance.now() - started;
    return {
      entries: review.appendix.timeline.rows.length,
      readMs,
      buildMs,
      markdownMs,
      htmlMs,
      docxMs,
      sizes: { markdown: markdown.length, html: html.length, docx: docx.length },
    };
  } finally {
    await db.close();
  }
}
