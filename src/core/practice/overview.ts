// The practice part of the board: the open test, the last and next test and exercise, anything
// overdue ("laatste oefening 14 maanden geleden"), and the trend over the last tests.
import type { EngineContext } from "../context.ts";
import { formatDateTime, formatDuration } from "../time.ts";
import { localParts } from "./calendar.ts";
import type { TrendPoint } from "./document.ts";
import { lastExerciseAt } from "./exercises.ts";
import type { ReachabilityTest } from "./model.ts";
import { ratePercent } from "./result.ts";
import { nextExerciseDue, nextTestDue } from "./schedule.ts";
import { loadResult } from "./views.ts";

const TREND_TESTS = 8;

export interface PracticeOverview {
  title: string;
  open: { number: string; closesAt: string } | null;
  /** "Laatste test: T-2026-01, 21 nov. (2 maanden geleden), 9/13 antwoordden". */
  lines: Array<{ label: string; value: string; overdue: boolean }>;
  /** Overdue things first, in words. */
  warnings: string[];
  trend: Array<{
    number: string;
    date: string;
    rate: number;
    answered: string;
    median: string;
    medianMs: number | null;
    uncovered: number;
  }>;
}

export async function trendOf(
  ctx: EngineContext,
  tests: ReachabilityTest[],
): Promise<TrendPoint[]> {
  const closed = tests.filter((t) => t.status === "closed").slice(0, TREND_TESTS);
  const points = await Promise.all(
    closed.map(async (test) => {
      const r = await loadResult(ctx, test);
      return {
        number: test.number,
        startedAt: test.startedAt,
        answered: r.answered,
        total: r.total,
        medianMs: r.medianMs,
        uncovered: r.uncovered.length,
      };
    }),
  );
  return points.reverse();
}

export async function practiceOverview(ctx: EngineContext): Promise<PracticeOverview> {
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const now = ctx.clock.now();
  const when = (d: Date) => formatDateTime(d, dir.locale, dir.timeZone);
  const tests = await ctx.store.reachability.list(dir.plan.organisation.id, 50);
  const trend = await trendOf(ctx, tests);
  const open = tests[0]?.status === "open" ? tests[0] : null;
  const lastClosed = tests.find((t) => t.status === "closed") ?? null;
  const lines: PracticeOverview["lines"] = [];
  const warnings: string[] = [];
  const lastPoint = trend.at(-1);
  lines.push({
    label: nl ? "Laatste bereikbaarheidstest" : "Last reachability test",
    value:
      lastClosed && lastPoint
        ? `${lastClosed.number}, ${when(lastClosed.startedAt)} (${ago(lastClosed.startedAt, now, ctx)}): ${lastPoint.answered}/${lastPoint.total} ${nl ? "antwoordden" : "answered"}`
        : nl
          ? "nog geen"
          : "none yet",
    overdue: false,
  });
  const testDue = nextTestDue(ctx, tests[0] ?? null, now);
  if (testDue) {
    const overdue = testDue.at <= now && !open;
    const how = dir.plan.practice.reachabilityTest.automatic
      ? nl
        ? "Ramp start hem zelf"
        : "Ramp starts it itself"
      : nl
        ? "start hem met /ramp test"
        : "start it with /ramp test";
    lines.push({
      label: nl ? "Volgende bereikbaarheidstest" : "Next reachability test",
      value:
        `${overdue ? (nl ? "achterstallig sinds" : "overdue since") : ""} ${when(testDue.at)} (${how})`.trim(),
      overdue,
    });
    if (overdue)
      warnings.push(
        lastClosed
          ? nl
            ? `Laatste bereikbaarheidstest ${ago(lastClosed.startedAt, now, ctx)}: een nieuwe is achterstallig.`
            : `Last reachability test ${ago(lastClosed.startedAt, now, ctx)}: a new one is overdue.`
          : nl
            ? "Er werd nog geen bereikbaarheidstest gehouden."
            : "No reachability test was held yet.",
      );
  }
  const lastExercise = await lastExerciseAt(ctx);
  lines.push({
    label: nl ? "Laatste oefening" : "Last exercise",
    value: lastExercise
      ? `${when(lastExercise)} (${ago(lastExercise, now, ctx)})`
      : nl
        ? "nog geen"
        : "none yet",
    overdue: false,
  });
  const exerciseDue = nextExerciseDue(ctx, lastExercise, now);
  if (exerciseDue) {
    const overdue = exerciseDue.at <= now;
    lines.push({
      label: nl ? "Volgende oefening" : "Next exercise",
      value: overdue ? (nl ? "achterstallig" : "overdue") : when(exerciseDue.at),
      overdue,
    });
    if (overdue)
      warnings.push(
        lastExercise
          ? nl
            ? `Laatste oefening ${ago(lastExercise, now, ctx)}.`
            : `Last exercise ${ago(lastExercise, now, ctx)}.`
          : nl
            ? "Er werd nog geen oefening gehouden."
            : "No exercise was held yet.",
      );
  }
  return {
    title: nl ? "Oefenen" : "Practice",
    open: open ? { number: open.number, closesAt: when(open.closesAt) } : null,
    lines,
    warnings,
    trend: trend.map((t) => ({
      number: t.number,
      date: when(t.startedAt),
      rate: ratePercent(t),
      answered: `${t.answered}/${t.total}`,
      median: t.medianMs === null ? "—" : formatDuration(t.medianMs, dir.locale),
      medianMs: t.medianMs,
      uncovered: t.uncovered,
    })),
  };
}

/** "14 maanden geleden" / "3 dagen geleden", counted in the plan's calendar. */
export function ago(then: Date, now: Date, ctx: EngineContext): string {
  const nl = ctx.dir.locale === "nl";
  const a = localParts(then, ctx.dir.timeZone);
  const b = localParts(now, ctx.dir.timeZone);
  const months = b.year * 12 + b.month - (a.year * 12 + a.month) - (b.day < a.day ? 1 : 0);
  if (months >= 1)
    return nl
      ? `${months} ${months === 1 ? "maand" : "maanden"} geleden`
      : `${months} ${months === 1 ? "month" : "months"} ago`;
  const days = Math.floor((now.getTime() - then.getTime()) / 86_400_000);
  if (days >= 1)
    return nl
      ? `${days} ${days === 1 ? "dag" : "dagen"} geleden`
      : `${days} ${days === 1 ? "day" : "days"} ago`;
  return nl ? "vandaag" : "today";
}
