// Teams conversations beyond the main flow: help, the start form and its submission, the
// refusals, commands in a personal chat (Dutch words and English aliases), installs in a group
// chat. Real activities to /api/messages, answers at the fake connector; SQLite.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { cardOf, type Json, messageText } from "../../support/fake-connector.ts";
import {
  BOT,
  botAdded,
  GROUP_CHAT_ID,
  installationUpdate,
  personalMessage,
  TEAM,
} from "../../support/teams-activities.ts";
import { findAction, PAGED_AT_START, STRANGER, TeamsRamp } from "./harness.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function sqliteUrl(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-teams-commands-"));
  dirs.push(dir);
  return `file:${path.join(dir, "ramp.db")}`;
}

describe("Teams commands", () => {
  let t: TeamsRamp;
  beforeEach(async () => {
    t = await TeamsRamp.start(sqliteUrl());
    await t.installInTeam("pieter");
    for (const who of PAGED_AT_START) await t.installPersonal(who);
    await t.installPersonal("pieter");
    await t.installPersonal("hanne");
  });
  afterEach(async () => {
    await t?.close();
  });

  it("answers @Ramp with no words with the help (Teams' @Ramp in every line)", async () => {
    const sent = await t.mention("hanne", "");
    expect(sent.status).toBe(200);
    const help = messageText(await t.replyTo(sent));
    expect(help).toMatch(/^\*\*Ramp — het rampenplan, live\*\*\n/);
    // One command per list item; placeholders in italics (Teams drops `<…>`).
    expect(help).toContain("\n- **@Ramp start \\[zwak|klein|groot|crisis\\]");
    expect(help).toContain(
      "\n- **@Ramp besluit A** _uitwijklocatie_ **\\[reden\\]** of **@Ramp besluit B \\[reden\\]**",
    );
    expect(help).not.toMatch(/[<>`]/);
    expect(help).not.toContain("/ramp");
    // `@Ramp help` and the English alias say the same.
    for (const word of ["help", "hulp", "?"]) {
      const again = await t.mention("hanne", word);
      expect(messageText(await t.replyTo(again))).toBe(help);
    }
  });

  it("decides A at the fallback location chosen on the decision card, with a short button", async () => {
    const sent = await t.mention(
      "pieter",
      "start crisis totaal Brand in het administratief centrum",
    );
    await t.replyTo(sent);
    await t.mention("pieter", "evaluatie Kantoren onbruikbaar");
    const decision = await t.fake.waitFor("the decision card with its choice", () =>
      t.fake
        .messagesIn(sent.conversationId)
        .find((m) =>
          ((cardOf(m.activity)?.body ?? []) as Json[]).some((e) => e.id === "locationId"),
        ),
    );
    // The chosen location arrives as the action's locationId (Teams merges inputs into data).
    const decided = await t.click("pieter", decision, "A: uitwijklocatie", {
      locationId: "bibliotheek",
    });
    expect(decided.status).toBe(200);
    expect(decided.text).not.toMatch(/^⚠️/);
    expect(decided.text).toContain("Bibliotheek De Heidebloem");
    const [incident] = await t.query(`SELECT situation, "locationId" FROM "Incident"`);
    expect(incident).toEqual({ situation: "A", locationId: "bibliotheek" });
  });

  it("offers the coordinator the start form for @Ramp alone while no incident is active", async () => {
    const sent = await t.mention("pieter", "");
    expect(messageText(await t.replyTo(sent))).toBe("Incident melden");
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(0);
  });

  it("never posts a personal board link in a channel, only in the personal chat", async () => {
    const sent = await t.mention("hanne", "bord");
    const reply = await t.replyTo(sent);
    expect(messageText(reply)).toBe(
      "Het crisisbord toont het incident live, in de browser.\n🔒 Uw persoonlijke link naar het crisisbord staat in uw persoonlijke chat met Ramp: hij hoort niet in een gesprek dat anderen lezen.",
    );
    expect(JSON.stringify(reply)).not.toContain("token=");
    // Sent to her personal chat during the same turn, and again when she asks there.
    const link = () =>
      t.dmMessages("hanne").filter((m) => JSON.stringify(m).includes("/login?token="));
    expect(link()).toHaveLength(1);
    await t.say("hanne", "bord");
    await t.fake.waitFor("the link in Hanne's chat again", () => link().length === 2);
  });

  it("explains an unknown word with the help", async () => {
    const sent = await t.mention("hanne", "brand");
    const text = messageText(await t.replyTo(sent));
    expect(text).toMatch(/^⚠️ /);
    expect(text).toContain("brand");
    expect(text).toContain("@Ramp help");
  });

  it("opens the start form for @Ramp start without details, and declares when it is submitted", async () => {
    const sent = await t.mention("pieter", "start");
    const form = await t.replyTo(sent);
    const card = cardOf(form.activity)!;
    expect(messageText(form)).toMatch(/^Incident melden/);
    const inputs = (card.body as Json[]).filter((e) => String(e.type).startsWith("Input."));
    expect(inputs.map((i) => i.id)).toEqual([
      "classification",
      "scope",
      "description",
      "meeting",
      "officeHours",
    ]);
    // The scope is unknown until someone says: "nog onbekend" is chosen, never "totaal".
    const scope = inputs.find((i) => i.id === "scope")!;
    expect(scope.value).toBe("onbekend");
    expect((scope.choices as Json[]).map((c) => c.value)).toEqual([
      "onbekend",
      "totaal",
      "gedeeltelijk",
    ]);
    const submit = findAction(card, "Starten");
    expect(submit.verb).toBe("ramp.start");
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(0);

    const answer = await t.execute("pieter", form, submit.verb, submit.data, {
      classification: "crisis",
      scope: "gedeeltelijk",
      description: "Overstroming kelder Sociaal Huis",
      officeHours: "ja",
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(
      /^✅ Incident 2026-001 is gestart; de crisisstaf wordt opgeroepen\. Volgende stap: leg na de vergadering de evaluatie vast met @Ramp evaluatie _toestand_; dan volgt de beslissing A of B\.\nIncident 2026-001 — Overstroming kelder Sociaal Huis\n/,
    );
    const [incident] = await t.query(`SELECT classification, scope FROM "Incident"`);
    expect(incident).toMatchObject({ classification: "crisis", scope: "gedeeltelijk" });
    // The incident's cards go to the thread the form was in; the staff is paged.
    await t.fake.waitFor("the paging card in the form's thread", () =>
      t.fake
        .messagesIn(form.conversationId)
        .find((m) => /^Oproeping crisisstaf/.test(messageText(m))),
    );
    for (const who of PAGED_AT_START.filter((w) => w !== "pieter")) {
      await t.waitForDm(who, "Overstroming kelder Sociaal Huis");
    }
    // A second submission of the same form does not open a second incident.
    const again = await t.execute("sofie", form, submit.verb, submit.data, {
      classification: "crisis",
      description: "Overstroming kelder Sociaal Huis",
    });
    expect(again.text).toMatch(/^⚠️ /);
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(1);
  });

  it("refuses someone who is not in the plan, in a channel and in a personal chat", async () => {
    const sent = await t.mention(STRANGER, "start groot Brand");
    expect(sent.status).toBe(200);
    const text = messageText(await t.replyTo(sent));
    expect(text).toBe(
      // In the plan's language only.
      "⚠️ U staat niet in het crisisplan. Vraag de coördinator om u toe te voegen.",
    );
    const personal = personalMessage(t.fake.serviceUrl, { from: STRANGER, text: "status" });
    expect((await t.post(personal)).status).toBe(200);
    const reply = await t.replyTo({
      conversationId: String((personal.conversation as Json).id),
      activityId: String(personal.id),
    });
    expect(messageText(reply)).toMatch(/^⚠️ U staat niet in het crisisplan\./);
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(0);
    // Nothing remembered for them.
    const keys = (await t.query(`SELECT key FROM "ConversationRef"`)).map((r) => String(r.key));
    expect(keys.some((k) => k.includes(STRANGER.id))).toBe(false);
  });

  it("refuses a declaration by someone who is neither coordinator nor deputy", async () => {
    const sent = await t.mention("bart", "start groot Brand in het serverlokaal");
    const text = messageText(await t.replyTo(sent));
    expect(text).toMatch(
      /^⚠️ Enkel de coördinator of een plaatsvervanger kan een incident starten\./,
    );
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(0);
  });

  it("runs the commands in a personal chat, in Dutch and with the English aliases", async () => {
    await t.say("pieter", "start crisis Cyberaanval op de servers");
    const declared = await t.fake.waitFor("the confirmation in Pieter's chat", () =>
      t.dmMessages("pieter").find((m) => /^✅ Incident 2026-001 is gestart/.test(messageText(m))),
    );
    expect(messageText(declared)).toContain("Cyberaanval op de servers");
    // Declared in a personal chat: the incident's cards go to the crisis team's channel.
    const paging = await t.fake.waitFor("the paging card in the team's channel", () =>
      t.fake.messagesIn(TEAM.id).find((m) => /^Oproeping crisisstaf/.test(messageText(m))),
    );
    expect(paging.conversationId).toBe(TEAM.id);

    await t.say("pieter", "status");
    const status = await t.fake.waitFor("the status", () =>
      t.dmMessages("pieter").find((m) => messageText(m).includes("taken nog niet klaar")),
    );
    expect(messageText(status)).toContain("Oproeping crisisstaf");

    await t.say("pieter", "decide B Gebouwen bruikbaar");
    await t.fake.waitFor("the decision's confirmation", () =>
      t
        .dmMessages("pieter")
        .find(
          (m) =>
            messageText(m) ===
            "Beslissing vastgelegd: situatie B. De taken staan in het incidentkanaal.",
        ),
    );
    await t.settled();
    expect(await t.count(`SELECT count(*) FROM "Task" WHERE situation = 'B'`)).toBe(13);

    await t.say("bart", "tasks");
    const tasks = await t.fake.waitFor("the task list", () =>
      t.dmMessages("bart").find((m) => /^Taken — incident 2026-001/.test(messageText(m))),
    );
    // Each task with its first button, to claim it from the list.
    const claim = findAction(cardOf(tasks.activity), "Opnemen");
    expect(claim.verb).toBe("ramp.task.claim");
    const claimed = await t.execute("bart", tasks, claim.verb, claim.data);
    expect(claimed.text).toContain("Eigenaar: **Bart Lannoo**");

    await t.say("bart", "taken mijn");
    const mine = await t.fake.waitFor("Bart's own tasks", () =>
      t.dmMessages("bart").find((m) => /^Uw taken — incident 2026-001/.test(messageText(m))),
    );
    expect(messageText(mine).match(/🟦/g)).toHaveLength(1);

    await t.say("pieter", "log #oorzaak Phishingmail geopend op de boekhouding");
    await t.fake.waitFor("the log confirmation", () =>
      t.dmMessages("pieter").find((m) => messageText(m) === "In het logboek gezet (#oorzaak)."),
    );

    // Tasks are still open: the first step lists them and asks for the confirmation.
    await t.say("pieter", "close Systemen hersteld");
    const ask = await t.fake.waitFor("the question before closing", () =>
      t.dmMessages("pieter").find((m) => /^Er staan nog \d+ taken open/.test(messageText(m))),
    );
    expect(messageText(ask)).toContain(
      "Toch afsluiten? Bevestig met: @Ramp stop Systemen hersteld bevestig",
    );
    expect((await t.query(`SELECT status FROM "Incident"`))[0]?.status).toBe("active");
    await t.say("pieter", "close Systemen hersteld confirm");
    await t.fake.waitFor("the closing confirmation", () =>
      t.dmMessages("pieter").find((m) => /^Incident 2026-001 is afgesloten/.test(messageText(m))),
    );
    const [incident] = await t.query(`SELECT status FROM "Incident"`);
    expect(incident?.status).toBe("closed");
  });

  it("remembers a group chat it is added to (conversationUpdate membersAdded with the bot)", async () => {
    const added = await t.post(
      botAdded(t.fake.serviceUrl, { from: t.user("sofie"), scope: "groupChat" }),
    );
    expect(added.status).toBe(200);
    const [row] = await t.query(
      `SELECT reference FROM "ConversationRef" WHERE platform = 'teams' AND key = 'channel:default'`,
    );
    expect(JSON.parse(String(row?.reference))).toMatchObject({
      conversation: { id: GROUP_CHAT_ID, conversationType: "groupChat" },
      bot: { id: BOT.id },
      serviceUrl: t.fake.serviceUrl,
    });
    // Someone else joining the chat is not Ramp being added.
    const other = botAdded(t.fake.serviceUrl, { from: t.user("sofie"), scope: "team" });
    other.membersAdded = [{ id: t.user("bart").id }];
    expect((await t.post(other)).status).toBe(200);
    const [still] = await t.query(
      `SELECT reference FROM "ConversationRef" WHERE platform = 'teams' AND key = 'channel:default'`,
    );
    expect(still?.reference).toBe(row?.reference);
  });

  it("remembers a group chat it is installed in", async () => {
    const sent = await t.post(
      installationUpdate(t.fake.serviceUrl, { from: t.user("pieter"), scope: "groupChat" }),
    );
    expect(sent.status).toBe(200);
    const [row] = await t.query(
      `SELECT reference FROM "ConversationRef" WHERE platform = 'teams' AND key = 'channel:default'`,
    );
    const reference = JSON.parse(String(row?.reference)) as { conversation: Json };
    expect(reference.conversation).toMatchObject({
      id: GROUP_CHAT_ID,
      conversationType: "groupChat",
    });
  });
});
