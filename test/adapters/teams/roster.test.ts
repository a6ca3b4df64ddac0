// The roster look-up (who a Teams user is in the tenant) when Teams throttles it or fails: Ramp
// retries a few times, briefly, respecting Retry-After, and when Teams still does not answer it
// says it could not check who the person is. It never tells someone in the plan that they are
// not. Unauthenticated harness, SQLite.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { START_VERB } from "../../../src/adapters/teams/verbs.ts";
import { messageText } from "../../support/fake-connector.ts";
import { PERSON, STRANGER, TeamsRamp } from "./harness.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const NOT_IN_PLAN = "U staat niet in het crisisplan";
const COULD_NOT_CHECK =
  "Ramp kon niet nagaan wie u bent: Teams antwoordt nu niet. Er is niets gewijzigd; probeer het over een minuut opnieuw.";

describe("Teams roster look-up failures", () => {
  let t: TeamsRamp;
  beforeEach(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-teams-roster-"));
    dirs.push(dir);
    t = await TeamsRamp.start(`file:${path.join(dir, "ramp.db")}`);
  });
  afterEach(async () => {
    await t?.close();
  });

  const memberCalls = () => t.fake.callsOf("member").length;
  const remembered = () =>
    t.count(`SELECT count(*) FROM "ConversationRef" WHERE key = $1`, [
      `user:${t.user("pieter").id}`,
    ]);

  it("retries a throttled look-up after Teams' Retry-After and then answers as usual", async () => {
    t.fake.fail("member", { status: 429, retryAfter: 1 }, { times: 2 });
    const started = Date.now();
    const sent = await t.mention("pieter", "start groot Brand in het administratief centrum");
    expect(sent.status).toBe(200);
    const reply = messageText(await t.replyTo(sent));
    expect(reply).toMatch(/^✅ Incident 2026-001 is gestart/);
    // Two waits of Retry-After: 1 s each, then the third try got the member.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(t.fake.callsOf("member").map((c) => c.status)).toEqual([429, 429, 200]);
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(1);
  });

  it("says it could not check who someone is when Teams keeps failing, changes nothing, and works once Teams answers", async () => {
    t.fake.fail("member", { status: 503 }, { times: 3 });
    const sent = await t.mention("pieter", "start groot Brand in het administratief centrum");
    const reply = messageText(await t.replyTo(sent));
    expect(reply).toContain(COULD_NOT_CHECK);
    expect(reply).not.toContain(NOT_IN_PLAN);
    // Bounded: three tries, not the HTTP pipeline's own retries on top.
    expect(memberCalls()).toBe(3);
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(0);
    expect(await remembered()).toBe(0);

    // Teams answers again: the same command goes through.
    const again = await t.mention("pieter", "start groot Brand in het administratief centrum");
    expect(messageText(await t.replyTo(again))).toMatch(/^✅ Incident 2026-001 is gestart/);
    expect(await remembered()).toBe(1);
  });

  it("does not sit out a Retry-After longer than a click can wait", async () => {
    t.fake.fail("member", { status: 429, retryAfter: 30 }, { times: 1 });
    const started = Date.now();
    const sent = await t.say("pieter", "status");
    expect(sent.status).toBe(200);
    const reply = await t.fake.waitFor(
      "the answer in Pieter's chat",
      () => t.dmMessages("pieter")[0],
    );
    expect(messageText(reply)).toContain(COULD_NOT_CHECK);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(memberCalls()).toBe(1);
  });

  it("answers a click (the start form) with the same, and declares nothing", async () => {
    t.fake.fail("member", { status: 502 }, { times: 3 });
    const answer = await t.execute(
      "pieter",
      { conversationId: t.dm("pieter"), id: "1790000000001" },
      START_VERB,
      {},
      {
        classification: "crisis",
        description: "Brand in het administratief centrum",
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(COULD_NOT_CHECK);
    expect(answer.text).not.toContain(NOT_IN_PLAN);
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(0);
  });

  it("still tells someone Teams knows but the plan does not that they are not in it", async () => {
    const sent = await t.mention(STRANGER, "start groot Brand");
    expect(messageText(await t.replyTo(sent))).toContain(NOT_IN_PLAN);
    expect(t.fake.callsOf("member").map((c) => c.status)).toEqual([200]);
  });

  it("keeps no conversation for an install whose member Teams would not say", async () => {
    t.fake.fail("member", { status: 500 }, { times: 3 });
    await t.installPersonal("sofie");
    expect(memberCalls()).toBe(3);
    expect(
      await t.count(`SELECT count(*) FROM "ConversationRef" WHERE key = $1`, [
        `person:${PERSON.sofie}`,
      ]),
    ).toBe(0);
    // Installing again (or any message) once Teams answers stores it.
    await t.installPersonal("sofie");
    expect(
      await t.count(`SELECT count(*) FROM "ConversationRef" WHERE key = $1`, [
        `person:${PERSON.sofie}`,
      ]),
    ).toBe(1);
  });
});
