// The scheduler runs the due jobs of one incident in chunks, a transaction each (issue 17):
// what one job does wrong, or a lease lost to another replica, must cost that job only.
import { expect, it } from "vitest";
import type { Incident, Job } from "../../src/core/model.ts";
import type { Repositories, Store } from "../../src/core/ports.ts";
import { CHUNK } from "../../src/core/scheduler.ts";
import { readSubjectsOnce } from "../../src/core/scheduler-reads.ts";
import type { Database } from "../../src/store/database.ts";
import { describeEachDatabase, type TestDatabase } from "../support/databases.ts";
import { createTestEngine, type TestEngine } from "../support/engine.ts";
import { at, COORDINATOR, declare, entries, freshEngine, MINUTE } from "./fixtures.ts";

/** An incident with tasks, and `count` reminders about them due at the same moment. */
async function dueReminders(
  t: TestEngine,
  count: number,
): Promise<{ incident: Incident; jobs: Job[] }> {
  const incident = await declare(t);
  await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
  const tasks = await t.ctx.store.tasks.listForIncident(incident.id);
  const jobs = Array.from({ length: count }, (_, i) => ({
    id: t.ctx.ids.next(),
    incidentId: incident.id,
    kind: "task-reminder" as const,
    subjectId: tasks[i % tasks.length]!.id,
    // Unique per (kind, subject, due time): the same task's reminders a millisecond apart.
    dueAt: new Date(at(0).getTime() + MINUTE + i),
  }));
  await t.ctx.store.jobs.schedule(jobs);
  t.clock.set(new Date(at(0).getTime() + 2 * MINUTE));
  return {
    incident,
    jobs: (await t.ctx.store.jobs.listForIncident(incident.id)).filter((job) =>
      jobs.some((j) => j.id === job.id),
    ),
  };
}

/** Counts the store's transactions, and lets a test change the repositories each one sees. */
function instrument(t: TestEngine, wrap: (tx: Repositories) => Repositories = (tx) => tx) {
  const store = t.ctx.store;
  const transaction = store.transaction.bind(store);
  const counter = {
    transactions: 0,
    restore: () => {
      t.ctx.store = store;
    },
  };
  t.ctx.store = {
    ...store,
    transaction: (work) => {
      counter.transactions += 1;
      return transaction((tx) => work(wrap(tx)));
    },
  } satisfies Store;
  return counter;
}

/** The repositories with one task unreadable (`get` throws, lists leave it out), as a bug would. */
const failingFor =
  (taskId: string) =>
  (tx: Repositories): Repositories => {
    const tasks = Object.create(tx.tasks) as Repositories["tasks"];
    tasks.get = (id) => (id === taskId ? Promise.reject(new Error("bug")) : tx.tasks.get(id));
    tasks.listForIncident = async (id) =>
      (await tx.tasks.listForIncident(id)).filter((task) => task.id !== taskId);
    return { ...tx, tasks };
  };

const status = async (t: TestEngine, incidentId: string, ids: string[]) =>
  (await t.ctx.store.jobs.listForIncident(incidentId))
    .filter((job) => ids.includes(job.id))
    .map((job) => job.status);

