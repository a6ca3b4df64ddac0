// Proactive delivery to Teams when things go wrong: a person who never installed Ramp, a
// connector that throttles (429 with Retry-After), refuses (403) or fails (500). The outbox keeps
// each message and retries it; nothing else waits for it. SQLite, fake clock.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonLabels, cardOf, messageText } from "../../support/fake-connector.ts";
import { PERSON, reviewCards, T0, TeamsRamp, type Who } from "./harness.ts";

const INCIDENT_TITLE = "Incident 2026-001 — Brand in het administratief centrum";
/** Paged at the start and installed below; Lien is left out where a test needs it. */
const STAFF: Who[] = ["marleen", "sofie", "johan", "katrien", "els", "bart"];

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("Teams delivery", () => {
  let t: TeamsRamp;
  beforeEach(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-teams-delivery-"));
    dirs.push(dir);
    t = await TeamsRamp.start(`file:${path.join(dir, "ramp.db")}`);
    await t.installInTeam("pieter");
    for (const who of STAFF) await t.installPersonal(who);
  });
  afterEach(async () => {
    await t?.close();
  });

  async function pageRow(who: Who) {
    const [row] = await t.query(
      `SELECT o.status, o.attempts, o."nextAttemptAt", o."lastError" FROM "OutboxMessage" o
       JOIN "Page" p ON o."targetId" = p."personId"
       WHERE o.platform = 'teams' AND o."targetKind" = 'person' AND p."personId" = $1
       ORDER BY o."createdAt" LIMIT 1`,
      [PERSON[who]],
    );
    return row!;
  }

  /** Declares with @Ramp start; returns the incident's thread. */
  async function declare(): Promise<string> {
    const sent = await t.mention("pieter", "start groot Brand in het administratief centrum");
    expect(sent.status).toBe(200);
    await t.replyTo(sent);
    await t.settled();
    return sent.conversationId;
  }

  it("keeps retrying the page of someone who never installed Ramp, and delivers it once they do", async () => {
    await declare();
    for (const who of STAFF) await t.waitForDm(who, INCIDENT_TITLE);
    expect(t.dmMessages("lien")).toEqual([]);
    const first = await pageRow("lien");
    expect(first).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "lien-coussens has not installed Ramp in Teams yet",
    });
    // Ticks go on; the page is tried again after its backoff, and stays pending, not dead.
    for (let i = 0; i < 4; i++) {
      t.clock.advanceMinutes(1);
      await t.tick();
    }
    const later = await pageRow("lien");
    expect(later.status).toBe("pending");
    expect(Number(later.attempts)).toBeGreaterThan(1);
    expect(t.ramp.scheduler.lastTick?.deliveries.dead).toBe(0);

    // An administrator pre-installs Ramp for Lien: the next try reaches her.
    await t.installPersonal("lien");
    t.clock.advanceMinutes(10);
    await t.tick();
    const page = await t.waitForDm("lien", INCIDENT_TITLE);
    expect(messageText(page)).toContain("als Stafmedewerker");
    expect(buttonLabels(cardOf(page.activity))).toEqual(["Ik kom", "Ik kan niet"]);
    expect((await pageRow("lien")).status).toBe("sent");
  });

  it("waits as long as the connector's Retry-After says when it answers 429, then delivers", async () => {
    await t.installPersonal("lien");
    const sofie = t.dm("sofie");
    t.fake.fail(["send", "reply"], { status: 429, retryAfter: 7 }, { conversationId: sofie });
    await declare();
    for (const who of STAFF.filter((w) => w !== "sofie")) await t.waitForDm(who, INCIDENT_TITLE);
    const throttled = await pageRow("sofie");
    expect(throttled).toMatchObject({ status: "pending", attempts: 1 });
    expect(String(throttled.lastError)).toBe("Teams rate limit");
    expect(new Date(String(throttled.nextAttemptAt)).getTime()).toBe(T0.getTime() + 7_000);
    // One try, answered 429; not retried behind the outbox's back.
    expect(t.fake.callsOf(["send", "reply"], (c) => c.conversationId === sofie)).toMatchObject([
      { status: 429 },
    ]);
    expect(t.dmMessages("sofie")).toEqual([]);

    // Not before the Retry-After has passed…
    t.clock.set(new Date(T0.getTime() + 6_000));
    await t.tick();
    expect(t.dmMessages("sofie")).toEqual([]);
    // …then delivered.
    t.clock.set(new Date(T0.getTime() + 7_000));
    await t.tick();
    const page = await t.waitForDm("sofie", INCIDENT_TITLE);
    expect(messageText(page)).toContain("als Adjunct algemeen directeur");
    expect((await pageRow("sofie")).status).toBe("sent");
    expect(
      t.fake.callsOf(["send", "reply"], (c) => c.conversationId === sofie).map((c) => c.status),
    ).toEqual([429, 201]);
  });

  it("retries a card update that was throttled, in place", async () => {
    await t.installPersonal("lien");
    await declare();
    const page = await t.waitForDm("sofie", INCIDENT_TITLE);
    t.fake.fail("update", { status: 429, retryAfter: 3 }, { conversationId: page.conversationId });
    const answer = await t.click("sofie", page, "Ik kom");
    expect(answer.text).toContain("Uw antwoord: Komt");
    await t.settled();
    expect(t.fake.pendingFailures("update")).toBe(0);
    expect(t.current(page).updates).toBe(0);
    t.clock.set(new Date(T0.getTime() + 3_000));
    await t.tick();
    await t.fake.waitFor("the page updated in place", () => t.current(page).updates === 1);
    expect(messageText(t.current(page))).toContain("Uw antwoord: Komt");
    expect(t.dmMessages("sofie")).toHaveLength(1);
  });

  it("gives up on a person who blocked or removed Ramp (403), and retries a server error (500)", async () => {
    await t.installPersonal("lien");
    t.fake.fail(["send", "reply"], { status: 403 }, { conversationId: t.dm("johan") });
    t.fake.fail(["send", "reply"], { status: 500 }, { conversationId: t.dm("els") });
    await declare();
    await t.waitForDm("bart", INCIDENT_TITLE);
    await t.settled();
    const johan = await pageRow("johan");
    expect(johan.status).toBe("dead");
    expect(String(johan.lastError)).toMatch(/^Teams: 403/);
    const els = await pageRow("els");
    expect(els.status).toBe("pending");
    expect(String(els.lastError)).toMatch(/^Teams unreachable: 500/);
    t.clock.advanceMinutes(5);
    await t.tick();
    await t.waitForDm("els", INCIDENT_TITLE);
    // Each failure was one call: retried by the outbox, not inside the delivery.
    const statuses = (who: Who) =>
      t.fake.callsOf(["send", "reply"], (c) => c.conversationId === t.dm(who)).map((c) => c.status);
    expect(statuses("els")).toEqual([500, 201]);
    expect(statuses("johan")).toEqual([403]);
    expect(t.dmMessages("johan")).toEqual([]);
  });

  it("retries a shared review the connector failed (503, then 429) and posts it once", async () => {
    const thread = await declare();
    await t.mention("pieter", "stop Brand geblust");
    await t.fake.waitFor("the first draft in the thread", () => reviewCards(t.fake, thread)[0]);
    await t.settled();

    // Asked again later: the connector fails the review's post twice.
    t.clock.advanceMinutes(11);
    t.fake.fail(["send", "reply"], { status: 503 }, { conversationId: thread });
    t.fake.fail(["send", "reply"], { status: 429, retryAfter: 4 }, { conversationId: thread });
    const posts = () =>
      t.fake.callsOf(["send", "reply"], (c) => c.conversationId === thread).map((c) => c.status);
    const before = posts().length;
    const sent = await t.mention("pieter", "review");
    await t.replyTo(sent);
    await t.settled();
    const row = async () => {
      const [found] = await t.query(
        `SELECT status, attempts, "lastError" FROM "OutboxMessage"
         WHERE platform = 'teams' AND "dedupeKey" LIKE $1`,
        [`%:review:${PERSON.pieter}:teams`],
      );
      return found!;
    };
    expect(await row()).toMatchObject({ status: "pending", attempts: 1 });
    expect(String((await row()).lastError)).toMatch(/^Teams unreachable: 503/);
    expect(reviewCards(t.fake, thread)).toHaveLength(1);

    t.clock.advanceMinutes(1);
    await t.tick();
    await t.settled();
    expect(await row()).toMatchObject({ status: "pending", lastError: "Teams rate limit" });
    expect(reviewCards(t.fake, thread)).toHaveLength(1);

    t.clock.advanceMinutes(1);
    await t.tick();
    await t.fake.waitFor(
      "the review posted after the failures",
      () => reviewCards(t.fake, thread)[1],
    );
    await t.settled();
    expect((await row()).status).toBe("sent");
    // One try per delivery, retried by the outbox; one card in the end.
    expect(posts().slice(before)).toEqual([503, 429, 201]);
    expect(reviewCards(t.fake, thread)).toHaveLength(2);
    expect(messageText(reviewCards(t.fake, thread)[1]!)).toContain(
      "opnieuw opgemaakt uit de tijdlijn op vraag van Pieter Declercq",
    );
  });
});
