// Shared set-up for the crisis engine's tests: the sample plan's people, a declared incident,
// and small look-ups on the timeline, the outbox and the jobs.
import type {
  Incident,
  OutboxItem,
  Task,
  TimelineEntry,
  TimelineType,
} from "../../src/core/model.ts";
import type { Classification } from "../../src/plan/schema.ts";
import type { Database } from "../../src/store/database.ts";
import type { TestDatabase } from "../support/databases.ts";
import { createTestEngine, START, type TestEngine } from "../support/engine.ts";

export const COORDINATOR = "pieter-declercq";
export const DEPUTY = "sofie-vermeulen";

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** START plus a number of hours (fractions allowed). */
export const at = (hours: number): Date => new Date(START.getTime() + hours * HOUR);

/** A fresh, empty database of the block's provider and an engine on it. */
export async function freshEngine(
  target: TestDatabase,
): Promise<{ t: TestEngine; db: Database; url: string }> {
  const url = await target.createDatabase();
  const db = await target.open({}, url);
  return { t: await createTestEngine(db), db, url };
}

/** Declares the usual test incident; from "groot" up the crisis staff is paged. */
export function declare(
  t: TestEngine,
  by = COORDINATOR,
  classification: Classification = "crisis",
): Promise<Incident> {
  return t.engine.declare(t.as(by), {
    classification,
    scope: "totaal",
    description: "Brand in het administratief centrum",
    officeHours: false,
  });
}

export async function entries(
  t: TestEngine,
  incidentId: string,
  type?: TimelineType,
): Promise<TimelineEntry[]> {
  const all = await t.engine.timeline(incidentId);
  return type ? all.filter((e) => e.type === type) : all;
}

export async function pageOf(t: TestEngine, incidentId: string, functionId: string, attempt = 0) {
  const page = (await t.ctx.store.pages.listForIncident(incidentId)).find(
    (p) => p.functionId === functionId && p.attempt === attempt,
  );
  if (!page) throw new Error(`no page for ${functionId} attempt ${attempt}`);
  return page;
}

export async function taskOf(t: TestEngine, incidentId: string, planTaskId: string): Promise<Task> {
  const task = (await t.ctx.store.tasks.listForIncident(incidentId)).find(
    (x) => x.planTaskId === planTaskId,
  );
  if (!task) throw new Error(`no task ${planTaskId}`);
  return task;
}

export async function outbox(t: TestEngine, incidentId: string): Promise<OutboxItem[]> {
  return t.ctx.store.outbox.listForIncident(incidentId);
}

/** Who a delivery is for, as one string: the person's id or "channel". */
export const recipient = (item: OutboxItem): string =>
  item.audience.kind === "person" ? item.audience.personId : "channel";

/** Notices of one kind (optionally about one subject): who got them, sorted. */
export async function noticesOf(
  t: TestEngine,
  incidentId: string,
  kind: string,
  subjectId?: string,
): Promise<Array<{ to: string; text: string }>> {
  return (await outbox(t, incidentId))
    .flatMap((item) =>
      item.delivery.type === "notice" &&
      item.delivery.notice.kind === kind &&
      (subjectId === undefined || item.delivery.notice.subjectId === subjectId)
        ? [{ to: recipient(item), text: item.delivery.notice.text }]
        : [],
    )
    .sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.text < b.text ? -1 : 1));
}

/** Pending jobs about one subject, as "kind@hours-after-START", in due order. */
export async function pendingJobs(t: TestEngine, incidentId: string, subjectId: string) {
  return (await t.ctx.store.jobs.listForIncident(incidentId))
    .filter((j) => j.subjectId === subjectId && j.status === "pending")
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.kind < b.kind ? -1 : 1))
    .map((j) => `${j.kind}@${(j.dueAt.getTime() - START.getTime()) / HOUR}`);
}

/** Advances the clock to an absolute moment and runs the scheduler once. */
export async function tickAt(t: TestEngine, moment: Date) {
  t.clock.set(moment);
  return t.tick();
}

/**
 * Holds each transaction of the engine at its start until `together` transactions have begun
 * (or `maxWaitMs` passed), so that commands started at once really overlap inside the database
 * instead of the first committing while the others still open their connections. Only useful
 * on PostgreSQL: in one process, SQLite runs one transaction at a time anyway.
 */
export function overlapTransactions(t: TestEngine, together = 10, maxWaitMs = 500): void {
  const store = t.ctx.store;
  const transaction = store.transaction.bind(store);
  const waiting: Array<() => void> = [];
  t.ctx.store = {
    ...store,
    transaction: (work) =>
      transaction(async (tx) => {
        await new Promise<void>((resolve) => {
          const go = () => {
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(() => {
            waiting.splice(waiting.indexOf(go), 1);
            resolve();
          }, maxWaitMs);
          waiting.push(go);
          if (waiting.length >= together) for (const next of waiting.splice(0)) next();
        });
        return work(tx);
      }),
  };
}
