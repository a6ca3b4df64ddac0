// `/ramp melding` in Slack: the reporter hears who was alerted, the coordinator and the deputy
// get a DM before any incident exists, and the declaration that follows tells the reporter.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackRamp, U } from "./harness.ts";

describe("Slack: reporting an incident", () => {
  let s: SlackRamp;
  beforeAll(async () => {
    s = await SlackRamp.start(
      `file:${path.join(mkdtempSync(path.join(tmpdir(), "ramp-report-")), "ramp.db")}`,
    );
  });
  afterAll(async () => {
    await s?.close();
  });

  it("alerts the coordinator and the deputy by DM, and tells the reporter what it led to", async () => {
    const sent = await s.command(U.bart, "melding Rook uit het serverlokaal");
    expect((await sent.reply()).text).toBe(
      "Uw melding is doorgegeven aan Pieter Declercq, Sofie Vermeulen. Wie beslist, start zo nodig het incident; u hoort het dan.",
    );
    for (const leader of [U.pieter, U.sofie]) {
      const alert = await s.waitForMessage(s.fake.dmOf(leader), /^Melding van Bart Lannoo/);
      expect(JSON.stringify(alert.blocks)).toContain("🚨 Melding van Bart Lannoo");
      expect(alert.text).toContain(
        "Rook uit het serverlokaal — Is het een incident? Start het met /ramp start",
      );
    }
    expect(s.fake.callsOf("conversations.create")).toEqual([]);

    // The coordinator's form opens with the report as its description.
    await s.command(U.pieter, "start", { triggerId: "trigger-report" });
    const opened = await s.fake.waitFor("the start form", () => s.fake.callsOf("views.open")[0]);
    expect(JSON.stringify(opened.body.view)).toContain(
      '"initial_value":"Rook uit het serverlokaal"',
    );

    await (await s.command(U.pieter, "start groot Brand in het serverlokaal")).reply();
    const told = await s.waitForMessage(
      s.fake.dmOf(U.bart),
      /^Uw melding leidde tot incident 2026-001/,
    );
    expect(told.text).toBe("Uw melding leidde tot incident 2026-001: Brand in het serverlokaal.");
    const [incident] = await s.ramp.engine.activeIncidents();
    expect(incident!.reportedBy).toMatch(/^Bart Lannoo \(melding via Ramp, zo 22 nov \d\d:\d\d\)$/);
  });
});
