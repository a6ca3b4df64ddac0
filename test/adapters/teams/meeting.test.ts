// The meeting address in Teams: the start form offers the primary or the fallback address,
// `@Ramp start uitwijk …` and `contactadres primair|uitwijk` work, and the incident card's
// button moves it (for the coordinator and deputies); those paged hear it in their chat.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { cardOf, type Json, messageText } from "../../support/fake-connector.ts";
import { findAction, PAGED_AT_START, TeamsRamp } from "./harness.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function sqliteUrl(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-teams-meeting-"));
  dirs.push(dir);
  return `file:${path.join(dir, "ramp.db")}`;
}

describe("Teams: the meeting address", () => {
  let t: TeamsRamp;
  beforeEach(async () => {
    t = await TeamsRamp.start(sqliteUrl());
    await t.installInTeam("pieter");
    for (const who of PAGED_AT_START) await t.installPersonal(who);
    await t.installPersonal("pieter");
  });
  afterEach(async () => {
    await t?.close();
  });

  it("offers primary or fallback in the start form, primary preselected, and declares with the choice", async () => {
    const form = await t.replyTo(await t.mention("pieter", "start"));
    const card = cardOf(form.activity)!;
    const meeting = (card.body as Json[]).find((e) => e.id === "meeting")!;
    expect(meeting).toMatchObject({ type: "Input.ChoiceSet", style: "expanded", value: "primary" });
    expect(meeting.choices).toEqual([
      {
        value: "primary",
        title:
          "Primair contactadres — Administratief Centrum Heidehof, Marktplein 1, 8981 Zonnebeke-Heide",
      },
      {
        value: "fallback",
        title:
          "Uitwijk-contactadres — Woonzorgcentrum Ter Heide, Kerkstraat 41, 8981 Zonnebeke-Heide",
      },
    ]);
    const submit = findAction(card, "Starten");
    await t.execute("pieter", form, submit.verb, submit.data, {
      classification: "crisis",
      scope: "totaal",
      description: "Brand in het administratief centrum",
      meeting: "fallback",
    });
    const [incident] = await t.query(`SELECT meeting FROM "Incident"`);
    expect(incident?.meeting).toBe("fallback");
    await t.waitForDm("marleen", /Kom naar het uitwijk-contactadres Woonzorgcentrum Ter Heide/);
  });

  it("declares with `start … uitwijk`, moves it with `contactadres` and with the card's button", async () => {
    await t.say("pieter", "start crisis uitwijk Brand in het administratief centrum");
    await t.waitForDm("marleen", /Kom naar het uitwijk-contactadres Woonzorgcentrum Ter Heide/);
    expect((await t.query(`SELECT meeting FROM "Incident"`))[0]?.meeting).toBe("fallback");

    await t.say("pieter", "contactadres primair Vals alarm in het Heidehof");
    await t.waitForDm("pieter", /^Contactadres gewijzigd: Administratief Centrum Heidehof/);
    expect((await t.query(`SELECT meeting FROM "Incident"`))[0]?.meeting).toBe("primary");
    const notice = await t.waitForDm("marleen", /^Nieuw contactadres voor incident 2026-001/);
    expect(messageText(notice)).toContain("kom naar Administratief Centrum Heidehof");
    expect(messageText(notice)).toContain("Reden: Vals alarm in het Heidehof");

    // The incident card in the team's channel: the button, behind a confirmation with a reason.
    await t.settled();
    const incidentCard = await t.waitForChannelMessage(/^Incident 2026-001 — Brand/);
    expect(messageText(t.current(incidentCard))).toContain("Administratief Centrum Heidehof");
    const move = findAction(cardOf(t.current(incidentCard).activity), "Wijzigen");
    expect(move.verb).toBe("ramp.meeting");
    expect(move.inputs).toEqual(["reason"]);
    // Someone who is not coordinator or deputy does not see it.
    const asBart = await t.refresh("bart", incidentCard);
    expect(() => findAction(asBart.card, "Wijzigen")).toThrow();

    const answer = await t.execute("sofie", incidentCard, move.verb, move.data, {
      reason: "Toch rook in het Heidehof",
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("Woonzorgcentrum Ter Heide");
    const rows = await t.query(`SELECT meeting FROM "Incident"`);
    expect(rows[0]?.meeting).toBe("fallback");
    await t.fake.waitFor("the second notice to Marleen", () =>
      t.dmMessages("marleen", /^Nieuw contactadres/).length === 2 ? true : undefined,
    );
  });
});
