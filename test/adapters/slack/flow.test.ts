// The whole crisis through Slack: Ramp's real Bolt stack over HTTP, signed requests in, the fake
// Slack Web API out, on SQLite and PostgreSQL. One incident, step by step, each step a test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../../support/databases.ts";
import type { SlackMessage } from "../../support/fake-slack.ts";
import { buttonsOf } from "../../support/slack-requests.ts";
import { BOT_TOKEN, CHANNEL_NAME, PAGED_AT_START, SlackRamp, T0, U } from "./harness.ts";

const INCIDENT_TITLE = "Incident 2026-001 — Brand in het administratief centrum";

/** Slack ids of the crisis staff's holders and alternates and of the leaders (invited to the channel). */
const INVITED = [
  U.marleen,
  U.geert,
  U.pieter,
  U.sofie,
  U.lien,
  U.johan,
  U.katrien,
  U.els,
  U.ines,
  U.bart,
  U.kevin,
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

const labels = (message: SlackMessage) => buttonsOf(message.blocks).map((b) => b.text);
const blockText = (message: SlackMessage) => JSON.stringify(message.blocks);

describeEachDatabase("Slack: a whole incident over HTTP", (target) => {
  let s: SlackRamp;
  let channel: string;
  let pagingTs: string;

  beforeAll(async () => {
    s = await SlackRamp.start(target.url);
  });
  afterAll(async () => {
    await s?.close();
  });

  const taskCard = (planTaskId: string, situation: "A" | "B" = "B") =>
    s.taskCard(channel, planTaskId, situation);
  const current = (message: SlackMessage) => s.now(message);

  it("declares with /ramp start and confirms only to the coordinator, through the response_url", async () => {
    const sent = await s.command(U.pieter, "start groot Brand in het administratief centrum");
    expect(sent.status).toBe(200);
    const reply = await sent.reply();
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toBe(
      "Incident 2026-001 is gestart; de crisisstaf wordt opgeroepen. Volgende stap: leg na de vergadering de evaluatie vast met /ramp evaluatie &lt;toestand&gt;; dan volgt de beslissing A of B.",
    );
    expect(await s.count(`SELECT count(*) FROM "Incident"`)).toBe(1);
  });

  it("creates the incident channel, invites the crisis staff and posts the incident and paging cards", async () => {
    channel = await s.incidentChannel();
    const created = s.fake.callsOf("conversations.create");
    expect(created).toHaveLength(1);
    expect(created[0]!.body.name).toBe(CHANNEL_NAME);
    // Private: only the invited crisis staff sees the incident (chat.slack.private, the default).
    expect(created[0]!.body.is_private).toBe("true");
    const invite = await s.fake.waitFor(
      "the invitation",
      () => s.fake.callsOf("conversations.invite")[0],
    );
    expect(invite.body.channel).toBe(channel);
    expect(String(invite.body.users).split(",").sort()).toEqual([...INVITED].sort());

    const incident = await s.waitForMessage(channel, INCIDENT_TITLE);
    expect(blockText(incident)).toContain("Administratief Centrum Heidehof");
    const paging = await s.waitForMessage(channel, /^Oproeping crisisstaf: /);
    pagingTs = paging.ts;
    expect(paging.text).toContain("1 komt, 0 kunnen niet");
    expect(paging.text).toContain("8 wachten op antwoord");
  });

  it("pages every crisis-staff member with a Slack id by DM, with Ik kom and Ik kan niet", async () => {
    for (const user of PAGED_AT_START) {
      const page = await s.waitForMessage(s.fake.dmOf(user), INCIDENT_TITLE);
      expect(labels(page)).toEqual(["Ik kom", "Ik kan niet"]);
      expect(page.text).toContain("U wordt opgeroepen voor de crisisstaf");
    }
    await s.settled();
    const opened = s.fake.callsOf("conversations.open").map((c) => c.body.users);
    expect([...opened].sort()).toEqual([...PAGED_AT_START].sort());
    // The coordinator declared, so he counts as coming and is not paged; the DPO has no Slack id.
    expect(s.fake.messagesIn(s.fake.dmOf(U.pieter))).toEqual([]);
    expect(await s.count(`SELECT count(*) FROM "Page"`)).toBe(9);
  });

  it("takes the answers from the DM buttons and updates the page and paging cards in place", async () => {
    const pageOf = (user: string) => s.fake.messagesIn(s.fake.dmOf(user))[0]!;
    const sofie = await s.click(U.sofie, pageOf(U.sofie), "Ik kom");
    const katrien = await s.click(U.katrien, pageOf(U.katrien), "Ik kan niet");
    // Katrien cannot come: her function's alternate (Johan) is paged. His own page is still
    // unanswered, so his one page names both functions, updated in place: no second DM.
    const both = await s.fake.waitFor("Johan's page naming both functions", () => {
      const m = pageOf(U.johan);
      return blockText(m).includes("als Financieel directeur en Adjunct financieel directeur") && m;
    });
    expect(labels(both)).toEqual([
      "Ik kom",
      "Ik kan niet als Financieel directeur",
      "Ik kan niet als Adjunct financieel directeur",
    ]);
    const johan = await s.click(U.johan, both, "Ik kom");
    expect([sofie.status, katrien.status, johan.status]).toEqual([200, 200, 200]);
    expect(s.fake.postsTo(s.fake.dmOf(U.johan))).toHaveLength(1);

    // Johan's one "Ik kom" covers both of his functions.
    const summary = "4 komen, 1 kan niet, 0 geen antwoord, 5 wachten op antwoord";
    const paging = await s.fake.waitFor(`the paging card saying ${summary}`, () => {
      const m = s.fake.messages.get(`${channel}/${pagingTs}`)!;
      return m.text.startsWith(`Oproeping crisisstaf: ${summary}`) && m;
    });
    expect(blockText(paging)).toContain(
      "↪️ *Adjunct financieel directeur* — Katrien De Wilde: Vervanger opgeroepen",
    );
    expect(blockText(paging)).toContain("✅ *Adjunct financieel directeur* — Johan Maes");
    await s.settled();
    // One paging card, updated in place (chat.update on its ts), never posted again.
    expect(
      s.fake.postsTo(channel).filter((c) => String(c.body.text).startsWith("Oproeping")),
    ).toHaveLength(1);
    expect(
      s.fake.callsOf("chat.update", (b) => b.channel === channel && b.ts === pagingTs).length,
    ).toBeGreaterThanOrEqual(1);
    // Sofie's page shows her answer, in the same DM message.
    const sofiePage = pageOf(U.sofie);
    expect(sofiePage.updates).toBeGreaterThanOrEqual(1);
    expect(blockText(sofiePage)).toContain("Uw antwoord: Komt");
    expect(s.fake.postsTo(s.fake.dmOf(U.sofie))).toHaveLength(1);
    // Nobody who clicked was told anything: success changes the cards, not the conversation.
    expect(s.fake.calls.filter((c) => c.method === "response")).toHaveLength(1);
  });

  it("pages the next alternate when a page is not answered within the timeout", async () => {
    expect(s.fake.messagesIn(s.fake.dmOf(U.geert))).toEqual([]);
    await s.tick();
    expect(s.fake.messagesIn(s.fake.dmOf(U.geert))).toEqual([]); // not yet: 15 minutes
    s.clock.advanceMinutes(16);
    await s.tick();
    const geert = await s.waitForMessage(s.fake.dmOf(U.geert), INCIDENT_TITLE);
    expect(labels(geert)).toEqual(["Ik kom", "Ik kan niet"]);
    expect(blockText(geert)).toContain("als Voorzitter");
    for (const alternate of [U.ines, U.kevin]) {
      await s.waitForMessage(s.fake.dmOf(alternate), INCIDENT_TITLE);
    }
    const paging = s.fake.messages.get(`${channel}/${pagingTs}`)!;
    expect(blockText(paging)).toContain("↪️ *Voorzitter* — Marleen Vandamme: Vervanger opgeroepen");
    expect(blockText(paging)).toContain("⏳ *Voorzitter* — Geert Vanhoutte");

    await s.click(U.geert, geert, "Ik kom");
    await s.fake.waitFor("Geert's answer on the paging card", () =>
      blockText(s.fake.messages.get(`${channel}/${pagingTs}`)!).includes(
        "✅ *Voorzitter* — Geert Vanhoutte: Komt",
      ),
    );
    expect(
      s.fake.postsTo(channel).filter((c) => String(c.body.text).startsWith("Oproeping")),
    ).toHaveLength(1);
  });

  it("records the evaluation, posts the decision card, and takes a decision by button", async () => {
    const evaluation = await s.command(
      U.pieter,
      "evaluatie Serverlokaal uitgebrand, kantoren onbruikbaar",
    );
    expect((await evaluation.reply()).text).toBe("Evaluatie vastgelegd.");
    const decision = await s.waitForMessage(channel, "Evaluatie en beslissing");
    expect(blockText(decision)).toContain("Serverlokaal uitgebrand, kantoren onbruikbaar");
    expect(labels(decision)).toEqual([
      "A — Woonzorgcentrum Ter Heide – polyvalente zaal (15 pl.)",
      "A — Bibliotheek De Heidebloem – leeszaal 1e verdieping (15 pl.)",
      "B — Situatie B – voortzetting van de diensten in de eigen gebouwen",
    ]);

    await s.click(U.pieter, decision, "A — Woonzorgcentrum");
    await s.waitForMessage(channel, /^Beslissing: situatie A/);
    const first = await taskCard("a-tech-ict-middelen", "A");
    expect(first.text).toBe("ICT-middelen voor de uitwijklocatie aanvragen — Open");
    await s.settled();
    expect(await s.count(`SELECT count(*) FROM "Task" WHERE situation = 'A'`)).toBe(16);
    const decisionNow = current(decision);
    expect(blockText(decisionNow)).toContain("Situatie A – voortzetting");
    expect(blockText(decisionNow)).toContain("Woonzorgcentrum Ter Heide – polyvalente zaal");
  });

  it("changes the decision with /ramp besluit B: A's cards cancelled in place, B's posted in priority order", async () => {
    const aCard = await taskCard("a-tech-ict-middelen", "A");
    const postsBefore = s.fake.postsTo(channel).length;
    const sent = await s.command(U.pieter, "besluit B Gebouw blijft na nazicht bruikbaar");
    expect((await sent.reply()).text).toBe(
      "Beslissing vastgelegd: situatie B. De taken staan in het incidentkanaal.",
    );
    await s.waitForMessage(channel, /^Beslissing gewijzigd: situatie B/);
    await s.settled();

    const taskIds = new Map(
      (await s.query(`SELECT id, "planTaskId" FROM "Task" WHERE situation = 'B'`)).map((r) => [
        `task:${String(r.id)}`,
        String(r.planTaskId),
      ]),
    );
    const posted = s.fake
      .postsTo(channel)
      .slice(postsBefore)
      .map(
        (c) =>
          (c.body.blocks as Array<{ block_id?: string }>).find((b) => taskIds.has(b.block_id ?? ""))
            ?.block_id,
      )
      .filter((id): id is string => id !== undefined)
      .map((id) => taskIds.get(id));
    expect(posted).toEqual(B_ORDER);
    expect(current(aCard).text).toBe("ICT-middelen voor de uitwijklocatie aanvragen — Geannuleerd");
    expect(labels(current(aCard))).toEqual([]);
  });

  it("lets exactly one of two simultaneous claimers win; the other hears who has it, ephemerally", async () => {
    const card = await taskCard("b-tech-ict-middelen");
    const postedText = card.text;
    expect(labels(card)).toEqual(["Opnemen", "Klaar", "Blokkeren…"]);
    const [bart, kevin] = await Promise.all([
      s.click(U.bart, card, "Opnemen"),
      s.click(U.kevin, card, "Opnemen"),
    ]);
    expect([bart.status, kevin.status]).toEqual([200, 200]);
    const claimed = await s.fake.waitFor("the card showing the owner", () => {
      const m = current(card);
      return m.text.endsWith("— Opgenomen") && m;
    });
    const [task] = await s.query(
      `SELECT "ownerId" FROM "Task" WHERE "planTaskId" = 'b-tech-ict-middelen'`,
    );
    const winner = String(task?.ownerId);
    expect(["bart-lannoo", "kevin-dumon"]).toContain(winner);
    const [won, lost] = winner === "bart-lannoo" ? [bart, kevin] : [kevin, bart];
    const winnerName = winner === "bart-lannoo" ? "Bart Lannoo" : "Kevin Dumon";
    const refusal = await lost.reply();
    expect(refusal).toMatchObject({ response_type: "ephemeral", replace_original: false });
    // Who can act instead: the owner, the coordinator and the deputies.
    expect(refusal.text).toBe(
      `⚠️ Al opgenomen door ${winnerName}. Overnemen kan als ${winnerName} de taak vrijgeeft, of via de coördinator of een plaatsvervanger: Pieter Declercq of Sofie Vermeulen.`,
    );
    expect(blockText(claimed)).toContain(`Eigenaar: *${winnerName}*`);
    await s.settled();
    expect(s.fake.responsesTo(won.responseUrl)).toEqual([]);
    expect(await s.timelineCount("task.claimed")).toBe(1);
    // Updated in place: the card was posted once.
    expect(s.fake.postsTo(channel).filter((c) => c.body.text === postedText)).toHaveLength(1);
  });

  it("marks the task done from its card", async () => {
    const card = await taskCard("b-tech-ict-middelen");
    const [task] = await s.query(
      `SELECT "ownerId" FROM "Task" WHERE "planTaskId" = 'b-tech-ict-middelen'`,
    );
    const owner = task?.ownerId === "bart-lannoo" ? U.bart : U.kevin;
    await s.click(owner, current(card), "Klaar");
    const done = await s.fake.waitFor("the card marked done", () => {
      const m = current(card);
      return m.text.endsWith("— Klaar") && m;
    });
    expect(labels(done)).toEqual([]);
    expect(await s.timelineCount("task.completed")).toBe(1);
  });

  it("sends a reminder by DM to the owner when a deadline nears", async () => {
    const card = await taskCard("b-org-externe-communicatie");
    await s.click(U.hanne, card, "Opnemen");
    await s.fake.waitFor("Hanne's claim on the card", () =>
      current(card).text.endsWith("— Opgenomen"),
    );
    await s.settled();
    expect(s.fake.messagesIn(s.fake.dmOf(U.hanne))).toEqual([]);
    // Deadline 6 h after the declaration; the 4 h reminder is due 2 h after it.
    s.clock.set(new Date(T0.getTime() + 2 * 3_600_000 + 60_000));
    await s.tick();
    const reminder = await s.waitForMessage(s.fake.dmOf(U.hanne), /^Herinnering: /);
    expect(reminder.text).toMatch(
      /^Herinnering: "Burgers en partners informeren via website en sociale media" moet klaar zijn tegen .+ \(nog 3 u 59 min\)\.$/,
    );
    expect(s.fake.callsOf("conversations.open", (b) => b.users === U.hanne)).toHaveLength(1);
    // inChannel: the channel hears it too.
    expect(s.message(channel, /^Herinnering: "Burgers en partners/)).toBeDefined();
  });

  it("closes with /ramp stop: an ephemeral confirmation, a notice in the channel, a sealed timeline", async () => {
    // As a client that has not refreshed yet still shows it, buttons and all.
    const stale = structuredClone(await taskCard("b-tech-backups"));
    const postsBefore = s.fake.callsOf("chat.postMessage").length;
    const sent = await s.command(U.pieter, "stop Brand geblust, diensten lopen");
    const reply = await sent.reply();
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toBe(
      "Incident 2026-001 is afgesloten (12 taken nog open). De tijdlijn is verzegeld.",
    );
    const notice = await s.waitForMessage(
      channel,
      /^Incident 2026-001 is afgesloten door Pieter Declercq/,
    );
    expect(notice.text).toContain("Nog open taken:");
    // Followed by the review's first draft with its Word document (test/adapters/slack/review.test.ts).
    const review = await s.fake.waitFor("the review", () => s.fake.uploadedFiles(channel)[0]);
    expect(review.filename).toBe("post-incident-review-2026-001.docx");
    await s.fake.waitFor("the incident card showing it closed", () =>
      blockText(s.message(channel, INCIDENT_TITLE)!).includes("Afgesloten · 2026-001"),
    );
    const [incident] = await s.ramp.engine.recentIncidents(1);
    expect(await s.ramp.engine.verifyTimeline(incident!.id)).toMatchObject({ ok: true });
    // Every card posted before loses its buttons, in place: the task cards, the decision card,
    // the paging card and the pages in the DMs. Nothing that was never posted is posted now.
    const cards = () => [...s.fake.messages.values()].filter((m) => buttonsOf(m.blocks).length > 0);
    await s.fake.waitFor("every card without its buttons", () => cards().length === 0);
    expect(s.fake.callsOf("chat.postMessage").length - postsBefore).toBe(1);
    // A click on a button still shown somewhere answers with the reason and changes nothing.
    const late = await s.click(U.bart, stale, "Opnemen");
    expect((await late.reply()).text).toBe(
      "⚠️ Incident 2026-001 is afgesloten; er kan niets meer veranderen.",
    );
  });

  it("called the Web API with the bot token, and only the methods Ramp is meant to use", () => {
    const api = s.fake.calls.filter((c) => c.method !== "response");
    expect(api.every((c) => c.auth === `Bearer ${BOT_TOKEN}`)).toBe(true);
    expect(new Set(api.map((c) => c.method))).toEqual(
      new Set([
        "auth.test",
        "conversations.create",
        "conversations.invite",
        "conversations.open",
        "chat.postMessage",
        "chat.update",
        // The review's Word document: Slack's upload in three steps.
        "files.getUploadURLExternal",
        "upload",
        "files.completeUploadExternal",
      ]),
    );
    expect(api.every((c) => c.answer.ok === true)).toBe(true);
  });
});

describe("the sample plan's people used above", () => {
  it("are the plan's Slack ids (a renamed plan would make the flow test meaningless)", async () => {
    const { loadSamplePlan } = await import("../../support/engine.ts");
    const { plan } = await loadSamplePlan();
    const bySlack = new Map(plan.people.map((p) => [p.slackUserId, p.id]));
    expect(bySlack.get(U.pieter)).toBe(plan.coordination.coordinator);
    expect(bySlack.get(U.sofie)).toBe(plan.coordination.deputies[0]);
    expect(bySlack.get(U.stranger)).toBeUndefined();
  });
});
