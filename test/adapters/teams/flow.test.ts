// The whole crisis through Microsoft Teams: Ramp's real botbuilder / teams-ai stack over HTTP,
// Bot Framework activities posted to /api/messages, the bot's messages received at the fake
// connector, on SQLite and PostgreSQL. One incident, step by step, each step a test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../../support/databases.ts";
import {
  actionsOf,
  buttonLabels,
  type ConnectorMessage,
  cardOf,
  type Json,
  messageText,
  openUrls,
} from "../../support/fake-connector.ts";
import { TEAM } from "../../support/teams-activities.ts";
import {
  PAGED_AT_START,
  PERSON,
  reviewCards,
  STRANGER,
  T0,
  TeamsRamp,
  type Who,
} from "./harness.ts";

const INCIDENT_TITLE = "Incident 2026-001 — Brand in het administratief centrum";

/** Who installed Ramp personally (an administrator's pre-install arrives the same way). Lien did not. */
const INSTALLED: Who[] = [
  "pieter",
  "sofie",
  "marleen",
  "johan",
  "katrien",
  "els",
  "bart",
  "geert",
  "kevin",
  "ines",
  "hanne",
];

/** Situation B's tasks grouped by phase, then by the priority of the service they restore. */
const B_ORDER = [
  // Per phase, nearest deadline first (the board's order; priority breaks a tie).
  "b-tech-internet-telefonie",
  "b-tech-ict-middelen",
  "b-tech-backups",
  "b-tech-restore",
  "b-org-externe-communicatie",
  "b-org-maaltijden", // P1 dienstverlening
  "b-org-personeel-informeren",
  "b-org-onthaal", // P2 administratie
  "b-org-sociale-dienst", // P3 sociale dienst
  "b-org-verzekeraar",
  "b-org-residentie", // P4 verhuur residentie
  "b-org-betalingen", // P5 ondersteunende diensten
  "b-org-coordinatie",
];

/** The card a message's refresh clause names: {kind, incidentId | taskId | pageId}. */
function cardRef(message: ConnectorMessage): Json | undefined {
  const refresh = cardOf(message.activity)?.refresh as Json | undefined;
  return ((refresh?.action as Json | undefined)?.data as Json | undefined)?.card as
    | Json
    | undefined;
}

const labels = (message: ConnectorMessage) => buttonLabels(cardOf(message.activity));

