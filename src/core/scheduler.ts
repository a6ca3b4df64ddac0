// The scheduler's work: lease the jobs that are due and run them, each marked done in the
// transaction that does its work. A job whose lease another replica took over is rolled back,
// so a page, reminder or escalation happens once, and a crash loses none.
//
// The due jobs of one incident run together, a chunk in one transaction under one incident lock
// with one Work (as one command that does many things): a thousand reminders due at once cost a
// few statements each rather than a transaction each (issue 17). A chunk that fails for any
// reason is rolled back whole and its jobs rerun one transaction each, so one bad job (or a lost
// lease) fails or skips only itself and the others still run.
import type { EngineContext } from "./context.ts";
import { serviceOverdue, serviceReminderDue, taskOverdue, taskReminderDue } from "./deadlines.ts";
import { injectDue } from "./exercise.ts";
import type { Job, JobKind, PracticeJobKind } from "./model.ts";
import { LEASE_MS, RENEW_MS } from "./outbox.ts";
import { pageTimedOut } from "./paging.ts";
import type { Repositories } from "./ports.ts";
import { testWindowClosed } from "./practice/reachability.ts";
import { exerciseReminderDue, scheduledTestDue } from "./practice/schedule.ts";
import { readSubjectsOnce } from "./scheduler-reads.ts";
import { Work } from "./work.ts";

const RETRY_MS = 30_000;

const HANDLERS: Record<
  Exclude<JobKind, PracticeJobKind>,
  (work: Work, job: Job) => Promise<void>
> = {
  "page-timeout": (work, job) => pageTimedOut(work, job.subjectId),
  "task-reminder": taskReminderDue,
  "task-overdue": taskOverdue,
  "service-reminder": serviceReminderDue,
  "service-overdue": serviceOverdue,
  "exercise-inject": injectDue,
};

/** Jobs of no incident: they run in the job's transaction without an incident lock. */
const PRACTICE_HANDLERS: Record<
  PracticeJobKind,
  (ctx: EngineContext, tx: Repositories, job: Job, now: Date) => Promise<void>
> = {
  "test-close": testWindowClosed,
  "test-due": scheduledTestDue,
  "exercise-reminder": exerciseReminderDue,
};

function isPractice(kind: JobKind): kind is PracticeJobKind {
  return kind in PRACTICE_HANDLERS;
}

class LostLease extends Error {}

/** Jobs of one incident per transaction: big enough to amortise it, small enough that a command
 * waiting for the incident lock (or, on SQLite, the one writer) waits a fraction of a second. */
export const CHUNK = 50;
/** Leased at once, and leased again in the same tick, up to this many times, while any are due. */
const LEASE_BATCH = 100;
const MAX_BATCHES_PER_TICK = 10;

export interface TickResult {
  done: number;
  lost: number;
  failed: number;
}

/** `afterBatch`: a batch committed work, its messages may go out now (the tick may go on). */
export async function runDueJobs(
  ctx: EngineContext,
  owner: string,
  limit = LEASE_BATCH,
  afterBatch?: () => void,
): Promise<TickResult> {
  const result: TickResult = { done: 0, lost: 0, failed: 0 };
  // Until nothing is due: what fell due while a batch ran (a burst of deadlines) or did not fit
  // in it (a backlog after downtime) goes now rather than a tick later. Bounded, so that a
  // stream of due jobs still lets the tick deliver the outbox.
  for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
    const doneBefore = result.done;
    if ((await runBatch(ctx, owner, limit, result)) === 0) break;
    if (result.done > doneBefore) afterBatch?.();
  }
  return result;
}

