import { expect, it } from "vitest";
import { buildReview } from "../../src/core/review/build.ts";
import type { Plan } from "../../src/plan/schema.ts";
import { renderDocx } from "../../src/review/render-docx.ts";
import { renderHtml } from "../../src/review/render-html.ts";
import { renderMarkdown } from "../../src/review/render-markdown.ts";
import { COORDINATOR, taskOf } from "../core/fixtures.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine, loadSamplePlan } from "../support/engine.ts";
import { answerOf, docxParagraphs, docxPart, tableOf } from "./helpers.ts";
import { min } from "./scenario.ts";

/** The sample plan in English, with a shorter questionnaire of its own and one question Ramp does not know. */
async function englishPlan(): Promise<Plan> {
  const plan = structuredClone((await loadSamplePlan()).plan);
  plan.organisation.locale = "en";
  plan.review.sections = [
    {
      id: "context",
      title: "Context",
      questions: [
        { id: "incidentnummer", text: "Incident number in the incident log" },
        { id: "tijdstip-opgelost", text: "Date and time the incident was resolved" },
      ],
    },
    {
      id: "adequacy",
      title: "Adequacy of the response",
      questions: [
        {
          id: "hersteltijd-rto",
          text: "Actual recovery time against the RTO: the incident was resolved within the set time",
          options: ["For none of the activities", "For some activities only", "For all activities"],
        },
        { id: "cost", text: "What did the incident cost?" },
      ],
    },
  ];
  return plan;
}

describeEachDatabase("the review of an English plan", (target) => {
  it("uses English words around the plan's own questions and leaves unknown questions open", async () => {
    const db = await target.open({}, await target.createDatabase());
    const t = await createTestEngine(db, { plan: await englishPlan() });
    const incident = await t.engine.declare(t.as(COORDINATOR), {
      classification: "groot",
      scope: "gedeeltelijk",
      description: "Telephone exchange down",
    });
    t.clock.set(min(30));
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    t.clock.set(min(90));
    await t.engine.task(
      t.as("dirk-vandenbroucke"),
      (await taskOf(t, incident.id, "b-org-maaltijden")).id,
      "complete",
    );
    t.clock.set(min(120));
    // The coordinator marks the rest restored, so every RTO is settled and the verdict follows.
    for (const service of (await t.ctx.store.services.listForIncident(incident.id)).filter(
      (s) => !s.restoredAt,
    )) {
      await t.engine.restoreService(t.as(COORDINATOR), incident.id, service.serviceId);
    }
    t.clock.set(min(125));
    await t.engine.close(t.as(COORDINATOR), incident.id);

    const review = await buildReview(t.engine, incident.id);
    expect(review.locale).toBe("en");
    expect(review.sections.map((s) => s.title)).toEqual(["Context", "Adequacy of the response"]);
    expect(answerOf(review, "tijdstip-opgelost")).toMatchObject({
      status: "answered",
      text: ["Sun 22 Nov 2026 00:05"],
      facts: [
        { label: "Closed by", value: "Pieter Declercq" },
        { label: "Duration since the declaration", value: "2 h 5 min" },
      ],
    });
    expect(answerOf(review, "hersteltijd-rto")).toMatchObject({
      status: "answered",
      chosenOption: 2,
      text: [
        "Of the 5 priority services: 5 restored within the RTO.",
        "The incident was resolved within the set time: for all activities.",
      ],
    });
    expect(answerOf(review, "cost")).toEqual({
      questionId: "cost",
      question: "What did the incident cost?",
      options: [],
      chosenOption: null,
      status: "open",
      text: [],
      facts: [],
      note: null,
    });
    // Overviews no question of this plan asked for are kept, under "Overviews".
    expect(review.overviews.map((t) => t.title)).toEqual([
      "Tasks",
      "Who did what",
      "Communication",
      "Paging the crisis staff",
    ]);
    expect(tableOf(review, "services").columns).toEqual([
      "Priority",
      "Service",
      "RTO",
      "Deadline",
      "Restored",
      "After declaration",
      "Result",
    ]);
    expect(tableOf(review, "services").rows[0]).toEqual([
      "1",
      "Diensten i.v.m. dienstverlening (keuken, thuisdiensten)",
      "12 h",
      "Sun 22 Nov 2026 10:00",
      "Sat 21 Nov 2026 23:30 (all tasks done)",
      "1 h 30 min",
      "Within the RTO",
    ]);
    expect(tableOf(review, "tasks").rows[0]![5]).toBe("Not done (open); deadline still ahead");
    expect(review.decisions.title).toBe("Decision log");
    expect(review.appendix.title).toBe("Appendix: timeline");
    expect(review.appendix.verification.text).toMatch(
      /^Timeline intact: \d+ entries, the hash chain checks out, sealed at closing/,
    );

    const md = renderMarkdown(review);
    expect(md).toContain("## Key figures\n");
    expect(md).toContain("## Overviews\n\n### Tasks\n");
    expect(md).toContain("> **Open — to be completed by the team.**");
    expect(md).toContain("- [x] For all activities _(follows from the data)_");
    const html = renderHtml(review);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<caption>Priority services against the RTO</caption>");
    const docx = await renderDocx(review);
    expect(await docxParagraphs(docx)).toContain("☒ For all activities (follows from the data)");
    expect(await docxPart(docx, "word/footer1.xml")).toContain("Page </w:t>");
    expect(await docxPart(docx, "word/styles.xml")).toContain('w:val="en-GB"');
  });
});
