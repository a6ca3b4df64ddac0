// Step 2 "Melding": a staff member reports what may be an incident; the coordinator and the
// deputies are alerted before anything is declared, and the declaration that follows takes the
// report as its detection (who reported it, when), which the review then answers from.
import { beforeEach, expect, it } from "vitest";
import { parseChatCommand } from "../../src/core/chat/parse.ts";
import { runChatCommand } from "../../src/core/chat/run.ts";
import { buildReview } from "../../src/core/review/build.ts";
import type { Database } from "../../src/store/database.ts";
import { describeEachDatabase } from "../support/databases.ts";
import type { TestEngine } from "../support/engine.ts";
import { COORDINATOR, DEPUTY, declare, entries, freshEngine, HOUR, noticesOf } from "./fixtures.ts";

const BART = "bart-lannoo";

describeEachDatabase("reporting an incident", (target) => {
  let t: TestEngine;
  let db: Database;
  beforeEach(async () => {
    ({ t, db } = await freshEngine(target));
  });

  const say = async (person: string, words: string) =>
    runChatCommand(t.engine, t.as(person), parseChatCommand(words), "/ramp");

  it("alerts the coordinator and the deputies, and the declaration takes it as its detection", async () => {
    const reply = await say(BART, "melding Rook uit het serverlokaal, het alarm gaat af");
    expect(reply).toEqual({
      kind: "text",
      text: "Uw melding is doorgegeven aan Pieter Declercq, Sofie Vermeulen. Wie beslist, start zo nodig het incident; u hoort het dan.",
    });
    const alerts = (await db.client.outboxMessage.findMany({ where: { incidentId: null } })).map(
      (row) => [
        row.targetId,
        JSON.parse(row.payload).notice.kind,
        JSON.parse(row.payload).notice.text,
      ],
    );
    const text =
      "Melding van Bart Lannoo (za 21 nov 22:00): Rook uit het serverlokaal, het alarm gaat af — Is het een incident? Start het met /ramp start; de melding wordt er deel van.";
    expect(alerts).toEqual([
      [COORDINATOR, "report", text],
      [DEPUTY, "report", text],
    ]);

    // The coordinator's form starts from the report.
    expect(await say(COORDINATOR, "start")).toMatchObject({
      kind: "start-form",
      description: "Rook uit het serverlokaal, het alarm gaat af",
      meeting: "primary",
    });
    t.clock.set(new Date(t.clock.now().getTime() + 0.25 * HOUR));
    const incident = await declare(t);
    expect(incident.detectedAt).toEqual(new Date(t.clock.now().getTime() - 0.25 * HOUR));
    expect(incident.reportedBy).toBe("Bart Lannoo (melding via Ramp, za 21 nov 22:00)");
    const [declared] = await entries(t, incident.id, "incident.declared");
    expect(declared!.data).toMatchObject({ reportedBy: incident.reportedBy });
    // Bart hears what his report led to.
    expect(await noticesOf(t, incident.id, "log")).toEqual([
      {
        to: BART,
        text: "Uw melding leidde tot incident 2026-001: Brand in het administratief centrum.",
      },
    ]);
    // The review answers the detection from it.
    const review = await buildReview(t.engine, incident.id);
    const detection = review.sections.flatMap((s) => s.answers).map((a) => a.text.join(" "));
    expect(detection.join("\n")).toContain("Gemeld door: Bart Lannoo (melding via Ramp");

    // Taken up: the next incident does not take it again.
    await t.engine.close(t.as(COORDINATOR), incident.id);
    expect(await say(COORDINATOR, "start")).not.toHaveProperty("description");
    const second = await declare(t);
    expect(second.reportedBy).toBeNull();
  });

  it("puts a report on the active incident's timeline", async () => {
    const incident = await declare(t);
    const reply = await say(BART, "meld Water in de kelder van het Sociaal Huis");
    expect(reply).toMatchObject({
      text: "Er loopt al een incident (2026-001): uw melding staat in het logboek, de crisisstaf ziet ze op het crisisbord.",
    });
    const [logged] = await entries(t, incident.id, "log");
    expect(logged).toMatchObject({
      actorId: BART,
      tags: ["melding"],
      data: { text: "Water in de kelder van het Sociaal Huis" },
    });
  });

  it("leaves a report of more than a day ago out of a declaration", async () => {
    await say(BART, "report Vreemde e-mails op de boekhouding");
    t.clock.set(new Date(t.clock.now().getTime() + 25 * HOUR));
    const incident = await declare(t);
    expect(incident.reportedBy).toBeNull();
    expect(incident.detectedAt).toBeNull();
  });

  it("asks what is happening, and refuses someone outside the plan", async () => {
    expect(await say(BART, "melding")).toMatchObject({
      kind: "help",
      error: { code: "invalid-input" },
    });
    await expect(t.engine.report(t.as(BART), "  ")).rejects.toMatchObject({
      code: "invalid-input",
    });
    await expect(t.engine.report(t.as("stranger"), "Brand")).rejects.toMatchObject({
      code: "not-in-plan",
    });
    expect(await db.client.report.count()).toBe(0);
  });
});
