// A reachability test over Slack, Teams and SMS on both databases: who gets what, what the
// outbox says about each channel, who answered, and the functions left without anyone.
import { expect, it } from "vitest";
import type { OutboxItem } from "../../src/core/model.ts";
import { type DeliveryChannel, DeliveryError } from "../../src/core/outbox.ts";
import { loadResult } from "../../src/core/practice/views.ts";
import type { Plan } from "../../src/plan/schema.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine, loadSamplePlan, START, type TestEngine } from "../support/engine.ts";
import { COORDINATOR, DEPUTY, declare } from "./fixtures.ts";

/** Fake platforms: Teams is not installed for the ICT people, the gateway refuses one number. */
function platforms(): Map<string, DeliveryChannel> {
  const channel = (name: string, refuse: (personId: string) => DeliveryError | null) => ({
    name,
    async deliver(item: OutboxItem) {
      const personId = item.audience.kind === "person" ? item.audience.personId : "";
      const error = refuse(personId);
      if (error) throw error;
      return `${name}-${item.id}`;
    },
  });
  return new Map([
    [
      "slack",
      channel("slack", (p) =>
        p === "kevin-dumon" ? new DeliveryError("Slack: user_disabled", { permanent: true }) : null,
      ),
    ],
    [
      "teams",
      channel("teams", (p) =>
        p === "bart-lannoo" || p === "kevin-dumon"
          ? new DeliveryError(`${p} has not installed Ramp in Teams yet`)
          : null,
      ),
    ],
    [
      "sms",
      channel("sms", (p) =>
        p === "an-peeters"
          ? new DeliveryError('SMS gateway: 400 {"error":"invalid number"}', { permanent: true })
          : null,
      ),
    ],
  ]);
}

async function planWithout(field: "slackUserId", personId: string): Promise<Plan> {
  const { plan } = await loadSamplePlan();
  return {
    ...plan,
    people: plan.people.map((p) => (p.id === personId ? { ...p, [field]: undefined } : p)),
  };
}

const recipientOf = async (t: TestEngine, testId: string, personId: string) => {
  const found = (await t.ctx.store.reachability.recipients(testId)).find(
    (r) => r.personId === personId,
  );
  if (!found) throw new Error(`${personId} got no test message`);
  return found;
};

