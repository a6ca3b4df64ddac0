// "Klopt dit nog?" in Teams: the personal-chat card (checked by the fake connector with
// Microsoft's card parser and Teams' rules) with "Klopt" and the "Wijzigen" form behind a
// ShowCard; a bad number comes back on the card with nothing changed, a good one is proposed.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_PLAN_PATH } from "../../../src/plan/load.ts";
import { cardOf } from "../../support/fake-connector.ts";
import { TeamsRamp } from "./harness.ts";

describe("Teams: contact check", () => {
  let t: TeamsRamp;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ramp-teams-contacts-"));
    // A copy of the sample plan: the patched copy of a correction is written beside it.
    copyFileSync(SAMPLE_PLAN_PATH, path.join(dir, "plan.yaml"));
    t = await TeamsRamp.start(`file:${path.join(dir, "ramp.db")}`, {
      env: { RAMP_PLAN: path.join(dir, "plan.yaml") },
    });
    for (const who of ["sofie", "johan"] as const) await t.installPersonal(who);
    t.ramp.scheduler.askContacts = true;
    await t.tick();
  });
  afterAll(async () => {
    await t?.close();
  });

  const checkOf = async (personId: string) =>
    (await t.ramp.engine.ctx.store.contactChecks.listLatest()).find(
      (c) => c.personId === personId,
    )!;

  it("reminds after a week without an answer, on a card with the same two answers", async () => {
    await t.waitForDm("johan", /Klopt dit nog\?/);
    t.clock.advanceMinutes(7 * 24 * 60);
    await t.tick();
    const reminder = await t.waitForDm("johan", /Herinnering: klopt dit nog\?/);
    const card = cardOf(reminder.activity)!;
    expect(JSON.stringify(card.body)).toContain("Herinnering: klopt dit nog?");
    expect((card.actions as Array<{ title: string }>).map((a) => a.title)).toEqual([
      "Klopt",
      "Wijzigen",
    ]);
    await t.tick();
    expect(t.dmMessages("johan", /Herinnering/)).toHaveLength(1);
  });

  it("shows the person's details with Klopt and a Wijzigen form, and takes Klopt", async () => {
    const message = await t.waitForDm("johan", /Klopt dit nog\?/);
    const card = cardOf(message.activity)!;
    const actions = card.actions as Array<Record<string, unknown>>;
    expect(actions.map((a) => [a.type, a.title])).toEqual([
      ["Action.Execute", "Klopt"],
      ["Action.ShowCard", "Wijzigen"],
    ]);
    const form = actions[1]!.card as { body: Array<{ id: string }> };
    expect(form.body.map((i) => i.id)).toEqual([
      "contactMobile",
      "contactEmail",
      "contactPhone",
      "contactRemark",
    ]);
    const answered = await t.click("johan", message, "Klopt");
    expect(answered.text).toContain("Bedankt: uw contactgegevens zijn bevestigd.");
    expect((await checkOf("johan-maes")).answer).toBe("confirmed");
  });

  it("answers a bad number on the card and proposes a good one", async () => {
    const message = await t.waitForDm("sofie", /Klopt dit nog\?/);
    const checkId = (await checkOf("sofie-vermeulen")).id;
    const refused = await t.execute(
      "sofie",
      message,
      "ramp.contact.change",
      { checkId },
      {
        contactMobile: "12345",
      },
    );
    expect(refused.text).toContain("Er is niets gewijzigd.");
    expect(refused.text).toContain('"12345" is geen gsm-nummer');
    expect(await t.ramp.engine.ctx.store.amendments.listOpen()).toEqual([]);
    const accepted = await t.execute(
      "sofie",
      message,
      "ramp.contact.change",
      { checkId },
      {
        contactMobile: "+32 (0)478 20 64 35",
        contactEmail: "sofie.vermeulen@zonnebeke-heide.be",
      },
    );
    expect(accepted.text).toContain("Bedankt. Uw wijziging (gsm +32 478 20 64 35)");
    const open = await t.ramp.engine.ctx.store.amendments.listOpen();
    expect(open.map((a) => [a.personId, a.field, a.newValue])).toEqual([
      ["sofie-vermeulen", "mobile", "+32 478 20 64 35"],
    ]);
  });
});
