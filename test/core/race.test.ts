import { expect, it } from "vitest";
import { CHUNK, type TickResult } from "../../src/core/scheduler.ts";
import type { TestDatabase } from "../support/databases.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine, type TestEngine } from "../support/engine.ts";
import {
  at,
  COORDINATOR,
  declare,
  entries,
  freshEngine,
  noticesOf,
  outbox,
  overlapTransactions,
} from "./fixtures.ts";

/**
 * Two replicas on one database: on PostgreSQL each with its own connection pool; on SQLite they
 * share the process's one handle on the file (openDatabase refuses a second one), each engine
 * with its own clock and scheduler name.
 */
async function replicas(target: TestDatabase): Promise<[TestEngine, TestEngine]> {
  const { t: a, db, url } = await freshEngine(target);
  const b = await createTestEngine(target.provider === "sqlite" ? db : await target.open({}, url));
  return [a, b];
}

/** Two replicas tick at the same moment, round after round, until neither finds work. */
async function race(a: TestEngine, b: TestEngine, moment: Date): Promise<TickResult> {
  a.clock.set(moment);
  b.clock.set(moment);
  const total: TickResult = { done: 0, lost: 0, failed: 0 };
  for (let round = 0; round < 4; round++) {
    const results = await Promise.all([
      a.tick("replica-a"),
      b.tick("replica-b"),
      a.tick("replica-a"),
      b.tick("replica-b"),
    ]);
    for (const r of results) {
      total.done += r.done;
      total.lost += r.lost;
      total.failed += r.failed;
    }
  }
  return total;
}

describeEachDatabase("two schedulers racing on one database", (target) => {
  it("runs every page timeout, reminder and escalation exactly once", async () => {
    const [a, b] = await replicas(target);
    const incident = await declare(a);

    expect(await race(a, b, at(0.25))).toEqual({ done: 8, lost: 0, failed: 0 });
    expect(await entries(a, incident.id, "page.silent")).toHaveLength(8);
    expect(await entries(a, incident.id, "page.sent")).toHaveLength(17);
    // Seven alternates were paged; the deputy's alternate, the coordinator, was coming already.
    expect((await race(a, b, at(0.5))).done).toBe(7);
    expect((await race(a, b, at(0.75))).done).toBe(0);
    expect(await entries(a, incident.id, "page.silent")).toHaveLength(15);
    expect(await entries(a, incident.id, "page.exhausted")).toHaveLength(7);
    expect(await noticesOf(a, incident.id, "page-exhausted")).toHaveLength(14);

    a.clock.set(at(0.75));
    await a.engine.decide(a.as(COORDINATOR), incident.id, { situation: "B" });
    const pending = (await a.ctx.store.jobs.listForIncident(incident.id)).filter(
      (j) => j.status === "pending",
    );
    const kinds = (kind: string) => pending.filter((j) => j.kind === kind).length;
    // Reminders 24h/4h/1h before each deadline that are still ahead at 0:45, and the deadlines.
    expect([
      kinds("task-reminder"),
      kinds("task-overdue"),
      kinds("service-reminder"),
      kinds("service-overdue"),
    ]).toEqual([29, 13, 12, 5]);
    const rowsBefore = (await outbox(a, incident.id)).length;

    // Both replicas come back after two days: everything is due at once. Every deadline has
    // passed by then, so the reminders are dropped and only the escalations go out.
    expect(await race(a, b, at(48))).toEqual({ done: 59, lost: 0, failed: 0 });
    expect(await entries(a, incident.id, "reminder.sent")).toHaveLength(0);
    expect(await entries(a, incident.id, "deadline.missed")).toHaveLength(13 + 5);
    // Escalations: both leaders and the channel.
    expect(await noticesOf(a, incident.id, "task-reminder")).toHaveLength(0);
    expect(await noticesOf(a, incident.id, "service-reminder")).toHaveLength(0);
    expect(await noticesOf(a, incident.id, "task-overdue")).toHaveLength(13 * 3);
    expect(await noticesOf(a, incident.id, "service-overdue")).toHaveLength(5 * 3);
    // Plus one task card refresh per overdue task, and the incident card's: once per transaction
    // that escalated a service (the jobs run in chunks), not once per escalation.
    const added = (await outbox(a, incident.id)).slice(rowsBefore);
    const isIncidentCard = (item: (typeof added)[number]) =>
      item.delivery.type === "card" && item.delivery.card.kind === "incident";
    expect(added.filter((item) => !isIncidentCard(item))).toHaveLength(13 * 3 + 5 * 3 + 13);
    expect(added.filter(isIncidentCard).length).toBeGreaterThanOrEqual(1);
    expect(added.filter(isIncidentCard).length).toBeLessThanOrEqual(Math.ceil(59 / CHUNK));
    const jobs = await a.ctx.store.jobs.listForIncident(incident.id);
    expect(jobs.filter((j) => j.status !== "done")).toEqual([]);
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
    expect((await a.engine.verifyTimeline(incident.id)).ok).toBe(true);
  });

  it("lets exactly one of many claimers on two replicas win", async () => {
    const [a, b] = await replicas(target);
    const incident = await declare(a);
    await a.engine.decide(a.as(COORDINATOR), incident.id, { situation: "B" });
    const task = (await a.ctx.store.tasks.listForIncident(incident.id))[0]!;
    const people = a.plan.people.map((p) => p.id).slice(0, 16);
    if (target.provider === "postgresql") {
      overlapTransactions(a, 5);
      overlapTransactions(b, 5);
    }
    const results = await Promise.allSettled(
      people.map((person, i) => (i % 2 === 0 ? a : b).engine.task(a.as(person), task.id, "claim")),
    );
    const winners = results.flatMap((r, i) => (r.status === "fulfilled" ? [people[i]!] : []));
    expect(winners).toHaveLength(1);
    const winner = a.engine.directory.name(winners[0]);
    for (const r of results) {
      if (r.status === "rejected") {
        expect(r.reason).toMatchObject({ code: "task-claimed", params: { name: winner } });
      }
    }
    expect(await entries(a, incident.id, "task.claimed")).toHaveLength(1);
    expect((await a.ctx.store.tasks.get(task.id))!.ownerId).toBe(winners[0]);
  });

  it("delivers each outbox message once when two dispatchers race", async () => {
    const [a, b] = await replicas(target);
    const incident = await declare(a);
    const delivered: string[] = [];
    const channel = (name: string) =>
      new Map([
        [
          "slack",
          {
            name,
            async deliver(item: { id: string }) {
              delivered.push(item.id);
              return null;
            },
          },
        ],
      ]);
    const rounds = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 === 0
          ? a.engine.dispatch(channel("a"), "dispatcher-a")
          : b.engine.dispatch(channel("b"), "dispatcher-b"),
      ),
    );
    const items = await outbox(a, incident.id);
    expect(rounds.reduce((sum, r) => sum + r.sent, 0)).toBe(items.length);
    expect(delivered.sort()).toEqual(items.map((i) => i.id).sort());
  });
});
