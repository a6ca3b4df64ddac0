// Tasks against their deadlines and priority services against their RTO, measured at the end of
// the incident (its closing, or now while it still runs).
import type { PlanDirectory } from "../directory.ts";
import type { Incident, IncidentService, Task } from "../model.ts";
import type { TimelineIndex } from "./timeline-index.ts";

/**
 * on-time / late: done before or after the deadline. overdue: not done and the deadline passed.
 * unfinished: not done, deadline still ahead at the end.
 */
export type TaskResult = "on-time" | "late" | "overdue" | "unfinished";

export interface TaskOutcome {
  task: Task;
  plannedAt: Date | null;
  /** First claim, assignment, block or completion: when someone took it up. */
  takenAt: Date | null;
  result: TaskResult;
  /** How far past the deadline it was done, or how far past it the end came. */
  lateByMs: number;
  /** From planning until someone took it, or until the end for a task nobody took. */
  unclaimedMs: number | null;
}

const PHASES = ["technisch", "organisatorisch"];

/** Every task that counted: tasks cancelled by a changed decision are left out (and counted). */
export function taskOutcomes(
  tasks: Task[],
  index: TimelineIndex,
  end: Date,
): { outcomes: TaskOutcome[]; cancelled: number } {
  const live = tasks
    .filter((t) => t.status !== "cancelled")
    .sort(
      (a, b) =>
        PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) ||
        a.priority - b.priority ||
        a.deadlineAt.getTime() - b.deadlineAt.getTime() ||
        a.title.localeCompare(b.title),
    );
  const outcomes = live.map((task) => {
    const plannedAt = index.taskPlanned.get(task.id)?.at ?? null;
    const takenAt = index.taskTaken.get(task.id)?.at ?? task.claimedAt;
    const deadline = task.deadlineAt.getTime();
    const finished = task.status === "done" && task.completedAt ? task.completedAt.getTime() : null;
    const result: TaskResult =
      finished !== null
        ? finished <= deadline
          ? "on-time"
          : "late"
        : end.getTime() > deadline
          ? "overdue"
          : "unfinished";
    const lateByMs = Math.max(0, (finished ?? end.getTime()) - deadline);
    const unclaimedMs = plannedAt ? (takenAt ?? end).getTime() - plannedAt.getTime() : null;
    return { task, plannedAt, takenAt, result, lateByMs, unclaimedMs };
  });
  return { outcomes, cancelled: tasks.length - live.length };
}

/**
 * met / late: restored before or after the RTO deadline. overdue: not restored and the deadline
 * passed. not-restored: the incident closed before the deadline without the service marked
 * restored, so its RTO was neither met nor missed. pending: still running, deadline ahead.
 */
export type ServiceResult = "met" | "late" | "overdue" | "not-restored" | "pending";

export interface ServiceOutcome {
  service: IncidentService;
  name: string;
  result: ServiceResult;
  /** From the declaration to the restoration. */
  restoredAfterMs: number | null;
  lateByMs: number;
}

/** The priority services of the situation in force at the end, in priority order. */
export function serviceOutcomes(
  dir: PlanDirectory,
  incident: Incident,
  services: IncidentService[],
  end: Date,
): ServiceOutcome[] {
  if (!incident.situation) return [];
  return services
    .filter((s) => s.situation === incident.situation)
    .sort((a, b) => a.priority - b.priority)
    .map((service) => {
      const deadline = service.deadlineAt.getTime();
      const restored = service.restoredAt?.getTime() ?? null;
      const result: ServiceResult =
        restored !== null
          ? restored <= deadline
            ? "met"
            : "late"
          : end.getTime() > deadline
            ? "overdue"
            : incident.status === "closed"
              ? "not-restored"
              : "pending";
      return {
        service,
        name: dir.service(service.situation, service.serviceId)?.name ?? service.serviceId,
        result,
        restoredAfterMs: restored === null ? null : restored - incident.declaredAt.getTime(),
        lateByMs: Math.max(0, (restored ?? end.getTime()) - deadline),
      };
    });
}

/** The seed's verdict: restored within the RTO for none, some or all of the activities. */
export type RtoVerdict = "none" | "some" | "all";

/** Restored in time or not restored when its RTO ran out: the only outcomes the RTO judges. */
export const RTO_MISSED: ServiceResult[] = ["late", "overdue"];

/**
 * The verdict the outcomes settle, or null when it depends on a service that was not restored
 * while its RTO still ran (at the closing, or now): that service neither met nor missed it yet.
 */
export function rtoVerdict(outcomes: ServiceOutcome[]): RtoVerdict | null {
  if (outcomes.length === 0) return null;
  const met = outcomes.filter((o) => o.result === "met").length;
  const missed = outcomes.filter((o) => RTO_MISSED.includes(o.result)).length;
  if (met === outcomes.length) return "all";
  if (missed === outcomes.length) return "none";
  if (met > 0 && missed > 0) return "some";
  return null;
}

/** Services restored under an earlier decision, before the situation changed. */
export function earlierRestorations(
  dir: PlanDirectory,
  incident: Incident,
  services: IncidentService[],
): { service: IncidentService; name: string; withinRto: boolean }[] {
  return services
    .filter((s) => s.situation !== incident.situation && s.restoredAt)
    .sort((a, b) => a.restoredAt!.getTime() - b.restoredAt!.getTime())
    .map((service) => ({
      service,
      name: dir.service(service.situation, service.serviceId)?.name ?? service.serviceId,
      withinRto: service.restoredAt!.getTime() <= service.deadlineAt.getTime(),
    }));
}