describeEachDatabase("the scheduler's chunks of jobs", (target) => {
  it("runs the due jobs of one incident in a few transactions, more than one lease batch per tick", async () => {
    const { t } = await freshEngine(target);
    const { incident } = await dueReminders(t, 250);
    const counter = instrument(t);
    let batches = 0;
    const tick = () => t.engine.runDueJobs("test-scheduler", undefined, () => batches++);
    expect(await tick()).toEqual({ done: 250, lost: 0, failed: 0 });
    // Each batch's messages may go out as it commits.
    expect(batches).toBe(3);
    // 100 leased at a time, run 50 to a transaction.
    expect(counter.transactions).toBe(Math.ceil(100 / CHUNK) * 2 + Math.ceil(50 / CHUNK));
    expect(await entries(t, incident.id, "reminder.sent")).toHaveLength(250);
    expect(await t.tick()).toEqual({ done: 0, lost: 0, failed: 0 });
    expect((await t.engine.verifyTimeline(incident.id)).ok).toBe(true);
  });

  it("runs in the same tick the jobs that fell due while it ran", async () => {
    const { t } = await freshEngine(target);
    const { incident, jobs } = await dueReminders(t, 10);
    const later = jobs.map((job) => ({ ...job, id: t.ctx.ids.next(), dueAt: at(0.1) }));
    await t.ctx.store.jobs.schedule(later);
    const store = t.ctx.store;
    const transaction = store.transaction.bind(store);
    // The first chunk takes until the later jobs are due.
    t.ctx.store = {
      ...store,
      transaction: (work) =>
        transaction(async (tx) => {
          const result = await work(tx);
          if (t.clock.now() < at(0.1)) t.clock.set(at(0.1));
          return result;
        }),
    };
    expect(await t.tick()).toEqual({ done: 20, lost: 0, failed: 0 });
    expect(await entries(t, incident.id, "reminder.sent")).toHaveLength(20);
  });

  it("completes the other jobs of a chunk in which one throws, and retries that one later", async () => {
    const { t } = await freshEngine(target);
    const { incident, jobs } = await dueReminders(t, 40);
    const bad = jobs[7]!;
    const counter = instrument(t, failingFor(bad.subjectId));
    const sameTask = jobs.filter((job) => job.subjectId === bad.subjectId).map((job) => job.id);
    // Every reminder about the failing task fails; the chunk's other jobs run, one by one.
    expect(await t.tick()).toEqual({
      done: 40 - sameTask.length,
      lost: 0,
      failed: sameTask.length,
    });
    expect(counter.transactions).toBe(1 + 40);
    expect(await entries(t, incident.id, "reminder.sent")).toHaveLength(40 - sameTask.length);
    expect(await status(t, incident.id, sameTask)).toEqual(sameTask.map(() => "leased"));

    // Fixed: 30 s later the failed ones run, once.
    counter.restore();
    const retry = instrument(t);
    t.clock.set(new Date(t.clock.now().getTime() + 30_001));
    expect(await t.tick()).toEqual({ done: sameTask.length, lost: 0, failed: 0 });
    // Each alone: a job that failed before does not risk a chunk again.
    expect(retry.transactions).toBe(sameTask.length);
    expect(await t.tick()).toEqual({ done: 0, lost: 0, failed: 0 });
    expect(await entries(t, incident.id, "reminder.sent")).toHaveLength(40);
    expect(await status(t, incident.id, sameTask)).toEqual(sameTask.map(() => "done"));
    expect((await t.engine.verifyTimeline(incident.id)).ok).toBe(true);
  });

  it("keeps the jobs of a chunk still held when another scheduler took one over, and skips that one", async () => {
    const { t, db } = await freshEngine(target);
    const { incident, jobs } = await dueReminders(t, 30);
    const stolen = jobs[12]!;
    // Between the lease and the run, this scheduler's lease on one job ran out and another
    // scheduler leased it (it will run it itself).
    const leaseDue = t.ctx.store.jobs.leaseDue.bind(t.ctx.store.jobs);
    t.ctx.store.jobs.leaseDue = async (...args) => {
      const leased = await leaseDue(...args);
      if (leased.some((job) => job.id === stolen.id)) await takeOver(db, stolen.id, "replica-b");
      return leased;
    };
    expect(await t.tick()).toEqual({ done: 29, lost: 1, failed: 0 });
    expect(await entries(t, incident.id, "reminder.sent")).toHaveLength(29);
    const rows = await t.ctx.store.jobs.listForIncident(incident.id);
    expect(rows.find((job) => job.id === stolen.id)?.status).toBe("leased");
    expect(
      rows.filter((job) => jobs.some((j) => j.id === job.id) && job.status === "done"),
    ).toHaveLength(29);
  });

  it("reads a chunk's tasks once, and from the database again after a write", async () => {
    const { t } = await freshEngine(target);
    const { incident, jobs } = await dueReminders(t, 20);
    const task = jobs[3]!.subjectId;
    await t.ctx.store.transaction(async (tx) => {
      let gets = 0;
      const counted = Object.create(tx.tasks) as Repositories["tasks"];
      counted.get = (id) => {
        gets += 1;
        return tx.tasks.get(id);
      };
      const reads = await readSubjectsOnce({ ...tx, tasks: counted }, incident.id, jobs);
      const before = await reads.tasks.get(task);
      for (const job of jobs) await reads.tasks.get(job.subjectId);
      expect(gets).toBe(0);
      expect(before?.status).toBe("open");
      // A write through the same view (a handler that claims the task): later reads see it.
      const claimed = await reads.tasks.transition(
        task,
        { status: ["open"], version: before!.version },
        { status: "claimed", ownerId: COORDINATOR, claimedAt: t.clock.now() },
      );
      expect(claimed.won).toBe(true);
      const afterWrite = gets;
      expect((await reads.tasks.get(task))?.status).toBe("claimed");
      expect(gets).toBe(afterWrite + 1);
    });
  });

  it("runs many due jobs exactly once with two schedulers racing", async () => {
    const [a, b] = await replicas(target);
    const { incident } = await dueReminders(a, 230);
    b.clock.set(a.clock.now());
    const results = await Promise.all([
      a.tick("replica-a"),
      b.tick("replica-b"),
      a.tick("replica-a"),
    ]);
    expect(results.reduce((sum, r) => sum + r.done, 0)).toBe(230);
    expect(results.reduce((sum, r) => sum + r.failed, 0)).toBe(0);
    expect(await entries(a, incident.id, "reminder.sent")).toHaveLength(230);
    const jobs = (await a.ctx.store.jobs.listForIncident(incident.id)).filter(
      (j) => j.kind === "task-reminder" && j.status === "done",
    );
    expect(jobs).toHaveLength(230);
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
    expect((await a.engine.verifyTimeline(incident.id)).ok).toBe(true);
  });
});

/** Another scheduler's lease on one job, written outside any transaction of this one. */
async function takeOver(db: Database, jobId: string, owner: string): Promise<void> {
  await db.client.scheduledJob.update({
    where: { id: jobId },
    data: { leasedBy: owner, leasedUntil: new Date(Date.now() + 60 * MINUTE) },
  });
}

/** Two replicas on one database (see race.test.ts). */
async function replicas(target: TestDatabase): Promise<[TestEngine, TestEngine]> {
  const { t: a, db, url } = await freshEngine(target);
  const b = await createTestEngine(target.provider === "sqlite" ? db : await target.open({}, url));
  return [a, b];
}
