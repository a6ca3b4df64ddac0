// `/ramp test` in Slack: every pageable person gets a DM marked as a test (checked against
// Slack's Block Kit limits by the fake), "Ontvangen" updates the card in place, and the
// coordinator's "Test nu afsluiten" sends the result to the leaders.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackRamp, U } from "./harness.ts";

describe("Slack: reachability test", () => {
  let s: SlackRamp;
  beforeAll(async () => {
    s = await SlackRamp.start(
      `file:${path.join(mkdtempSync(path.join(tmpdir(), "ramp-test-")), "ramp.db")}`,
    );
  });
  afterAll(async () => {
    await s?.close();
  });

  it("sends a test DM to everyone who may be paged, counts Ontvangen and closes on request", async () => {
    const refused = await s.command(U.bart, "test");
    expect((await refused.reply()).text).toContain("Enkel de coördinator of een plaatsvervanger");

    const started = await s.command(U.pieter, "test");
    expect((await started.reply()).text).toMatch(
      /^Bereikbaarheidstest T-2026-01 gestart: 13 mensen krijgen "TEST — er is geen incident"/,
    );
    const card = await s.waitForMessage(s.fake.dmOf(U.johan), /^TEST — er is geen incident/);
    expect(JSON.stringify(card.blocks)).toContain("🧪 TEST — er is geen incident");
    expect(s.fake.callsOf("conversations.create")).toEqual([]);

    await s.click(U.johan, card, "Ontvangen");
    const answered = await s.fake.waitFor("the answered card", () => {
      const now = s.message(s.fake.dmOf(U.johan), /^TEST — er is geen incident/);
      return JSON.stringify(now?.blocks).includes("Ontvangen om") ? now : undefined;
    });
    expect(JSON.stringify(answered.blocks)).not.toContain("ramp_test_received");

    const mine = await s.waitForMessage(s.fake.dmOf(U.pieter), /^TEST — er is geen incident/);
    await s.click(U.pieter, mine, "Test nu afsluiten");
    const result = await s.waitForMessage(
      s.fake.dmOf(U.sofie),
      /^Bereikbaarheidstest T-2026-01 afgesloten/,
    );
    expect(result.text).toContain("1 van 13 antwoordden (8 %)");
    expect(result.text).toContain("Zonder bereikbare titularis of vervanger");
    // Unanswered cards say the test is over.
    await s.fake.waitFor("the closed card", () =>
      JSON.stringify(s.message(s.fake.dmOf(U.els), /^TEST/)?.blocks).includes("afgesloten")
        ? true
        : undefined,
    );
  });
});
