// The plan's practice schedule: when the next reachability test and exercise are due, Ramp's
// own tests at their time, and the coordinator's reminder ahead of an exercise. Each due moment
// is a job row keyed by (kind, organisation, moment), so a restart or a second replica that
// computes the same moment finds the row already there and nothing runs twice.
import { CADENCE_MONTHS } from "../../plan/practice-schema.ts";
import type { EngineContext } from "../context.ts";
import type { Job, Notice } from "../model.ts";
import type { Repositories } from "../ports.ts";
import { formatDateTime } from "../time.ts";
import { outboxItems } from "../work.ts";
import { addMonthsLocal, nextAllowed, startOfMonthLocal, withinHours } from "./calendar.ts";
import { lastExerciseAt } from "./exercises.ts";
import type { ReachabilityTest } from "./model.ts";
import { openTestIn, startIn } from "./reachability.ts";

/** When a test or exercise is due; null when the plan sets no cadence. */
export interface Due {
  at: Date;
  /** Nothing was held yet: due since the schedule began. */
  never: boolean;
}

export function nextTestDue(
  ctx: EngineContext,
  last: ReachabilityTest | null,
  now: Date,
): Due | null {
  const { reachabilityTest: settings } = ctx.dir.plan.practice;
  if (!settings.every) return null;
  const tz = ctx.dir.timeZone;
  const base = last
    ? addMonthsLocal(last.startedAt, CADENCE_MONTHS[settings.every], tz)
    : startOfMonthLocal(now, tz);
  return { at: nextAllowed(base, settings, tz), never: last === null };
}

export function nextExerciseDue(ctx: EngineContext, last: Date | null, now: Date): Due | null {
  const { exercise } = ctx.dir.plan.practice;
  if (!exercise.every) return null;
  const tz = ctx.dir.timeZone;
  const at = last
    ? addMonthsLocal(last, CADENCE_MONTHS[exercise.every], tz)
    : startOfMonthLocal(now, tz);
  return { at, never: last === null };
}

const OFFICE = { days: ["ma", "di", "wo", "do", "vr"] as const, from: "09:00", until: "17:00" };

/**
 * When the coordinator is reminded: `remindBefore` ahead of the due exercise, on an office day;
 * while it is overdue, once a month (the first office day of each month).
 */
function reminderMoments(ctx: EngineContext, due: Due, now: Date): Date[] {
  const tz = ctx.dir.timeZone;
  const lead = ctx.dir.plan.practice.exercise.remindBefore * 60_000;
  const ahead = new Date(due.at.getTime() - lead);
  const month = startOfMonthLocal(now, tz);
  if (ahead > now) return [nextAllowed(ahead, OFFICE, tz)];
  const current = nextAllowed(ahead > month ? ahead : month, OFFICE, tz);
  const following = nextAllowed(startOfMonthLocal(addMonthsLocal(month, 1, tz), tz), OFFICE, tz);
  return [current, following];
}

/** Schedules the next due moments; harmless to call again (startup, after every practice job). */
export async function ensurePracticeSchedule(
  ctx: EngineContext,
  tx: Repositories = ctx.store,
  now: Date = ctx.clock.now(),
): Promise<void> {
  const organisation = ctx.dir.plan.organisation.id;
  const jobs: Array<Omit<Job, "status" | "attempts">> = [];
  const job = (kind: Job["kind"], dueAt: Date) =>
    jobs.push({ id: ctx.ids.next(), incidentId: null, kind, subjectId: organisation, dueAt });
  if (ctx.dir.plan.practice.reachabilityTest.automatic) {
    const [last] = await tx.reachability.list(organisation, 1);
    const due = nextTestDue(ctx, last ?? null, now);
    if (due) job("test-due", due.at);
  }
  const exercise = nextExerciseDue(ctx, await lastExerciseAt(ctx, tx), now);
  if (exercise) for (const at of reminderMoments(ctx, exercise, now)) job("exercise-reminder", at);
  if (jobs.length > 0) await tx.jobs.schedule(jobs);
}