/** Leases up to `limit` due jobs and runs them; returns how many it leased. */
async function runBatch(
  ctx: EngineContext,
  owner: string,
  limit: number,
  result: TickResult,
): Promise<number> {
  const leaseEnd = () => new Date(ctx.clock.now().getTime() + LEASE_MS);
  const jobs = await ctx.store.jobs.leaseDue(ctx.clock.now(), owner, leaseEnd(), limit);
  if (jobs.length === 0) return 0;
  // Short leases, renewed while this batch runs: a replica that died frees its jobs within LEASE_MS.
  const waiting = new Set(jobs.map((job) => job.id));
  const renewal = setInterval(() => {
    ctx.store.jobs.renew([...waiting], owner, leaseEnd()).catch((error: unknown) => {
      ctx.log.warn({ err: error }, "could not renew job leases; retrying");
    });
  }, RENEW_MS);
  renewal.unref();
  try {
    for (const chunk of chunksByIncident(jobs)) {
      if (chunk.length === 1 || !(await runChunk(ctx, owner, chunk, result)))
        for (const job of chunk) await runJob(ctx, owner, job, result);
      for (const job of chunk) waiting.delete(job.id);
    }
  } finally {
    clearInterval(renewal);
  }
  return jobs.length;
}

/**
 * The jobs of each incident in chunks of CHUNK, in due order. Alone: a job of no incident, and a
 * job run before (it failed, or its scheduler died), which would likely fail its chunk again.
 */
function chunksByIncident(jobs: Job[]): Job[][] {
  const byIncident = new Map<string, Job[]>();
  const alone: Job[][] = [];
  for (const job of jobs) {
    if (job.incidentId === null || isPractice(job.kind) || job.attempts > 1) alone.push([job]);
    else byIncident.set(job.incidentId, [...(byIncident.get(job.incidentId) ?? []), job]);
  }
  const chunks = [...alone];
  for (const list of byIncident.values())
    for (let i = 0; i < list.length; i += CHUNK) chunks.push(list.slice(i, i + CHUNK));
  return chunks;
}

/**
 * Runs one incident's jobs in one transaction; false (and nothing kept) when any of them failed
 * or is no longer ours, for the caller to run each alone. No savepoints: a failed statement
 * aborts a PostgreSQL transaction, so the rerun is simpler and the same on both databases.
 */
async function runChunk(
  ctx: EngineContext,
  owner: string,
  jobs: Job[],
  result: TickResult,
): Promise<boolean> {
  try {
    await ctx.store.transaction(async (tx) => {
      const incident = await tx.incidents.lock(jobs[0]!.incidentId!);
      if (incident && incident.status !== "closed") {
        const reads = await readSubjectsOnce(tx, incident.id, jobs);
        const work = new Work(ctx, reads, incident, ctx.clock.now());
        for (const job of jobs) await HANDLERS[job.kind as keyof typeof HANDLERS](work, job);
        await work.flush();
      }
      // Marked done last, so done means the work was ready to commit; all of them, or another
      // scheduler holds one now (its lease ran out meanwhile): then none, and each alone decides.
      const ids = jobs.map((job) => job.id);
      if ((await tx.jobs.completeMany(ids, owner, ctx.clock.now())) !== ids.length)
        throw new LostLease();
    });
  } catch (error) {
    if (!(error instanceof LostLease))
      ctx.log.warn(
        { err: error, jobs: jobs.length },
        "a chunk of jobs failed; running them one by one",
      );
    return false;
  }
  result.done += jobs.length;
  return true;
}

async function runJob(
  ctx: EngineContext,
  owner: string,
  job: Job,
  result: TickResult,
): Promise<void> {
  try {
    await ctx.store.transaction(async (tx) => {
      if (job.incidentId === null || isPractice(job.kind)) {
        if (!(await tx.jobs.complete(job.id, owner, ctx.clock.now()))) throw new LostLease();
        if (isPractice(job.kind)) await PRACTICE_HANDLERS[job.kind](ctx, tx, job, ctx.clock.now());
        return;
      }
      const incident = await tx.incidents.lock(job.incidentId);
      if (!(await tx.jobs.complete(job.id, owner, ctx.clock.now()))) throw new LostLease();
      if (!incident || incident.status === "closed") return;
      const work = new Work(ctx, tx, incident, ctx.clock.now());
      await HANDLERS[job.kind](work, job);
      await work.flush();
    });
    result.done += 1;
  } catch (error) {
    if (error instanceof LostLease) {
      result.lost += 1;
      return;
    }
    result.failed += 1;
    ctx.log.error({ err: error, jobId: job.id, kind: job.kind }, "job failed; it will be retried");
    await ctx.store.jobs.fail(
      job.id,
      owner,
      (error as Error).message,
      new Date(ctx.clock.now().getTime() + RETRY_MS),
    );
  }
}
