// The whole crisis through Slack: Ramp's real Bolt stack over HTTP, signed requests in, the fake
// Slack Web API out, on SQLite and PostgreSQL. One incident, step by step, each step a test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../../support/databases.ts";
import type { Body, SlackMessage } from "../../support/fake-slack.ts";
import { buttonsOf, input, triggerId } from "../../support/slack-requests.ts";
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

/** B's tasks that the sample plan maps to A's (sameAs): they carry over instead of restarting. */
const B_SHARED = [
  "b-tech-backups",
  "b-tech-restore",
  "b-org-sociale-dienst",
  "b-org-residentie",
  "b-org-betalingen",
  "b-org-personeel-informeren",
  "b-org-verzekeraar",
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
    expect(first.text).toBe("#1 ICT-middelen voor de uitwijklocatie aanvragen — Open");
    await s.settled();
    expect(await s.count(`SELECT count(*) FROM "Task" WHERE situation = 'A'`)).toBe(16);
    const decisionNow = current(decision);
    expect(blockText(decisionNow)).toContain("Situatie A – voortzetting");
    expect(blockText(decisionNow)).toContain("Woonzorgcentrum Ter Heide – polyvalente zaal");
  });

  it("changes the decision only after a confirmation with a reason: typed, then the button's dialog and form", async () => {
    const shared = await taskCard("a-tech-restore", "A");
    const lost = await taskCard("a-tech-ict-middelen", "A");
    await s.click(U.bart, shared, "Opnemen");
    await s.click(U.kevin, lost, "Opnemen");
    await s.fake.waitFor("both claims on the cards", () =>
      [shared, lost].every((m) => current(m).text.endsWith("— Opgenomen")),
    );
    await s.settled();
    const postsBefore = s.fake.postsTo(channel).length;

    // Typed: the first step tells what would change and how to confirm; nothing changes yet.
    const typed = await s.command(U.pieter, "besluit B Gebouw blijft na nazicht bruikbaar");
    const preview = String((await typed.reply()).text);
    expect(preview).toContain(
      "Dit wijzigt de beslissing van situatie A — Woonzorgcentrum Ter Heide – polyvalente zaal naar situatie B.",
    );
    expect(preview).toContain("• Restore van de systemen coördineren — Bart Lannoo (opgenomen)");
    expect(preview).toContain(
      "Worden geannuleerd (wie ze opnam, krijgt bericht):\n• ICT-middelen voor de uitwijklocatie aanvragen — Kevin Dumon (opgenomen)",
    );
    expect(preview).toContain(
      "Zeker? Bevestig met: /ramp besluit B Gebouw blijft na nazicht bruikbaar bevestig",
    );
    expect(await s.count(`SELECT count(*) FROM "Decision"`)).toBe(1);

    // The button: Slack's confirm dialog, then a form that asks for the reason.
    const decision = current(await s.waitForMessage(channel, "Evaluatie en beslissing"));
    const b = buttonsOf(decision.blocks).find((x) => x.text.startsWith("B — "))!;
    const element = (decision.blocks as Array<{ elements?: Array<Record<string, unknown>> }>)
      .flatMap((block) => block.elements ?? [])
      .find((e) => e.action_id === b.action_id)!;
    expect(element.confirm).toMatchObject({
      title: { type: "plain_text", text: "Beslissing wijzigen?" },
      text: {
        type: "plain_text",
        text: "Van situatie A (Woonzorgcentrum Ter Heide – polyvalente zaal) naar situatie B. Taken die beide situaties delen, lopen door met hun eigenaar en toestand; de andere open taken worden geannuleerd en wie ze opnam, krijgt bericht.",
      },
      confirm: { type: "plain_text", text: "Wijziging bevestigen" },
      style: "danger",
    });
    const trigger = triggerId();
    await s.click(U.pieter, decision, "B — ", { triggerId: trigger });
    const call = await s.fake.waitFor("the change form", () =>
      s.fake.callsOf("views.open").find((c) => c.body.trigger_id === trigger),
    );
    const view = call.body.view as Body;
    expect(view.callback_id).toBe("ramp_decision_change");
    // The form, read from the database when it opens, lists the tasks as they stand now.
    expect(blockText(view as unknown as SlackMessage)).toContain(
      "Worden geannuleerd (wie ze opnam, krijgt bericht):\\n• ICT-middelen voor de uitwijklocatie aanvragen — Kevin Dumon (opgenomen)",
    );
    expect(await s.count(`SELECT count(*) FROM "Decision"`)).toBe(1);
    const empty = await s.submit(U.pieter, view, { reason: { value: input.text(" ") } });
    expect(JSON.parse(empty.body)).toEqual({
      response_action: "errors",
      errors: { reason: "Geef een reden voor de wijziging." },
    });
    const saved = await s.submit(U.pieter, view, {
      reason: { value: input.text("Gebouw blijft na nazicht bruikbaar") },
    });
    expect(saved).toEqual({ status: 200, body: "" });
    await s.waitForMessage(channel, /^Beslissing gewijzigd: situatie B/);
    await s.settled();

    // Only the new situation's own tasks are posted, in priority order; shared work kept its card.
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
    expect(posted).toEqual(B_ORDER.filter((id) => !B_SHARED.includes(id)));
    expect(current(lost).text).toBe(
      "#1 ICT-middelen voor de uitwijklocatie aanvragen — Geannuleerd",
    );
    expect(labels(current(lost))).toEqual([]);
    expect(current(shared).text).toBe("#3 Restore van de systemen coördineren — Opgenomen");
    expect(blockText(current(shared))).toContain("Eigenaar: *Bart Lannoo*");
    await s.waitForMessage(
      s.fake.dmOf(U.kevin),
      /De beslissing is gewijzigd naar situatie B\. Uw taak "ICT-middelen voor de uitwijklocatie aanvragen" is daardoor geannuleerd/,
    );
    // The decision card says what the change did and why.
    const after = blockText(current(decision));
    expect(after).toContain("Gebouw blijft na nazicht bruikbaar");
    expect(after).toContain(
      "ICT-middelen voor de uitwijklocatie aanvragen — Kevin Dumon (opgenomen)",
    );
  });

  it("lets exactly one of two simultaneous claimers win; the other hears who has it, ephemerally", async () => {
    const card = await taskCard("b-tech-ict-middelen");
    const postedText = card.text;
    const claimsBefore = await s.timelineCount("task.claimed");
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
    expect(await s.timelineCount("task.claimed")).toBe(claimsBefore + 1);
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
    const first = await (await s.command(U.pieter, "stop Brand geblust, diensten lopen")).reply();
    const lines = String(first.text).split("\n");
    expect(lines[0]).toBe("Er staan nog 12 taken open; ze blijven open in de review:");
    expect(lines).toContain("• Restore van de systemen coördineren — Bart Lannoo (opgenomen)");
    expect(lines.at(-1)).toBe(
      "Toch afsluiten? Bevestig met: /ramp stop Brand geblust, diensten lopen bevestig",
    );
    expect(await s.timelineCount("incident.closed")).toBe(0);
    const sent = await s.command(U.pieter, "stop Brand geblust, diensten lopen bevestig");
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
        // The reason form of a changed decision.
        "views.open",
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
