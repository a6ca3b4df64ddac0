// The meeting address in Slack: `/ramp start … uitwijk …`, `/ramp contactadres primair|uitwijk`,
// and the incident card's button (behind Slack's confirmation), with a DM to everyone paged.
// Real Bolt over HTTP, fake Slack Web API, a fresh SQLite database.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Body } from "../../support/fake-slack.ts";
import { SlackRamp, U } from "./harness.ts";

describe("Slack: the meeting address", () => {
  let s: SlackRamp;
  let channel: string;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-slack-meeting-"));

  beforeAll(async () => {
    s = await SlackRamp.start(`file:${path.join(dir, "ramp.db")}`);
  });
  afterAll(async () => {
    await s?.close();
  });

  const meeting = async () => (await s.query(`SELECT meeting FROM "Incident"`))[0]?.meeting;

  it("declares at the fallback address with /ramp start … uitwijk …", async () => {
    const sent = await s.command(
      U.pieter,
      "start crisis uitwijk Brand in het administratief centrum",
    );
    expect((await sent.reply()).text).toMatch(/^Incident 2026-001 is gestart/);
    expect(await meeting()).toBe("fallback");
    const page = await s.waitForMessage(s.fake.dmOf(U.marleen), "Incident 2026-001");
    expect(page.text).toContain("het uitwijk-contactadres Woonzorgcentrum Ter Heide");
    channel = await s.incidentChannel("ramp-2026-11-22-brand-in-het-administratief-centrum");
  });

  it("explains a word it does not know after contactadres, and changes nothing", async () => {
    const sent = await s.command(U.pieter, "contactadres elders");
    expect(JSON.stringify(await sent.reply())).toContain(
      "past hier niet. Gebruik: /ramp contactadres &lt;primair|uitwijk&gt; [reden]",
    );
    expect(await meeting()).toBe("fallback");
  });

  it("moves it with /ramp contactadres primair: a DM to those paged with the new arrival time", async () => {
    const sent = await s.command(U.sofie, "contactadres primair Vals alarm");
    expect((await sent.reply()).text).toMatch(
      /^Contactadres gewijzigd: Administratief Centrum Heidehof, Marktplein 1, 8981 Zonnebeke-Heide/,
    );
    expect(await meeting()).toBe("primary");
    const notice = await s.waitForMessage(s.fake.dmOf(U.marleen), "Nieuw contactadres");
    expect(notice.text).toMatch(
      /^Nieuw contactadres voor incident 2026-001: kom naar Administratief Centrum Heidehof, .*, tegen .+\. Reden: Vals alarm\.$/,
    );
  });

  it("moves it with the incident card's button, confirmed first; a staff member is refused", async () => {
    await s.settled();
    const card = s.now(await s.waitForMessage(channel, "Incident 2026-001 — Brand"));
    expect(JSON.stringify(card.blocks)).toContain("Administratief Centrum Heidehof");
    const button = card.blocks
      .flatMap((b) => (b.type === "actions" ? (b.elements as Body[]) : []))
      .find((e) => e.action_id === "ramp_meeting")!;
    expect((button.text as Body).text).toBe("Contactadres: Woonzorgcentrum Ter Heide");
    expect((button.confirm as Body).title).toMatchObject({ text: "Contactadres wijzigen?" });

    const refused = await s.click(U.bart, card, "Contactadres: Woonzorgcentrum Ter Heide");
    expect(JSON.stringify(await refused.reply())).toContain(
      "Enkel de coördinator of een plaatsvervanger kan het contactadres wijzigen",
    );
    expect(await meeting()).toBe("primary");

    await s.click(U.pieter, card, "Contactadres: Woonzorgcentrum Ter Heide");
    await s.fake.waitFor("the second notice to Marleen", () =>
      s.fake.messagesIn(s.fake.dmOf(U.marleen)).filter((m) => m.text.includes("Nieuw contactadres"))
        .length === 2
        ? true
        : undefined,
    );
    expect(await meeting()).toBe("fallback");
    await s.settled();
    const updated = s.now(card);
    expect(JSON.stringify(updated.blocks)).toContain("Woonzorgcentrum Ter Heide, Kerkstraat 41");
  });
});