describeEachDatabase("reachability test", (target) => {
  it("tests everyone who may be paged and finds the functions nobody answers for", async () => {
    const db = await target.open({}, await target.createDatabase());
    const plan = await planWithout("slackUserId", "marleen-vandamme");
    const t = await createTestEngine(db, { channels: ["slack", "teams", "sms"], plan });
    await expect(t.engine.startTest(t.as("bart-lannoo"))).rejects.toMatchObject({
      code: "not-coordinator",
    });
    const test = await t.engine.startTest(t.as(COORDINATOR));
    expect(test.number).toBe("T-2026-01");
    expect(test.closesAt.getTime() - test.startedAt.getTime()).toBe(60 * 60_000);
    // No incident, no pages, no tasks.
    expect(await t.engine.activeIncidents()).toEqual([]);

    const recipients = await t.ctx.store.reachability.recipients(test.id);
    // 13 people, each once, though several hold more than one role.
    expect(recipients).toHaveLength(13);
    const sofie = recipients.find((r) => r.personId === DEPUTY)!;
    expect(sofie.roles.map((r) => r.role).sort()).toEqual([
      "alternate",
      "alternate",
      "deputy",
      "holder",
    ]);
    const queued = (await t.ctx.store.outbox.listDue(START, 500)).filter((i) =>
      i.dedupeKey.startsWith(`test:${test.id}:`),
    );
    const channelsOf = (personId: string) =>
      queued
        .filter((i) => i.audience.kind === "person" && i.audience.personId === personId)
        .map((i) => i.channel)
        .sort();
    expect(channelsOf("pieter-declercq")).toEqual(["slack", "sms", "teams"]);
    expect(channelsOf("marleen-vandamme")).toEqual(["sms", "teams"]);
    expect(channelsOf("wouter-hoste")).toEqual(["sms"]);
    expect(queued.every((i) => i.delivery.type === "card" && i.delivery.card.kind === "test")).toBe(
      true,
    );

    // A second test while this one runs is refused.
    await expect(t.engine.startTest(t.as(DEPUTY))).rejects.toMatchObject({ code: "test-open" });

    await t.engine.dispatch(platforms(), "dispatcher");
    const answer = async (personId: string, minutes: number, source: "slack" | "teams" | "web") => {
      t.clock.set(new Date(START.getTime() + minutes * 60_000));
      const r = await recipientOf(t, test.id, personId);
      await t.engine.answerTest(t.as(personId, source), r.id);
    };
    await answer("pieter-declercq", 2, "slack");
    await answer("sofie-vermeulen", 3, "teams");
    await answer("marleen-vandamme", 4, "teams");
    await answer("johan-maes", 6, "slack");
    await answer("els-verhaeghe", 10, "web");
    await answer("lien-coussens", 12, "slack");
    // A second click changes nothing; someone else's card is refused.
    await answer("pieter-declercq", 20, "teams");
    const lien = await recipientOf(t, test.id, "lien-coussens");
    await expect(t.engine.answerTest(t.as("johan-maes"), lien.id)).rejects.toMatchObject({
      code: "test-not-yours",
    });

    // The window closes: the scheduler's job makes the result, once.
    t.clock.set(test.closesAt);
    expect((await t.tick()).done).toBe(1);
    expect((await t.tick()).done).toBe(0);
    // A late answer is not counted.
    await t.engine.answerTest(
      t.as("katrien-dewilde"),
      (await recipientOf(t, test.id, "katrien-dewilde")).id,
    );

    const result = await loadResult(t.ctx, (await t.ctx.store.reachability.get(test.id))!);
    expect(result.test.status).toBe("closed");
    expect(result.answered).toBe(6);
    expect(result.total).toBe(13);
    expect(result.medianMs).toBe(5 * 60_000);
    expect(result.bySource).toEqual({ slack: 3, teams: 2, web: 1 });
    expect(result.uncovered.map((f) => f.functionId)).toEqual(["deskundige-ict", "dpo"]);
    const person = (id: string) => result.people.find((p) => p.personId === id)!;
    const why = (id: string) =>
      Object.fromEntries(
        person(id).channels.map((c) => [c.channel, c.delivered ? "ok" : c.reason]),
      );
    expect(why("marleen-vandamme")).toEqual({ slack: "no-slack-id", teams: "ok", sms: "ok" });
    expect(why("kevin-dumon")).toEqual({
      slack: "platform-error",
      teams: "teams-not-installed",
      sms: "ok",
    });
    expect(why("an-peeters")).toEqual({
      slack: "no-slack-id",
      teams: "no-teams-id",
      sms: "sms-refused",
    });
    expect(person("marleen-vandamme").answerMs).toBe(4 * 60_000);
    expect(person("katrien-dewilde").answeredAt).toBeNull();

    // The result goes to the coordinator and the deputy, on their chat platforms.
    const notices = (await t.ctx.store.outbox.listDue(test.closesAt, 1000)).filter(
      (i) => i.delivery.type === "notice" && i.delivery.notice.kind === "test-result",
    );
    expect(
      notices.map((i) => `${(i.audience as { personId: string }).personId}:${i.channel}`).sort(),
    ).toEqual([
      "pieter-declercq:slack",
      "pieter-declercq:teams",
      "sofie-vermeulen:slack",
      "sofie-vermeulen:teams",
    ]);
    const text = notices[0]!.delivery.type === "notice" ? notices[0]!.delivery.notice.text : "";
    expect(text).toContain("6 van 13 antwoordden (46 %), mediaan 5 min");
    expect(text).toContain(
      "Zonder bereikbare titularis of vervanger: Deskundige ICT (gemeente), Data Protection Officer.",
    );
    expect(text).toContain(
      "An Peeters (Slack: geen Slack-id in het plan; Teams: geen Teams-identiteit in het plan; sms: nummer geweigerd door de sms-dienst)",
    );

    // The next test has its own number.
    const second = await t.engine.startTest(t.as(DEPUTY));
    expect(second.number).toBe("T-2026-02");
    await t.engine.stopTest(t.as(COORDINATOR));
    expect((await t.ctx.store.reachability.get(second.id))?.closedById).toBe(COORDINATOR);
  });

  it("refuses a test during a real incident", async () => {
    const db = await target.open({}, await target.createDatabase());
    const t = await createTestEngine(db);
    const incident = await declare(t);
    await expect(t.engine.startTest(t.as(COORDINATOR))).rejects.toMatchObject({
      code: "test-during-incident",
      params: { number: incident.number },
    });
  });

  it("closes a test exactly once after a restart in the middle", async () => {
    const url = await target.createDatabase();
    const before = await createTestEngine(await target.open({}, url));
    const test = await before.engine.startTest(before.as(COORDINATOR));
    before.clock.advanceMinutes(5);
    await before.engine.answerTest(
      before.as("johan-maes"),
      (await recipientOf(before, test.id, "johan-maes")).id,
    );
    await before.ctx.store.jobs.leaseDue(
      test.closesAt,
      "crashed",
      new Date(test.closesAt.getTime() + 60_000),
      10,
    );

    const after = await createTestEngine(await target.open({}, url));
    after.clock.set(new Date(test.closesAt.getTime() + 60_001));
    await after.engine.answerTest(
      after.as("bart-lannoo"),
      (await recipientOf(after, test.id, "bart-lannoo")).id,
    );
    const [a, b] = await Promise.all([after.tick("replica-a"), after.tick("replica-b")]);
    expect(a.done + b.done).toBe(1);
    const result = await loadResult(after.ctx, (await after.ctx.store.reachability.get(test.id))!);
    expect(result.answered).toBe(2);
    const notices = (await after.ctx.store.outbox.listDue(after.clock.now(), 1000)).filter(
      (i) => i.delivery.type === "notice" && i.delivery.notice.kind === "test-result",
    );
    expect(notices).toHaveLength(2);
  });
});
