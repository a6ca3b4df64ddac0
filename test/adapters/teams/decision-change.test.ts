// Changing the decision in Teams: Action.Execute has no confirmation of its own, so the choice
// opens a card in the card with what the change does, a required reason and a confirming button;
// the typed command answers with what would change and the command that confirms it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../support/databases.ts";
import { actionsOf, cardOf, type Json, messageText } from "../../support/fake-connector.ts";
import { PERSON, TeamsRamp } from "./harness.ts";

describeEachDatabase("Teams: changing the decision", (target) => {
  let t: TeamsRamp;
  let thread: string;

  beforeAll(async () => {
    t = await TeamsRamp.start(target.url);
    for (const who of ["pieter", "kevin", "bart"] as const) await t.installPersonal(who);
    await t.installInTeam("pieter");
    const sent = await t.mention("pieter", "start groot Brand in het administratief centrum");
    thread = sent.conversationId;
    await t.replyTo(sent);
    await t.replyTo(await t.mention("pieter", "besluit B"));
    const task = async (planTaskId: string) =>
      String((await t.query(`SELECT id FROM "Task" WHERE "planTaskId" = $1`, [planTaskId]))[0]?.id);
    const as = (who: "kevin" | "bart") =>
      t.ramp.engine.identify({ personId: PERSON[who] }, "teams");
    await t.ramp.engine.task(as("kevin"), await task("b-tech-internet-telefonie"), "claim");
    await t.ramp.engine.task(as("bart"), await task("b-tech-backups"), "claim");
    await t.settled();
  });
  afterAll(async () => {
    await t?.close();
  });

  const decisionCard = () =>
    t.fake.messagesIn(thread).find((m) => messageText(m).startsWith("Evaluatie en beslissing"))!;

  it("answers a typed change with what it would do and the command that confirms it", async () => {
    const reply = messageText(await t.replyTo(await t.mention("pieter", "besluit A bibliotheek")));
    expect(reply).toContain(
      "Dit wijzigt de beslissing van situatie B naar situatie A — Bibliotheek De Heidebloem – leeszaal 1e verdieping.",
    );
    expect(reply).toContain("Back-ups beschikbaar stellen — Bart Lannoo (opgenomen)");
    expect(reply).toContain(
      "Onderbroken internet en telefonie herstellen — Kevin Dumon (opgenomen)",
    );
    expect(reply).toContain(
      "Een wijziging vraagt een reden. Bevestig met: @Ramp besluit A bibliotheek _reden_ bevestig",
    );
    expect(await t.count(`SELECT count(*) FROM "Decision"`)).toBe(1);
  });

  it("puts the change behind a card in the card with a required reason, and makes it on confirmation", async () => {
    const card = cardOf(decisionCard().activity)!;
    // Short titles (Teams cuts long ones); the location is chosen inside A's card in the card.
    const choice = (card.actions as Json[]).find((a) => a.title === "A: uitwijklocatie")!;
    expect(choice.type).toBe("Action.ShowCard");
    const inner = choice.card as Json;
    expect(inner.body).toContainEqual(
      expect.objectContaining({ type: "Input.Text", id: "reason-A", isRequired: true }),
    );
    expect(inner.body).toContainEqual(
      expect.objectContaining({ type: "Input.ChoiceSet", id: "locationId", isRequired: true }),
    );
    const b = (card.actions as Json[]).find((a) => a.title === "B: eigen gebouwen")!;
    expect(b.type).toBe("Action.Execute"); // B is the current decision: nothing to confirm
    expect(JSON.stringify(inner.body)).toContain(
      "Onderbroken internet en telefonie herstellen — Kevin Dumon (opgenomen)",
    );
    const confirm = actionsOf(card).find(
      (a) => a.title === "Wijziging bevestigen" && a.data.situation === "A",
    )!;
    expect(confirm.data).toMatchObject({ situation: "A", confirmed: "yes" });
    expect(confirm.data.locationId).toBeUndefined(); // Teams adds the chosen one

    // Without a reason (a client that skips the required check): refused, nothing changes.
    const refused = await t.execute("pieter", decisionCard(), confirm.verb, confirm.data, {
      locationId: "bibliotheek",
    });
    expect(refused.text).toMatch(
      /^⚠️ De huidige beslissing is situatie B\. Een wijziging vraagt een reden/,
    );
    expect(await t.count(`SELECT count(*) FROM "Decision"`)).toBe(1);

    const done = await t.execute("pieter", decisionCard(), confirm.verb, confirm.data, {
      locationId: "bibliotheek",
      "reason-A": "Gebouw onveilig verklaard",
    });
    expect(done.status).toBe(200);
    expect(done.text).toContain("Laatste wijziging");
    expect(done.text).toContain("Gebouw onveilig verklaard");
    expect(await t.count(`SELECT count(*) FROM "Decision"`)).toBe(2);
    const [backups] = await t.query(
      `SELECT situation, status, "ownerId" FROM "Task" WHERE "planTaskId" = 'a-tech-backups'`,
    );
    expect(backups).toEqual({ situation: "A", status: "claimed", ownerId: PERSON.bart });
    await t.waitForDm(
      "kevin",
      /Uw taak "Onderbroken internet en telefonie herstellen" is daardoor geannuleerd; u hoeft er niet verder aan te werken\. Reden: Gebouw onveilig verklaard/,
    );
  });
});