/** The schedule's job: start a test if it is still due (the plan or a manual test may have moved it). */
export async function scheduledTestDue(
  ctx: EngineContext,
  tx: Repositories,
  _job: Job,
  now: Date,
): Promise<void> {
  const settings = ctx.dir.plan.practice.reachabilityTest;
  const organisation = ctx.dir.plan.organisation.id;
  const [last] = await tx.reachability.list(organisation, 1);
  const due = nextTestDue(ctx, last ?? null, now);
  if (!settings.automatic || !due) return;
  const retry = (at: Date) =>
    tx.jobs.schedule([
      {
        id: ctx.ids.next(),
        incidentId: null,
        kind: "test-due",
        subjectId: organisation,
        dueAt: at,
      },
    ]);
  if (due.at > now) return ensurePracticeSchedule(ctx, tx, now);
  // Late (Ramp was down, or a job retried): only within the allowed hours.
  if (!withinHours(now, settings, ctx.dir.timeZone))
    return retry(nextAllowed(now, settings, ctx.dir.timeZone));
  const busy =
    (await openTestIn(ctx, tx)) !== null ||
    (await tx.incidents.listActive(organisation)).length > 0;
  // During a real incident (or a test still open): an hour later.
  if (busy)
    return retry(nextAllowed(new Date(now.getTime() + 3_600_000), settings, ctx.dir.timeZone));
  const test = await startIn(ctx, tx, null, now);
  ctx.log.info({ testId: test.id, number: test.number }, "scheduled test started");
  await ensurePracticeSchedule(ctx, tx, now);
}

/** The schedule's job: remind the coordinator of an exercise that is due soon or overdue. */
export async function exerciseReminderDue(
  ctx: EngineContext,
  tx: Repositories,
  job: Job,
  now: Date,
): Promise<void> {
  const { dir } = ctx;
  const last = await lastExerciseAt(ctx, tx);
  const due = nextExerciseDue(ctx, last, now);
  if (!due) return;
  const lead = dir.plan.practice.exercise.remindBefore * 60_000;
  if (due.at.getTime() - lead > now.getTime()) return ensurePracticeSchedule(ctx, tx, now);
  const nl = dir.locale === "nl";
  const when = formatDateTime(due.at, dir.locale, dir.timeZone);
  const lastText = last ? formatDateTime(last, dir.locale, dir.timeZone) : null;
  const text = due.never
    ? nl
      ? "Het plan vraagt een oefening, maar er werd nog geen gehouden. Plan er een met de crisisstaf (/ramp oefening)."
      : "The plan asks for an exercise, but none was held yet. Plan one with the crisis staff (/ramp exercise)."
    : due.at <= now
      ? nl
        ? `De oefening is achterstallig: de laatste was ${lastText}, de volgende was gepland tegen ${when}. Plan er een met de crisisstaf (/ramp oefening).`
        : `The exercise is overdue: the last one was ${lastText}, the next was due by ${when}. Plan one with the crisis staff (/ramp exercise).`
      : nl
        ? `De volgende oefening is gepland tegen ${when} (de laatste was ${lastText}). Spreek een datum af met de crisisstaf.`
        : `The next exercise is due by ${when} (the last one was ${lastText}). Agree on a date with the crisis staff.`;
  const notice: Notice = { kind: "exercise-due", incidentId: null, text };
  const coordinator = dir.plan.coordination.coordinator;
  await tx.outbox.enqueue(
    outboxItems(
      ctx,
      {
        incidentId: null,
        audience: { kind: "person", personId: coordinator },
        delivery: { type: "notice", notice },
        now,
        sent: true,
      },
      (channel) => `exercise-due:${job.dueAt.getTime()}:${coordinator}:${channel}`,
    ),
  );
  await ensurePracticeSchedule(ctx, tx, now);
}
