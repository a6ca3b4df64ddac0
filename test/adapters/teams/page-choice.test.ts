// Someone paged for two functions (their own and, as alternate, one whose holder cannot come)
// declines per function. In Slack each function has its own button; Teams cuts button titles
// over 20 characters, so its card has one "Ik kan niet" button that opens the functions as a
// choice. Ramp's real Teams stack over HTTP, checked by the fake connector's card check.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../support/databases.ts";
import { buttonLabels, cardOf, type Json, messageText } from "../../support/fake-connector.ts";
import { PERSON, TeamsRamp } from "./harness.ts";

describeEachDatabase("Teams: declining one of two functions on one page card", (target) => {
  let t: TeamsRamp;

  beforeAll(async () => {
    t = await TeamsRamp.start(await target.createDatabase());
    for (const who of ["pieter", "johan", "katrien"] as const) await t.installPersonal(who);
    await t.installInTeam("pieter");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("offers one short button whose choice names each function, and declines only the one chosen", async () => {
    await t.mention("pieter", "start groot Brand in het administratief centrum");
    const katrienPage = await t.waitForDm("katrien", "U wordt opgeroepen");
    expect((await t.click("katrien", katrienPage, "Ik kan niet")).status).toBe(200);
    // Katrien's function goes to her alternate Johan, whose unanswered page now names both.
    const both = await t.fake.waitFor("Johan's page naming both functions", () =>
      t
        .dmMessages("johan")
        .find((m) =>
          messageText(m).includes("Financieel directeur en Adjunct financieel directeur"),
        ),
    );
    const card = cardOf(both.activity);
    expect(buttonLabels(card)).toEqual(["Ik kom", "Ik kan niet"]);
    const choice = ((card!.actions as Json[])[1]!.card as Json).body as Json[];
    expect(choice[0]).toMatchObject({
      type: "Input.ChoiceSet",
      label: "Voor welke functie?",
      choices: [{ title: "Financieel directeur" }, { title: "Adjunct financieel directeur" }],
    });

    const pages = await t.query(
      `SELECT id, "functionId" FROM "Page" WHERE "personId" = $1 ORDER BY "functionId"`,
      [PERSON.johan],
    );
    const adjunct = pages.find((p) => p.functionId === "adjunct-financieel-directeur")!;
    const own = pages.find((p) => p.functionId === "financieel-directeur")!;
    const answer = await t.click("johan", both, "Bevestigen", { subjectId: String(adjunct.id) });
    expect(answer.status).toBe(200);

    const status = async (id: unknown) =>
      (await t.query(`SELECT status FROM "Page" WHERE id = $1`, [String(id)]))[0]?.status;
    await expect.poll(() => status(adjunct.id)).toBe("declined");
    expect(await status(own.id)).toBe("sent");
    t.fake.assertCards();
  });
});
