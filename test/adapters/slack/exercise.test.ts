// An exercise in Slack, through Bolt and the fake Slack (which checks every payload against
// Slack's limits): its own channel named oefening-o-…, OEFENING first on every message, an inject
// at its time by DM, and a real incident that stops it in a channel of its own.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_NAME, SlackRamp, U } from "./harness.ts";

const EXERCISE_CHANNEL = "oefening-o-2026-001-ransomware-op-de-bestandsserver";

describe("Slack: an exercise", () => {
  let s: SlackRamp;
  beforeAll(async () => {
    s = await SlackRamp.start(
      `file:${path.join(mkdtempSync(path.join(tmpdir(), "ramp-exercise-")), "ramp.db")}`,
    );
  });
  afterAll(async () => {
    await s?.close();
  });

  it("marks every message, delivers injects, and gives way to a real incident", async () => {
    const started = await s.command(U.pieter, "oefening start ransomware-bestandsserver");
    expect((await started.reply()).text).toMatch(
      /^OEFENING: Oefening O-2026-001 is gestart met 5 injects/,
    );
    const channel = await s.incidentChannel(EXERCISE_CHANNEL);
    const start = await s.waitForMessage(channel, /Startsituatie van de oefening/);
    expect(start.text.startsWith("OEFENING: ")).toBe(true);
    expect(start.blocks[0]).toMatchObject({ type: "header", text: { text: "🟧 OEFENING 🟧" } });
    const page = await s.waitForMessage(s.fake.dmOf(U.bart), /Oefening O-2026-001 — Ransomware/);
    expect(page.text.startsWith("OEFENING: ")).toBe(true);
    await s.settled();
    for (const message of s.fake.messagesIn(channel))
      expect(JSON.stringify(message.blocks[1])).toContain(
        "dit is een oefening, geen echt incident",
      );

    s.clock.advanceMinutes(20);
    await s.tick();
    const inject = await s.waitForMessage(s.fake.dmOf(U.bart), /Inject T\+20m voor Deskundige ICT/);
    expect(inject.blocks[0]).toMatchObject({ type: "header" });

    await (await s.command(U.pieter, "start groot Brand in het administratief centrum")).reply();
    const real = await s.incidentChannel(CHANNEL_NAME);
    expect(real).not.toBe(channel);
    const stopped = await s.waitForMessage(channel, /IS GESTOPT: er is een echt incident gestart/);
    expect(stopped.text.startsWith("OEFENING: OEFENING O-2026-001 IS GESTOPT")).toBe(true);
    await s.settled();
    const realPage = await s.waitForMessage(s.fake.dmOf(U.bart), /^Incident 2026-001/);
    expect(JSON.stringify(realPage.blocks)).not.toContain("OEFENING");
  });
});
