// The scheduler's work: lease the jobs that are due and run each in its own transaction,
// marking it done in that same transaction. A job whose lease another replica took over is
// rolled back, so a page, reminder or escalation happens once, and a crash loses none.
import type { EngineContext } from "./context.ts";
import { serviceOverdue, serviceReminderDue, taskOverdue, taskReminderDue } from "./deadlines.ts";
import { injectDue } from "./exercise.ts";
import type { Job, JobKind, PracticeJobKind } from "./model.ts";
import { LEASE_MS, RENEW_MS } from "./outbox.ts";
import { pageTimedOut } from "./paging.ts";
import type { Repositories } from "./ports.ts";
import { testWindowClosed } from "./practice/reachability.ts";
import { exerciseReminderDue, scheduledTestDue } from "./practice/schedule.ts";
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

export interface TickResult {
  done: number;
  lost: number;
  failed: number;
}

export async function runDueJobs(
  ctx: EngineContext,
  owner: string,
  limit = 100,
): Promise<TickResult> {
  const result: TickResult = { done: 0, lost: 0, failed: 0 };
  const now = ctx.clock.now();
  const leaseEnd = () => new Date(ctx.clock.now().getTime() + LEASE_MS);
  const jobs = await ctx.store.jobs.leaseDue(now, owner, leaseEnd(), limit);
  if (jobs.length === 0) return result;
  // Short leases, renewed while this batch runs: a replica that died frees its jobs within LEASE_MS.
  const waiting = new Set(jobs.map((job) => job.id));
  const renewal = setInterval(() => {
    ctx.store.jobs.renew([...waiting], owner, leaseEnd()).catch((error: unknown) => {
      ctx.log.warn({ err: error }, "could not renew job leases; retrying");
    });
  }, RENEW_MS);
  renewal.unref();
  try {
    for (const job of jobs) {
      await runJob(ctx, owner, job, result);
      waiting.delete(job.id);
    }
  } finally {
    clearInterval(renewal);
  }
  return result;
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
