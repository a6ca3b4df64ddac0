// The RTO verdict judges only what the RTO settled: a service not restored while its RTO still
// ran (at the closing, or now) neither met nor missed it, and the answer, the services table,
// the customer-impact facts and the timeline say the same.
import { expect, it } from "vitest";
import { buildReview } from "../../src/core/review/build.ts";
import { COORDINATOR, declare, freshEngine, HOUR, MINUTE } from "../core/fixtures.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { START, type TestEngine } from "../support/engine.ts";
import { answerOf, tableOf } from "./helpers.ts";

const after = (ms: number) => new Date(START.getTime() + ms);

async function decided(t: TestEngine, situation: "A" | "B" = "A") {
  const incident = await declare(t);
  t.clock.set(after(30 * MINUTE));
  await t.engine.decide(t.as(COORDINATOR), incident.id, {
    situation,
    locationId: situation === "A" ? "bibliotheek" : null,
  });
  return incident;
}

describeEachDatabase("the review's RTO verdict", (target) => {
  it("closed before any deadline: no verdict, one service within the RTO, four not yet due", async () => {
    const { t } = await freshEngine(target);
    const incident = await decided(t);
    t.clock.set(after(35 * MINUTE));
    await t.engine.restoreService(t.as(COORDINATOR), incident.id, "dienstverlening");
    t.clock.set(after(40 * MINUTE));
    await t.engine.close(t.as(COORDINATOR), incident.id, "Opgelost");
    const review = await buildReview(t.engine, incident.id);

    const rto = answerOf(review, "hersteltijd-rto");
    expect(rto.chosenOption).toBeNull();
    expect(rto.status).toBe("partial");
    expect(rto.text).toEqual([
      "Van de 5 prioritaire diensten: 1 binnen de RTO hersteld en 4 niet hersteld gemeld bij de afsluiting, met de RTO nog niet verstreken.",
    ]);
    expect(rto.note).toContain("Ramp kiest geen antwoord");
    const results = tableOf(review, "services").rows.map((row) => row.at(-1));
    expect(results).toEqual([
      "Binnen de RTO",
      ...Array(4).fill("Niet hersteld gemeld bij de afsluiting; RTO nog niet verstreken"),
    ]);
    // Nothing is called "not restored within the RTO" when no RTO ran out.
    const impact = answerOf(review, "impact-klanten");
    expect(impact.facts.map((f) => f.label)).toEqual([
      "Niet hersteld gemeld bij de afsluiting, RTO nog niet verstreken",
    ]);
    expect(
      review.summary.find((f) => f.label === "Prioritaire diensten binnen de RTO")?.value,
    ).toBe("1 van 5; 4 RTO nog niet verstreken");
    // The timeline said the same about the restored service.
    const restored = (await t.engine.timeline(incident.id)).find(
      (e) => e.type === "service.restored",
    );
    expect(restored?.data.withinRto).toBe(true);
    // The incident card after closing agrees.
    const card = await t.engine.views.incidentCard(incident.id);
    expect(card.services.map((s) => s.rto)).toEqual(["met", "ahead", "ahead", "ahead", "ahead"]);
    expect(card.services[1]?.remaining).toBe(
      "niet hersteld gemeld bij de afsluiting; RTO nog niet verstreken",
    );
  });

  it("every RTO run out without a restoration: 'voor geen van de activiteiten'", async () => {
    const { t } = await freshEngine(target);
    const incident = await decided(t);
    t.clock.set(after(80 * HOUR));
    await t.engine.close(t.as(COORDINATOR), incident.id, "Opgegeven");
    const review = await buildReview(t.engine, incident.id);
    const rto = answerOf(review, "hersteltijd-rto");
    expect(rto.chosenOption).toBe(0);
    expect(rto.text.at(-1)).toBe(
      "Het incident werd binnen de vooropgestelde tijd opgelost: voor geen van de activiteiten.",
    );
    expect(tableOf(review, "services").rows.every((r) => r.at(-1)?.startsWith("RTO gemist"))).toBe(
      true,
    );
  });

  it("one met, one missed, the rest not yet due: 'slechts voor enkele', whatever the rest does", async () => {
    const { t } = await freshEngine(target);
    const incident = await decided(t, "B");
    t.clock.set(after(HOUR));
    await t.engine.restoreService(t.as(COORDINATOR), incident.id, "dienstverlening");
    t.clock.set(after(30 * HOUR)); // administratie (24 h) ran out; the others have 48 h or more
    await t.engine.close(t.as(COORDINATOR), incident.id, "Grotendeels opgelost");
    const review = await buildReview(t.engine, incident.id);
    const rto = answerOf(review, "hersteltijd-rto");
    expect(rto.chosenOption).toBe(1);
    expect(rto.status).toBe("answered");
  });

  it("a running incident: still running, no box ticked, time left in the table", async () => {
    const { t } = await freshEngine(target);
    const incident = await decided(t);
    t.clock.set(after(HOUR));
    const review = await buildReview(t.engine, incident.id);
    const rto = answerOf(review, "hersteltijd-rto");
    expect(rto.chosenOption).toBeNull();
    expect(rto.text[0]).toBe(
      "Van de 5 prioritaire diensten: 0 binnen de RTO hersteld en 5 nog niet hersteld, met de RTO nog niet verstreken.",
    );
    expect(tableOf(review, "services").rows[0]?.at(-1)).toBe(
      "Nog niet hersteld; RTO loopt nog (23 u)",
    );
  });

  it("a service restored before the decision changed carries over: judged against the new RTO", async () => {
    const { t } = await freshEngine(target);
    const incident = await decided(t, "A");
    t.clock.set(after(40 * MINUTE));
    await t.engine.restoreService(t.as(COORDINATOR), incident.id, "dienstverlening");
    t.clock.set(after(50 * MINUTE));
    await t.engine.decide(t.as(COORDINATOR), incident.id, {
      situation: "B",
      reason: "Gebouw ok",
      confirmed: true,
    });
    t.clock.set(after(60 * MINUTE));
    await t.engine.close(t.as(COORDINATOR), incident.id, "Opgelost");
    const review = await buildReview(t.engine, incident.id);
    const rto = answerOf(review, "hersteltijd-rto");
    expect(rto.chosenOption).toBeNull();
    // Both situations have the service: the restoration carried over to B (12 h RTO, restored
    // 40 minutes in), so it is no earlier decision's work but B's, within its RTO.
    expect(rto.facts).toEqual([]);
    expect(tableOf(review, "services").rows[0]).toEqual([
      "1",
      "Diensten i.v.m. dienstverlening (keuken, thuisdiensten)",
      "12 u",
      "zo 22 nov 2026 10:00",
      "za 21 nov 2026 22:40 (Pieter Declercq)",
      "40 min",
      "Binnen de RTO",
    ]);
  });
});
