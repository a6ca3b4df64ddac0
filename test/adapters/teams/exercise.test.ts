// An exercise in Teams, through botbuilder and the fake connector (which runs every card through
// Microsoft's Adaptive Cards validator and Teams' rules): OEFENING first, in the attention colour,
// on every card in the channel and in personal chats, an inject, and a real incident
// that stops it. SQLite.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cardOf, type Json, messageText } from "../../support/fake-connector.ts";
import { PAGED_AT_START, TeamsRamp } from "./harness.ts";

const MARK = "OEFENING O-2026-001 — dit is een oefening, geen echt incident.";

describe("Teams: an exercise", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-teams-exercise-"));
  let t: TeamsRamp;
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("marks every card, delivers an inject, and gives way to a real incident", async () => {
    t = await TeamsRamp.start(`file:${path.join(dir, "ramp.db")}`);
    await t.installInTeam("pieter");
    for (const who of PAGED_AT_START) await t.installPersonal(who);
    await t.installPersonal("pieter");

    const sent = await t.mention("pieter", "oefening start ransomware-bestandsserver");
    expect(messageText(await t.replyTo(sent))).toContain("Oefening O-2026-001 is gestart");
    const start = await t.waitForChannelMessage(/Startsituatie van de oefening/);
    const page = await t.waitForDm("bart", /Oefening O-2026-001 — Ransomware/);
    await t.settled();
    for (const message of [...t.channelMessages(), page]) {
      const card = cardOf(message.activity as Json);
      const [banner, line] = (card?.body as Json[] | undefined) ?? [];
      expect(banner).toMatchObject({ text: "🟧 OEFENING 🟧", color: "Attention" });
      expect(line).toMatchObject({ text: MARK });
    }
    expect(messageText(start)).toContain("Maandag 08:40");

    // An inject of the coordinator's own (the scenario's wait for their time; see the core tests).
    await t.replyTo(await t.mention("pieter", "oefening inject De stroom valt uit"));
    const inject = await t.waitForChannelMessage(/Inject T\+0m \(ad hoc\)|Inject T\+0m voor/);
    expect(messageText(inject).split("\n")[0]).toBe("🟧 OEFENING 🟧");

    await t.replyTo(await t.mention("pieter", "start groot Brand in het administratief centrum"));
    await t.waitForChannelMessage(/OEFENING O-2026-001 IS GESTOPT: er is een echt incident/);
    const real = await t.waitForDm("bart", /Incident 2026-001 — Brand/);
    expect(messageText(real)).not.toContain("OEFENING");
  });
});
