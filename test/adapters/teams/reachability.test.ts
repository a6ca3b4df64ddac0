// `/ramp test` in Teams: a personal-chat card marked as a test (checked by the fake connector
// with Microsoft's card parser and Teams' rules), "Ontvangen" answers with the updated card,
// and someone who never installed Ramp shows up in the result as not reachable in Teams.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadResult } from "../../../src/core/practice/views.ts";
import { buttonLabels, cardOf, messageText } from "../../support/fake-connector.ts";
import { PERSON, TeamsRamp, type Who } from "./harness.ts";

const INSTALLED: Who[] = ["pieter", "sofie", "johan", "els"];

describe("Teams: reachability test", () => {
  let t: TeamsRamp;
  beforeAll(async () => {
    t = await TeamsRamp.start(
      `file:${path.join(mkdtempSync(path.join(tmpdir(), "ramp-teams-test-")), "ramp.db")}`,
    );
    for (const who of INSTALLED) await t.installPersonal(who);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("sends the test card, takes Ontvangen, and reports who Teams could not reach", async () => {
    expect((await t.say("pieter", "test")).status).toBeLessThan(300);
    const card = await t.waitForDm("johan", /^🧪 TEST — er is geen incident/);
    expect(buttonLabels(cardOf(card.activity))).toEqual(["Ontvangen"]);
    const leader = await t.waitForDm("sofie", /^🧪 TEST — er is geen incident/);
    expect(buttonLabels(cardOf(leader.activity))).toEqual(["Ontvangen", "Test nu afsluiten"]);

    const answered = await t.click("johan", card, "Ontvangen");
    expect(answered.status).toBe(200);
    expect(answered.text).toContain("Ontvangen om");
    expect(buttonLabels(answered.card)).toEqual([]);

    await t.settled();
    await t.click("sofie", leader, "Test nu afsluiten");
    const result = await t.waitForDm("pieter", /^Bereikbaarheidstest T-2026-01 afgesloten/);
    expect(messageText(result)).toContain("1 van 13 antwoordden");
    const [test] = await t.ramp.engine.ctx.store.reachability.list("ocmw-zonnebeke-heide", 1);
    const outcome = await loadResult(t.ramp.engine.ctx, test!);
    const bart = outcome.people.find((p) => p.personId === PERSON.bart)!;
    expect(bart.channels).toEqual([
      expect.objectContaining({
        channel: "teams",
        delivered: false,
        reason: "teams-not-installed",
      }),
    ]);
    const johan = outcome.people.find((p) => p.personId === PERSON.johan)!;
    expect(johan.answerSource).toBe("teams");
  });
});