describeEachDatabase("Teams: a whole incident over HTTP", (target) => {
  let t: TeamsRamp;
  /** The thread of `@Ramp start`: the incident's cards go there. */
  let thread: string;
  let pagingCard: ConnectorMessage;

  beforeAll(async () => {
    t = await TeamsRamp.start(target.url);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The incident's channel message showing a card (incident, paging, decision, or a task). */
  function channelCard(kind: string, id?: string): ConnectorMessage | undefined {
    return t.fake
      .messagesIn(thread)
      .find(
        (m) =>
          cardRef(m)?.kind === kind &&
          (id === undefined || Object.values(cardRef(m)!).includes(id)),
      );
  }

  async function taskId(planTaskId: string, situation: "A" | "B" = "B"): Promise<string> {
    const [row] = await t.query(
      `SELECT id FROM "Task" WHERE "planTaskId" = $1 AND situation = $2`,
      [planTaskId, situation],
    );
    return String(row?.id);
  }

  async function taskCard(planTaskId: string): Promise<ConnectorMessage> {
    const id = await taskId(planTaskId);
    return t.fake.waitFor(`the task card of ${planTaskId}`, () => channelCard("task", id));
  }

  it("stores where to reach people and the crisis team when the app is installed", async () => {
    for (const who of INSTALLED) await t.installPersonal(who);
    await t.installInTeam("pieter");
    // Someone outside the plan installing the app leaves nothing behind.
    await t.installPersonal(STRANGER);
    const refs = await t.query(`SELECT key FROM "ConversationRef" WHERE platform = 'teams'`);
    const keys = refs.map((r) => String(r.key));
    for (const who of INSTALLED) expect(keys).toContain(`person:${PERSON[who]}`);
    expect(keys).not.toContain(`person:${PERSON.lien}`);
    expect(keys).toContain("channel:default");
    expect(keys.filter((k) => k.startsWith("person:"))).toHaveLength(INSTALLED.length);
    // Installing says nothing; the roster was asked who each person is.
    expect(t.fake.callsOf(["send", "reply", "update"])).toEqual([]);
    expect(t.fake.callsOf("member").length).toBeGreaterThanOrEqual(INSTALLED.length);
  });

  it("declares with @Ramp start in the team's channel and answers in the thread", async () => {
    const sent = await t.mention("pieter", "start groot Brand in het administratief centrum");
    expect(sent.status).toBe(200);
    thread = sent.conversationId;
    expect(thread).toBe(`${TEAM.id};messageid=${sent.activityId}`);
    const reply = await t.replyTo(sent);
    expect(messageText(reply)).toMatch(
      /^✅ Incident 2026-001 is gestart; de crisisstaf wordt opgeroepen\. Volgende stap: leg na de vergadering de evaluatie vast met @Ramp evaluatie _toestand_; dan volgt de beslissing A of B\.\nIncident 2026-001 — Brand in het administratief centrum\n/,
    );
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(1);
  });

  it("posts the incident and paging cards to the incident's thread", async () => {
    const incident = await t.fake.waitFor("the incident card", () => channelCard("incident"));
    expect(messageText(incident)).toContain(INCIDENT_TITLE);
    expect(messageText(incident)).toContain("Administratief Centrum Heidehof");
    pagingCard = await t.fake.waitFor("the paging card", () => channelCard("paging"));
    expect(messageText(pagingCard)).toMatch(/^Oproeping crisisstaf\n/);
    expect(messageText(pagingCard)).toContain(
      "1 komt, 0 kunnen niet, 0 geen antwoord, 8 wachten op antwoord",
    );
    // Nothing went anywhere else in the channel.
    expect(t.fake.messagesInChannel(TEAM.id).every((m) => m.conversationId === thread)).toBe(true);
  });

  it("pages every installed crisis-staff member in a personal chat with Ik kom / Ik kan niet", async () => {
    for (const who of PAGED_AT_START.filter((w) => w !== "lien")) {
      const page = await t.waitForDm(who, INCIDENT_TITLE);
      expect(labels(page)).toEqual(["Ik kom", "Ik kan niet"]);
      expect(messageText(page)).toContain("U wordt opgeroepen voor de crisisstaf");
    }
    await t.settled();
    // The coordinator declared, so he counts as coming and is not paged.
    expect(t.dmMessages("pieter")).toEqual([]);
    expect(await t.count(`SELECT count(*) FROM "Page"`)).toBe(9);
  });

  it("keeps retrying the page of someone who never installed Ramp, without failing anything else", async () => {
    expect(t.dmMessages("lien")).toEqual([]);
    const [row] = await t.query(
      `SELECT status, attempts, "lastError" FROM "OutboxMessage" WHERE platform = 'teams' AND "targetKind" = 'person' AND "targetId" = $1`,
      [PERSON.lien],
    );
    expect(row?.status).toBe("pending");
    expect(Number(row?.attempts)).toBeGreaterThanOrEqual(1);
    expect(String(row?.lastError)).toBe("lien-coussens has not installed Ramp in Teams yet");
  });

  it("takes the answers from the page cards: the invoke response is the updated card", async () => {
    const pageOf = (who: Who) => t.dmMessages(who)[0]!;
    const sofie = await t.click("sofie", pageOf("sofie"), "Ik kom");
    const johan = await t.click("johan", pageOf("johan"), "Ik kom");
    const katrien = await t.click("katrien", pageOf("katrien"), "Ik kan niet");
    expect([sofie.status, johan.status, katrien.status]).toEqual([200, 200, 200]);
    expect(sofie.body).toMatchObject({
      statusCode: 200,
      type: "application/vnd.microsoft.card.adaptive",
    });
    expect(sofie.text).toContain("Uw antwoord: Komt (zo 22 nov 09:00)");
    expect(katrien.text).toContain("Uw antwoord: Kan niet");
    // The question is answered: one button stays, to change one's mind.
    expect(buttonLabels(sofie.card)).toEqual(["Ik kan toch niet"]);
    expect(buttonLabels(katrien.card)).toEqual(["Ik kom toch"]);

    // Katrien cannot come: her function's alternate is Johan, who is already coming, so he
    // covers it without a second page.
    const paging = await t.fake.waitFor("the paging card with Johan covering", () => {
      const m = t.current(pagingCard);
      return messageText(m).includes("Adjunct financieel directeur** — Johan Maes: Komt") && m;
    });
    expect(messageText(paging)).toContain(
      "↪️ **Adjunct financieel directeur** — Katrien De Wilde: Vervanger opgeroepen",
    );
    expect(messageText(paging)).toContain(
      "4 komen, 1 kan niet, 0 geen antwoord, 5 wachten op antwoord; bij 1 functie een vervanger opgeroepen",
    );
    expect(t.dmMessages("johan")).toHaveLength(1);
    await t.settled();
    // One paging card, updated in place (PUT on its activity id), never posted again.
    expect(t.fake.messagesIn(thread).filter((m) => cardRef(m)?.kind === "paging")).toHaveLength(1);
    expect(
      t.fake.callsOf("update", (c) => c.conversationId === thread && c.targetId === pagingCard.id)
        .length,
    ).toBeGreaterThanOrEqual(1);
    // Sofie's page shows her answer in the same message, for her other devices too.
    const sofiePage = t.current(pageOf("sofie"));
    expect(sofiePage.updates).toBeGreaterThanOrEqual(1);
    expect(messageText(sofiePage)).toContain("Uw antwoord: Komt");
    expect(t.dmMessages("sofie")).toHaveLength(1);
  });

  it("pages the next alternate when a page is not answered within the timeout", async () => {
    expect(t.dmMessages("geert")).toEqual([]);
    await t.tick();
    expect(t.dmMessages("geert")).toEqual([]); // not yet: 15 minutes
    t.clock.advanceMinutes(16);
    await t.tick();
    const geert = await t.waitForDm("geert", INCIDENT_TITLE);
    expect(labels(geert)).toEqual(["Ik kom", "Ik kan niet"]);
    expect(messageText(geert)).toContain("als Voorzitter");
    for (const alternate of ["ines", "kevin"] as const) {
      await t.waitForDm(alternate, INCIDENT_TITLE);
    }
    const paging = await t.fake.waitFor("the escalation on the paging card", () => {
      const text = messageText(t.current(pagingCard));
      return text.includes("↪️ **Voorzitter** — Marleen Vandamme") && text;
    });
    expect(paging).toContain("⏳ **Voorzitter** — Geert Vanhoutte");

    const answer = await t.click("geert", geert, "Ik kom");
    expect(answer.text).toContain("Uw antwoord: Komt");
    await t.fake.waitFor("Geert's answer on the paging card", () =>
      messageText(t.current(pagingCard)).includes("✅ **Voorzitter** — Geert Vanhoutte: Komt"),
    );
    expect(t.fake.messagesIn(thread).filter((m) => cardRef(m)?.kind === "paging")).toHaveLength(1);
  });

  it("records the evaluation with @Ramp and takes the decision by a click on the decision card", async () => {
    const evaluation = await t.mention(
      "pieter",
      "evaluatie Serverlokaal uitgebrand, kantoren onbruikbaar",
    );
    expect(messageText(await t.replyTo(evaluation))).toBe("Evaluatie vastgelegd.");
    const decision = await t.fake.waitFor("the decision card", () => channelCard("decision"));
    expect(messageText(decision)).toContain("Serverlokaal uitgebrand, kantoren onbruikbaar");
    // Short buttons (Teams cuts long titles off); the fallback locations in full in a choice.
    expect(labels(decision)).toEqual(["A: uitwijklocatie", "B: eigen gebouwen"]);
    const body = (cardOf(decision.activity)?.body ?? []) as Json[];
    const choice = body.find((e) => e.type === "Input.ChoiceSet");
    expect(((choice?.choices ?? []) as Json[]).map((c) => c.title)).toEqual([
      "Woonzorgcentrum Ter Heide – polyvalente zaal — Kerkstraat 41, 8981 Zonnebeke-Heide (15 pl.)",
      "Bibliotheek De Heidebloem – leeszaal 1e verdieping — Stationsstraat 12, 8981 Zonnebeke-Heide (15 pl.)",
    ]);

    // Only the coordinator and deputies may decide: others see the card without buttons.
    const bartView = await t.refresh("bart", decision);
    expect(bartView.status).toBe(200);
    expect(buttonLabels(bartView.card)).toEqual([]);
    const refused = await t.click("bart", decision, "B: eigen gebouwen");
    expect(refused.text).toMatch(/^⚠️ /);
    expect(await t.count(`SELECT count(*) FROM "Decision"`)).toBe(0);

    const decided = await t.click("pieter", decision, "B: eigen gebouwen");
    expect(decided.status).toBe(200);
    expect(decided.text).toContain("Situatie B");
    expect(decided.text).not.toMatch(/^⚠️/);
    const first = await taskCard("b-tech-ict-middelen");
    expect(messageText(first)).toMatch(
      /^⬜ \*\*#\d+ Zo nodig vervangende ICT-middelen aanvragen\*\* — Open\n/,
    );
    await t.settled();
    expect(await t.count(`SELECT count(*) FROM "Task" WHERE situation = 'B'`)).toBe(13);
    // The decision card in the thread shows the decision for everyone.
    expect(messageText(t.current(decision))).toContain("Situatie B");
  });

  it("posts the task cards in priority order, each with Opnemen / Klaar / Blokkeren…", async () => {
    const ids = new Map<string, string>();
    for (const planTaskId of B_ORDER) ids.set(await taskId(planTaskId), planTaskId);
    const posted = t.fake
      .messagesIn(thread)
      .filter((m) => cardRef(m)?.kind === "task")
      .map((m) => ids.get(String(cardRef(m)!.taskId)));
    expect(posted).toEqual(B_ORDER);
    const card = await taskCard("b-tech-ict-middelen");
    expect(labels(card)).toEqual(["Opnemen", "Klaar", "Blokkeren…"]);
  });

  it("lets exactly one of two simultaneous claimers win; the other's invoke response says who has it", async () => {
    const card = await taskCard("b-tech-ict-middelen");
    const [bart, kevin] = await Promise.all([
      t.click("bart", card, "Opnemen"),
      t.click("kevin", card, "Opnemen"),
    ]);
    expect([bart.status, kevin.status]).toEqual([200, 200]);
    const [task] = await t.query(
      `SELECT "ownerId", status FROM "Task" WHERE "planTaskId" = 'b-tech-ict-middelen'`,
    );
    expect(task?.status).toBe("claimed");
    const winner = String(task?.ownerId);
    expect([PERSON.bart, PERSON.kevin]).toContain(winner);
    const [won, lost] = winner === PERSON.bart ? [bart, kevin] : [kevin, bart];
    const winnerName = winner === PERSON.bart ? "Bart Lannoo" : "Kevin Dumon";

    // Who can act instead: the owner, the coordinator and the deputies.
    expect(lost.text).toMatch(
      new RegExp(
        `^⚠️ Al opgenomen door ${winnerName}\\. Overnemen kan als ${winnerName} de taak vrijgeeft, of via de coördinator of een plaatsvervanger: Pieter Declercq of Sofie Vermeulen\\.\\n`,
      ),
    );
    expect(lost.text).toContain(`Eigenaar: **${winnerName}**`);
    // The task is not the loser's: no buttons for him.
    expect(buttonLabels(lost.card)).toEqual([]);
    expect(won.text).toMatch(
      /^🟦 \*\*#\d+ Zo nodig vervangende ICT-middelen aanvragen\*\* — Opgenomen\n/,
    );
    expect(won.text).toContain(`Eigenaar: **${winnerName}**`);
    expect(buttonLabels(won.card)).toEqual(["Klaar", "Vrijgeven", "Blokkeren…"]);

    // Everyone else's card is updated in place by the outbox, showing the owner.
    const claimed = await t.fake.waitFor("the channel's card showing the owner", () => {
      const m = t.current(card);
      return messageText(m).includes(`Eigenaar: **${winnerName}**`) && m;
    });
    expect(messageText(claimed)).toContain("— Opgenomen");
    await t.settled();
    expect(await t.timelineCount("task.claimed")).toBe(1);
    // The warning was only for the loser: no version of the channel's message ever carried it.
    expect(claimed.versions.some((v) => messageText(v).includes("Al opgenomen"))).toBe(false);
    expect(
      t.fake.messagesIn(thread).filter((m) => cardRef(m)?.taskId === cardRef(card)?.taskId),
    ).toHaveLength(1);
  });

  it("answers a refresh with the current card, with each viewer's own buttons", async () => {
    const card = await taskCard("b-tech-ict-middelen");
    const [task] = await t.query(
      `SELECT "ownerId" FROM "Task" WHERE "planTaskId" = 'b-tech-ict-middelen'`,
    );
    const owner: Who = task?.ownerId === PERSON.bart ? "bart" : "kevin";
    const other: Who = owner === "bart" ? "kevin" : "bart";
    const forOwner = await t.refresh(owner, card);
    expect(forOwner.status).toBe(200);
    expect(forOwner.text).toContain("— Opgenomen");
    expect(buttonLabels(forOwner.card)).toEqual(["Klaar", "Vrijgeven", "Blokkeren…"]);
    const forOther = await t.refresh(other, card);
    expect(forOther.text).toBe(forOwner.text);
    expect(buttonLabels(forOther.card)).toEqual([]);
    // The coordinator may act on anyone's task.
    const forCoordinator = await t.refresh("pieter", card);
    expect(buttonLabels(forCoordinator.card)).toEqual(["Klaar", "Vrijgeven", "Blokkeren…"]);
    // Someone Teams shows the card to but who is not in the plan gets no buttons at all.
    const forStranger = await t.refresh(STRANGER, card);
    expect(forStranger.status).toBe(200);
    expect(buttonLabels(forStranger.card)).toEqual([]);
    // A refresh changes nothing and writes nothing to the channel.
    const updates = t.fake.callsOf("update").length;
    await t.settled();
    expect(t.fake.callsOf("update").length).toBe(updates);
    expect(await t.timelineCount("task.claimed")).toBe(1);
  });

  it("blocks a task with a reason typed in the card, and marks a task done", async () => {
    const backups = await taskCard("b-tech-backups");
    const blocked = await t.click("bart", backups, "Opslaan", {
      reason: "Back-upserver ook getroffen",
    });
    expect(blocked.text).toContain("🟥 Back-upserver ook getroffen");
    expect(blocked.text).toContain("Eigenaar: **Bart Lannoo**");

    const card = await taskCard("b-tech-ict-middelen");
    const [task] = await t.query(
      `SELECT "ownerId" FROM "Task" WHERE "planTaskId" = 'b-tech-ict-middelen'`,
    );
    const owner: Who = task?.ownerId === PERSON.bart ? "bart" : "kevin";
    const done = await t.click(owner, t.current(card), "Klaar");
    expect(done.text).toMatch(
      /^✅ \*\*#\d+ Zo nodig vervangende ICT-middelen aanvragen\*\* — Klaar\n/,
    );
    expect(buttonLabels(done.card)).toEqual([]);
    await t.fake.waitFor("the card marked done in the channel", () =>
      messageText(t.current(card)).includes("— Klaar"),
    );
    expect(await t.timelineCount("task.completed")).toBe(1);
    expect(await t.timelineCount("task.blocked")).toBe(1);
  });

  it("sends a reminder as a personal message to the owner when a deadline nears", async () => {
    const card = await taskCard("b-org-externe-communicatie");
    const claim = await t.click("hanne", card, "Opnemen");
    expect(claim.text).toContain("Eigenaar: **Hanne Desmet**");
    await t.settled();
    expect(t.dmMessages("hanne")).toEqual([]);
    // Deadline 6 h after the declaration; the 4 h reminder is due 2 h after it.
    t.clock.set(new Date(T0.getTime() + 2 * 3_600_000 + 60_000));
    await t.tick();
    const reminder = await t.waitForDm("hanne", /^Herinnering: /);
    expect(messageText(reminder)).toMatch(
      /^Herinnering: "Burgers en partners informeren via website en sociale media" moet klaar zijn tegen zo 22 nov 15:00 \(nog 3 u 59 min\)\.$/,
    );
    // inChannel: the incident's thread hears it too.
    await t.fake.waitFor("the reminder in the thread", () =>
      t.fake
        .messagesIn(thread)
        .find((m) => /^Herinnering: "Burgers en partners/.test(messageText(m))),
    );
  });

  it("closes with @Ramp stop: a confirmation, a notice in the thread, a sealed timeline", async () => {
    // As a client that has not refreshed yet still shows it, buttons and all.
    const stale = structuredClone(await taskCard("b-tech-restore"));
    const sendsBefore = t.fake.callsOf(["send", "reply"]).length;
    const sent = await t.mention("pieter", "stop Brand geblust, diensten lopen bevestig");
    const reply = await t.replyTo(sent);
    expect(messageText(reply)).toMatch(
      /^Incident 2026-001 is afgesloten \(12 taken nog open\)\. De tijdlijn is verzegeld\.$/,
    );
    await t.fake.waitFor("the closing notice", () =>
      t.fake
        .messagesIn(thread)
        .find((m) => /^Incident 2026-001 is afgesloten door Pieter Declercq/.test(messageText(m))),
    );
    await t.fake.waitFor("the incident card showing it closed", () =>
      messageText(t.current(channelCard("incident")!)).includes("Afgesloten · 2026-001"),
    );
    const [incident] = await t.ramp.engine.recentIncidents(1);
    expect(await t.ramp.engine.verifyTimeline(incident!.id)).toMatchObject({ ok: true });
    // Every card posted before loses its buttons, in place (tasks, decision, paging, the pages
    // in the personal chats); nothing that was never posted is posted now.
    const withButtons = () =>
      [...t.fake.messages.values()].filter((m) => actionsOf(cardOf(m.activity)).length > 0);
    await t.fake.waitFor("every card without its buttons", () => withButtons().length === 0);
    // The reply, the closing notice and the review.
    await t.fake.waitFor("the review", () => reviewCards(t.fake, thread).length > 0);
    expect(t.fake.callsOf(["send", "reply"]).length - sendsBefore).toBe(3);
    // A click on a button still shown somewhere answers with the reason and changes nothing.
    const late = await t.click("bart", stale, "Opnemen");
    expect(late.text).toMatch(/^⚠️ Incident 2026-001 is afgesloten; er kan niets meer veranderen\./);
    expect(await t.timelineCount("task.claimed")).toBe(2);
  });

  /** A shared review's card, its buttons' links, and its text. */
  function reviewOf(message: ConnectorMessage) {
    const card = cardOf(message.activity)!;
    const [docx, page] = openUrls(card);
    return { card, docx: docx!, page: page!, text: messageText(message) };
  }

  it("posts the first draft of the review in the thread after the closing notice, with signed links", async () => {
    const [shared] = await t.fake.waitFor("the review in the thread", () => {
      const found = reviewCards(t.fake, thread);
      return found.length > 0 && found;
    });
    const notice = t.fake
      .messagesIn(thread)
      .find((m) => /^Incident 2026-001 is afgesloten door/.test(messageText(m)))!;
    expect(Number(shared!.id.split("-")[1])).toBeGreaterThan(Number(notice.id.split("-")[1]));
    const { card, docx, page, text } = reviewOf(shared!);
    const title = text.split("\n")[0]!;
    expect(shared!.activity.summary).toBe(title);
    expect(text).toContain(
      "Incident 2026-001 is afgesloten. Hier is het eerste ontwerp van de post-incident review, door Ramp geschreven uit de tijdlijn.",
    );
    expect(text).toContain("Incident: 2026-001 — Brand in het administratief centrum");
    expect(text).toContain("Beslissing: situatie B");
    expect(text).toMatch(/vragen zijn aan het team: vul ze aan in het Word-document/);
    expect(text).toMatch(/\nDe links werken tot (ma|di|wo|do|vr|za|zo) \d{1,2} \S+ \d\d:\d\d\.$/);
    // The timeline verifies: no warning.
    expect(JSON.stringify(card)).not.toContain("Attention");
    expect([docx.title, page.title]).toEqual(["Word-document", "Online lezen"]);
    expect(page.url).toMatch(new RegExp(`^${t.ramp.url}/reviews/[^/]+$`));
    expect(docx.url.startsWith(`${page.url}/`)).toBe(true);
    expect(docx.url).toMatch(/\.docx$/);

    // The links work without signing in: the Word document and the page.
    const file = await fetch(docx.url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
    const html = await fetch(page.url);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain("2026-001");
    // Posted once, never updated: each share is its own message.
    await t.settled();
    expect(reviewCards(t.fake, thread)).toHaveLength(1);
    expect(t.current(shared!).updates).toBe(0);
  });

  it("shares the review again in the thread with @Ramp review", async () => {
    // Within ten minutes of a share, with nothing new on the timeline, it is not posted again.
    t.clock.advanceMinutes(11);
    const sent = await t.mention("sofie", "review");
    const reply = messageText(await t.replyTo(sent));
    expect(reply).toContain(
      "Het ontwerp en het Word-document worden gedeeld in het incidentkanaal.",
    );
    const again = await t.fake.waitFor(
      "the second review in the thread",
      () => reviewCards(t.fake, thread)[1],
    );
    const { docx, text } = reviewOf(again);
    expect(text).toContain(
      "De post-incident review van incident 2026-001 is opnieuw opgemaakt uit de tijdlijn op vraag van Sofie Vermeulen.",
    );
    expect(text).toContain("Incident: 2026-001 — Brand in het administratief centrum");
    const file = await fetch(docx.url);
    expect(file.status).toBe(200);
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
    // Only in the incident's thread, not in the thread of the request.
    await t.settled();
    expect(reviewCards(t.fake, sent.conversationId)).toEqual([]);
    expect(reviewCards(t.fake, thread)).toHaveLength(2);
  });

  it("called the connector without credentials (no app id) and never failed a call", () => {
    expect(t.fake.calls.length).toBeGreaterThan(40);
    expect(t.fake.calls.every((c) => c.auth === undefined)).toBe(true);
    expect(t.fake.calls.filter((c) => c.status >= 300)).toEqual([]);
    expect(new Set(t.fake.calls.map((c) => c.operation))).toEqual(
      new Set(["member", "reply", "update"]),
    );
  });
});

describe("the sample plan's people used above", () => {
  it("have Teams accounts (UPNs) and the roles the flow relies on", async () => {
    const { loadSamplePlan } = await import("../../support/engine.ts");
    const { plan } = await loadSamplePlan();
    const person = (id: string) => plan.people.find((p) => p.id === id);
    expect(plan.coordination.coordinator).toBe(PERSON.pieter);
    expect(plan.coordination.deputies[0]).toBe(PERSON.sofie);
    expect(person(PERSON.pieter)?.teamsUserId).toBe("pieter.declercq@zonnebeke-heide.be");
    for (const who of [...INSTALLED, "lien"] as Who[]) {
      expect(person(PERSON[who])?.teamsUserId, who).toMatch(/@zonnebeke-heide\.be$/);
    }
    expect(plan.people.some((p) => p.teamsUserId === STRANGER.userPrincipalName)).toBe(false);
  });
});
