// Slack being Slack: redelivered requests and double clicks, rate limits and platform errors,
// people outside the plan, words Ramp does not know, and English aliases. Each block runs its own
// Ramp on a fresh SQLite database against the fake Slack Web API.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Body, SlackMessage } from "../../support/fake-slack.ts";
import {
  blockAction,
  findButton,
  input,
  slashCommand,
  triggerId,
} from "../../support/slack-requests.ts";
import { CHANNEL_NAME, PAGED_AT_START, SlackRamp, U } from "./harness.ts";

const dir = mkdtempSync(path.join(tmpdir(), "ramp-slack-resilience-"));
let databases = 0;
const freshDatabase = () => `file:${path.join(dir, `ramp-${++databases}.db`)}`;
const blockText = (message: SlackMessage) => JSON.stringify(message.blocks);
const START = "start groot Brand in het administratief centrum";

/** Starts Ramp, declares the incident and waits until every page DM went out. */
async function declared(s: SlackRamp): Promise<string> {
  await (await s.command(U.pieter, START)).reply();
  for (const user of PAGED_AT_START) await s.waitForMessage(s.fake.dmOf(user), "Incident 2026-001");
  await s.settled();
  return s.incidentChannel();
}

describe("Slack: redeliveries and double clicks", () => {
  let s: SlackRamp;
  let channel: string;
  beforeAll(async () => {
    s = await SlackRamp.start(freshDatabase());
  });
  afterAll(async () => {
    await s?.close();
  });

  it("declares once when Slack redelivers /ramp start (X-Slack-Retry-Num: 1, same payload)", async () => {
    const responseUrl = s.fake.responseUrl();
    const request = slashCommand({ userId: U.pieter, text: START, responseUrl });
    const first = await s.send(request);
    const retry = await s.send(request, { retryNum: 1, retryReason: "http_timeout" });
    expect([first.status, retry.status]).toEqual([200, 200]);
    // The redelivery finds Slack's trigger_id in the inbox: acknowledged, not run again.
    const [reply] = await s.fake.waitFor("the answer", () => {
      const r = s.fake.responsesTo(responseUrl);
      return r.length === 1 && r;
    });
    expect(reply!.text).toBe(
      "Incident 2026-001 is gestart; de crisisstaf wordt opgeroepen. Volgende stap: leg na de vergadering de evaluatie vast met /ramp evaluatie &lt;toestand&gt;; dan volgt de beslissing A of B.",
    );
    for (const user of PAGED_AT_START)
      await s.waitForMessage(s.fake.dmOf(user), "Incident 2026-001");
    await s.settled();
    channel = await s.incidentChannel();
    expect(await s.count(`SELECT count(*) FROM "Incident"`)).toBe(1);
    expect(await s.count(`SELECT count(*) FROM "Page"`)).toBe(9);
    expect(await s.timelineCount("incident.declared")).toBe(1);
    expect(await s.timelineCount("page.sent")).toBe(9);
    for (const user of PAGED_AT_START) expect(s.fake.postsTo(s.fake.dmOf(user))).toHaveLength(1);
    expect(s.fake.callsOf("conversations.create")).toHaveLength(1);
    expect(s.fake.responsesTo(responseUrl)).toHaveLength(1);
  });

  it("takes a redelivered and a double-clicked Ik kom once", async () => {
    const page = s.fake.messagesIn(s.fake.dmOf(U.sofie))[0]!;
    const click = blockAction({
      userId: U.sofie,
      message: page,
      button: findButton(page, "Ik kom"),
      responseUrl: s.fake.responseUrl(),
    });
    const responses = await Promise.all([
      s.send(click),
      s.send(click),
      s.send(click, { retryNum: 1, retryReason: "http_timeout" }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await s.fake.waitFor("the page showing the answer", () =>
      blockText(s.now(page)).includes("Uw antwoord: Komt"),
    );
    await s.settled();
    expect(await s.timelineCount("page.answered")).toBe(1);
    expect(s.fake.calls.filter((c) => c.method === "response")).toHaveLength(1); // the /ramp start answer
  });

  it("pages the alternate once when Ik kan niet arrives twice at the same moment", async () => {
    const page = s.fake.messagesIn(s.fake.dmOf(U.els))[0]!;
    const [a, b] = await Promise.all([
      s.click(U.els, page, "Ik kan niet"),
      s.click(U.els, page, "Ik kan niet", { retryNum: 1 }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await s.waitForMessage(s.fake.dmOf(U.ines), "Incident 2026-001");
    await s.settled();
    expect(s.fake.postsTo(s.fake.dmOf(U.ines))).toHaveLength(1);
    expect(
      await s.count(
        `SELECT count(*) FROM "Page" WHERE "functionId" = 'diensthoofd-sociale-dienst'`,
      ),
    ).toBe(2);
    expect(await s.timelineCount("page.answered")).toBe(2); // Sofie's and Els's
    expect(s.fake.responsesTo(a.responseUrl)).toEqual([]);
    expect(s.fake.responsesTo(b.responseUrl)).toEqual([]);
  });

  it("claims once on a double click, silently", async () => {
    await (await s.command(U.pieter, "besluit B")).reply();
    const card = await s.taskCard(channel, "b-tech-restore");
    const [a, b] = await Promise.all([
      s.click(U.bart, card, "Opnemen"),
      s.click(U.bart, card, "Opnemen"),
    ]);
    await s.fake.waitFor("the claimed card", () => s.now(card).text.endsWith("— Opgenomen"));
    await s.settled();
    expect(await s.timelineCount("task.claimed")).toBe(1);
    expect(s.fake.responsesTo(a.responseUrl)).toEqual([]);
    expect(s.fake.responsesTo(b.responseUrl)).toEqual([]);
  });

  it("changes the decision once on a double submission of its reason form, and says why the second did nothing", async () => {
    await (await s.command(U.pieter, "evaluatie Gebouw beschadigd")).reply();
    const decision = await s.waitForMessage(channel, "Evaluatie en beslissing");
    const decisionsBefore = await s.timelineCount("decision.made");
    const tasksBefore = await s.count(`SELECT count(*) FROM "Task"`);
    const trigger = triggerId();
    await s.click(U.pieter, decision, "A — Bibliotheek", { triggerId: trigger });
    const form = await s.fake.waitFor("the reason form", () =>
      s.fake.callsOf("views.open").find((c) => c.body.trigger_id === trigger),
    );
    const view = form.body.view as Body;
    const reason = { reason: { value: input.text("Gebouw beschadigd") } };
    await Promise.all([s.submit(U.pieter, view, reason), s.submit(U.pieter, view, reason)]);
    const refusal = await s.fake.waitFor(
      "the refusal of the second submission",
      () => s.fake.callsOf("chat.postMessage", (b) => b.channel === U.pieter)[0],
    );
    expect(refusal.body.text).toBe("⚠️ Dat is al de huidige beslissing.");
    await s.waitForMessage(channel, /^Beslissing gewijzigd: situatie A/);
    await s.settled();
    expect(await s.timelineCount("decision.made")).toBe(decisionsBefore + 1);
    // A's 16 tasks: 7 carried over from B (the plan's sameAs), 9 planned anew.
    expect(await s.count(`SELECT count(*) FROM "Task"`)).toBe(tasksBefore + 9);
  });
});

describe("Slack: rate limits and platform errors", () => {
  let s: SlackRamp;
  beforeAll(async () => {
    s = await SlackRamp.start(freshDatabase());
  });
  afterAll(async () => {
    await s?.close();
  });

  it("retries chat.postMessage after the Retry-After of a 429, not before, and loses nothing", async () => {
    s.fake.fail("chat.postMessage", { status: 429, retryAfter: 30 }, 2);
    await (await s.command(U.pieter, START)).reply();
    const channel = await s.incidentChannel();
    await s.waitForMessage(channel, /^Oproeping crisisstaf/);
    await s.settled();
    const limited = s.fake.callsOf("chat.postMessage").filter((c) => c.status === 429);
    expect(limited).toHaveLength(2);
    const missing = limited.map((c) => String(c.body.channel));
    for (const dm of missing) expect(s.fake.messagesIn(dm)).toEqual([]);

    // 29 seconds later the rate limit still holds: a tick delivers nothing.
    s.clock.set(new Date(s.clock.now().getTime() + 29_000));
    await s.tick();
    for (const dm of missing) expect(s.fake.messagesIn(dm)).toEqual([]);

    s.clock.set(new Date(s.clock.now().getTime() + 1_000));
    await s.tick();
    for (const user of PAGED_AT_START) {
      expect(s.fake.postsTo(s.fake.dmOf(user)), user).toHaveLength(1);
      expect(s.fake.messagesIn(s.fake.dmOf(user))[0]!.text).toContain("Incident 2026-001");
    }
    const rows = await s.query(`SELECT status, attempts, "lastError" FROM "OutboxMessage"`);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    const retried = rows.filter((r) => Number(r.attempts) === 2);
    expect(retried).toHaveLength(2);
    expect(retried.map((r) => String(r.lastError))).toEqual([
      "Slack rate limit (retry after 30 s)",
      "Slack rate limit (retry after 30 s)",
    ]);
  });

  it("retries a transient platform error (internal_error) with backoff", async () => {
    const page = s.fake.messagesIn(s.fake.dmOf(U.johan))[0]!;
    s.fake.fail("chat.update", { error: "internal_error" }, 1, (b) => b.channel === page.channel);
    await s.click(U.johan, page, "Ik kom");
    await s.fake.waitFor(
      "the failed update",
      () => s.fake.callsOf("chat.update", (b) => b.channel === page.channel)[0],
    );
    await s.settled();
    expect(blockText(s.now(page))).not.toContain("Uw antwoord");
    s.clock.set(new Date(s.clock.now().getTime() + 2_000));
    await s.tick();
    expect(blockText(s.now(page))).toContain("Uw antwoord: Komt");
    expect(s.fake.postsTo(page.channel)).toHaveLength(1);
  });

  it("sets aside a message Slack can never deliver (user_not_found) and delivers the rest", async () => {
    s.fake.fail("conversations.open", { error: "user_not_found" }, 1, (b) => b.users === U.geert);
    s.clock.set(new Date(s.clock.now().getTime() + 16 * 60_000));
    await s.tick();
    await s.waitForMessage(s.fake.dmOf(U.kevin), "Incident 2026-001");
    await s.waitForMessage(s.fake.dmOf(U.ines), "Incident 2026-001");
    expect(s.fake.pendingFailures()).toBe(0);
    expect(s.fake.messagesIn(s.fake.dmOf(U.geert))).toEqual([]);
    const [dead] = await s.query(
      `SELECT "targetId", "lastError" FROM "OutboxMessage" WHERE status = 'dead'`,
    );
    expect(dead).toEqual({ targetId: "geert-vanhoutte", lastError: "Slack: user_not_found" });
    // Never tried again (a retried message would be due 2 s later; the page's own timeout is 15 min).
    s.clock.set(new Date(s.clock.now().getTime() + 5 * 60_000));
    await s.tick();
    expect(s.fake.callsOf("conversations.open", (b) => b.users === U.geert)).toHaveLength(1);
    expect(await s.count(`SELECT attempts FROM "OutboxMessage" WHERE status = 'dead'`)).toBe(1);
  });
});

describe("Slack: people, words and languages", () => {
  let s: SlackRamp;
  let channel: string;
  beforeAll(async () => {
    s = await SlackRamp.start(freshDatabase());
    channel = await declared(s);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("refuses someone who is not in the plan, in the plan's language only, only to them", async () => {
    const reply = await (await s.command(U.stranger, "status")).reply();
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toBe(
      "⚠️ U staat niet in het crisisplan. Vraag de coördinator om u toe te voegen.",
    );
    expect(JSON.stringify(reply.blocks)).not.toContain("You are not in the crisis plan");
  });

  it("refuses a click from someone who is not in the plan and leaves the page as it was", async () => {
    const page = s.fake.messagesIn(s.fake.dmOf(U.lien))[0]!;
    const click = await s.click(U.stranger, page, "Ik kom");
    const reply = await click.reply();
    expect(reply).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(reply.text).toBe(
      "⚠️ U staat niet in het crisisplan. Vraag de coördinator om u toe te voegen.",
    );
    await s.settled();
    expect(await s.timelineCount("page.answered")).toBe(0);
    expect(s.now(page).updates).toBe(0);
  });

  it("refuses a decision to someone who is not the coordinator or a deputy", async () => {
    const reply = await (await s.command(U.bart, "besluit B")).reply();
    expect(reply.text).toBe(
      "⚠️ Enkel de coördinator of een plaatsvervanger kan beslissen over situatie A of B.",
    );
    expect(await s.timelineCount("decision.made")).toBe(0);
  });

  it("answers an unknown word with the help text, ephemerally", async () => {
    const reply = await (await s.command(U.johan, "vergadering")).reply();
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toBe('"vergadering" ken ik niet. Dit kan wel:');
    const blocks = JSON.stringify(reply.blocks);
    // In the plan's language only.
    expect(blocks).toContain('"⚠️ \\"vergadering\\" ken ik niet. Dit kan wel:"');
    expect(blocks).not.toContain("I don't know");
    expect(blocks).toContain("*Ramp — het rampenplan, live*");
    expect(blocks).toContain("`/ramp besluit A &lt;uitwijklocatie&gt; [reden]`");
  });

  it("understands the English aliases decide and tasks", async () => {
    const decided = await (await s.command(U.sofie, "decide B own buildings usable")).reply();
    expect(decided.text).toBe(
      "Beslissing vastgelegd: situatie B. De taken staan in het incidentkanaal.",
    );
    await s.waitForMessage(channel, /^Beslissing: situatie B/);
    const tasks = await (await s.command(U.bart, "tasks")).reply();
    expect(tasks.response_type).toBe("ephemeral");
    expect(tasks.text).toBe("Taken — incident 2026-001");
    const blocks = JSON.stringify(tasks.blocks);
    expect(blocks).toContain("Zo nodig vervangende ICT-middelen aanvragen");
    expect(blocks).toContain('"action_id":"ramp_task_claim:');

    // A claim from the ephemeral list works like one from the card. The list is sorted by
    // priority, then deadline: the first technical task is the one due first (8 h).
    const list: SlackMessage = {
      channel: "C0ALGEMEEN",
      ts: "1790000999.000100",
      text: String(tasks.text),
      blocks: tasks.blocks as SlackMessage["blocks"],
      updates: 0,
    };
    await s.click(U.bart, list, "Opnemen");
    const card = await s.taskCard(channel, "b-tech-internet-telefonie");
    await s.fake.waitFor("the claimed card", () => s.now(card).text.endsWith("— Opgenomen"));
    const mine = await (await s.command(U.bart, "tasks mine")).reply();
    expect(mine.text).toBe("Uw taken — incident 2026-001");
    expect(JSON.stringify(mine.blocks)).toContain("Onderbroken internet en telefonie herstellen");
    expect(JSON.stringify(mine.blocks)).not.toContain("Back-ups beschikbaar stellen");
  });

  it("answers /ramp status with the incident, the paging and the decisions", async () => {
    const reply = await (await s.command(U.lien, "status")).reply();
    expect(reply.text).toBe("Incident 2026-001 — Brand in het administratief centrum");
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).toContain("Oproeping crisisstaf");
    expect(blocks).toContain("Besluitenlijst");
    expect(s.fake.channelNamed(CHANNEL_NAME)?.id).toBe(channel);
  });
});

describe("Slack: unreachable when Ramp starts", () => {
  let s: SlackRamp;
  afterAll(async () => {
    await s?.close();
  });

  it("starts, answers commands while auth.test fails, and checks the token again later", async () => {
    // Bolt learns the bot's identity with auth.test; here Slack refuses it twice.
    s = await SlackRamp.start(freshDatabase(), {
      beforeStart: (fake) => {
        fake.fail("auth.test", { status: 429, retryAfter: 1 });
        fake.fail("auth.test", { error: "internal_error" });
      },
    });
    const first = await s.command(U.pieter, "status");
    expect(first.status).toBe(200);
    expect((await first.reply()).text).toBe(
      "⚠️ Er loopt geen incident. Start er een met /ramp start.",
    );
    const second = await s.command(U.pieter, "start groot Brand in het administratief centrum");
    expect((await second.reply()).text).toBe(
      "Incident 2026-001 is gestart; de crisisstaf wordt opgeroepen. Volgende stap: leg na de vergadering de evaluatie vast met /ramp evaluatie &lt;toestand&gt;; dan volgt de beslissing A of B.",
    );
    await s.waitForMessage(s.fake.dmOf(U.sofie), "Incident 2026-001");
    await (await s.command(U.pieter, "help")).reply();
    await (await s.command(U.sofie, "status")).reply();
    // Asked once per request until Slack answered, then never again.
    expect(s.fake.callsOf("auth.test").map((c) => c.answer.ok ?? false)).toEqual([
      false,
      false,
      true,
    ]);
  });
});
