// What a changed decision does to the work under way, worked out before anything changes so
// the coordinator sees it before confirming: tasks the two situations share (the same plan
// task id, or mapped with `sameAs` in the plan) and services with the same id carry over with
// their owner and state; the old situation's other unfinished tasks are cancelled.
import type { PlanTask, SituationId } from "../plan/schema.ts";
import type { PlanDirectory as Directory } from "./directory.ts";
import type { Incident, IncidentService, Task } from "./model.ts";
import { addHours, formatDateTime } from "./time.ts";
import { Labels } from "./views/labels.ts";

export interface CarriedTask {
  task: Task;
  /** The new situation's plan task it becomes. */
  to: PlanTask;
  priority: number;
  deadlineAt: Date;
}

export interface CarriedService {
  service: IncidentService;
  priority: number;
  rtoHours: number;
  deadlineAt: Date;
}

export interface DecisionChange {
  from: SituationId;
  to: SituationId;
  carried: CarriedTask[];
  /** The old situation's unfinished tasks that the new one does not share. */
  cancelled: Task[];
  services: CarriedService[];
}

const UNFINISHED = new Set<Task["status"]>(["open", "claimed", "blocked"]);

export function isUnfinished(task: Task): boolean {
  return UNFINISHED.has(task.status);
}

/** The task of situation `to` that is the same work as `planTaskId` of situation `from`. */
export function counterpart(
  dir: Directory,
  from: SituationId,
  planTaskId: string,
  to: SituationId,
): PlanTask | undefined {
  const own = dir.situation(from).tasks.find((t) => t.id === planTaskId);
  return dir
    .situation(to)
    .tasks.find((t) => t.id === planTaskId || t.sameAs === planTaskId || t.id === own?.sameAs);
}

/** A plan task's deadline and priority in its situation, counted from the declaration. */
export function planned(
  dir: Directory,
  incident: Pick<Incident, "declaredAt">,
  situation: SituationId,
  task: PlanTask,
): { deadlineAt: Date; priority: number } {
  const plan = dir.situation(situation);
  const serviceIndex = task.service ? plan.services.findIndex((s) => s.id === task.service) : -1;
  const service = serviceIndex >= 0 ? plan.services[serviceIndex] : undefined;
  const hours = task.deadlineHours ?? service?.rtoHours ?? plan.targetHours;
  return {
    deadlineAt: addHours(incident.declaredAt, hours),
    priority: serviceIndex >= 0 ? serviceIndex + 1 : plan.services.length + 1,
  };
}

/** What moving from the incident's situation to `to` does; null for the first decision. */
export function decisionChange(
  dir: Directory,
  incident: Pick<Incident, "situation" | "declaredAt">,
  tasks: Task[],
  services: IncidentService[],
  to: SituationId,
): DecisionChange | null {
  const from = incident.situation;
  if (!from || from === to) return null;
  const carried: CarriedTask[] = [];
  const cancelled: Task[] = [];
  for (const task of tasks.filter((t) => t.situation === from && t.status !== "cancelled")) {
    const same = counterpart(dir, from, task.planTaskId, to);
    if (same) carried.push({ task, to: same, ...planned(dir, incident, to, same) });
    else if (isUnfinished(task)) cancelled.push(task);
  }
  const plan = dir.situation(to);
  const carriedServices: CarriedService[] = [];
  for (const service of services.filter((s) => s.situation === from)) {
    const index = plan.services.findIndex((s) => s.id === service.serviceId);
    const same = plan.services[index];
    if (!same) continue;
    carriedServices.push({
      service,
      priority: index + 1,
      rtoHours: same.rtoHours,
      deadlineAt: addHours(incident.declaredAt, same.rtoHours),
    });
  }
  // Work someone has taken on first: that is what people need to see.
  const owned = (t: Task) => (t.ownerId ? 0 : 1);
  carried.sort((a, b) => owned(a.task) - owned(b.task));
  cancelled.sort((a, b) => owned(a) - owned(b));
  return { from, to, carried, cancelled, services: carriedServices };
}

/** One line per task for people: "Title — Owner (status: reason)". */
export function taskLine(dir: Directory, task: Task): string {
  const labels = new Labels(dir.locale);
  const status = labels.taskStatus(task.status).toLowerCase();
  const owner = task.ownerId ? dir.name(task.ownerId) : dir.locale === "nl" ? "niemand" : "nobody";
  const why = task.status === "blocked" && task.blockedReason ? `: ${task.blockedReason}` : "";
  return `${task.title} — ${owner} (${status}${why})`;
}

/** A carried-over task's line, with its recomputed deadline when it moved. */
export function carriedLine(dir: Directory, carried: CarriedTask): string {
  const line = taskLine(dir, carried.task);
  if (
    !isUnfinished(carried.task) ||
    carried.deadlineAt.getTime() === carried.task.deadlineAt.getTime()
  )
    return line;
  const when = formatDateTime(carried.deadlineAt, dir.locale, dir.timeZone);
  return `${line}, ${dir.locale === "nl" ? "nieuwe deadline" : "new deadline"} ${when}`;
}

/** What a change does, for people: what carries over and what is cancelled, one task a line. */
export function changeLines(dir: Directory, change: DecisionChange | null): string[] {
  const nl = dir.locale === "nl";
  if (!change) return [nl ? "De taken blijven zoals ze zijn." : "The tasks stay as they are."];
  const lines: string[] = [];
  if (change.carried.length > 0) {
    lines.push(
      nl
        ? `Lopen door, met hun eigenaar en toestand (deadline volgens situatie ${change.to}):`
        : `Carry over, with their owner and state (deadline from situation ${change.to}):`,
      ...change.carried.map((c) => `• ${carriedLine(dir, c)}`),
    );
  }
  if (change.cancelled.length > 0) {
    lines.push(
      nl
        ? "Worden geannuleerd (wie ze opnam, krijgt bericht):"
        : "Are cancelled (whoever claimed them is told):",
      ...change.cancelled.map((t) => `• ${taskLine(dir, t)}`),
    );
  } else {
    lines.push(nl ? "Er wordt geen taak geannuleerd." : "No task is cancelled.");
  }
  return lines;
}

/** The timeline's record of a change: what carried over (and its deadlines) and what was cancelled. */
export function changeRecord(change: DecisionChange | null) {
  if (!change) return { carried: [], cancelled: [], servicesCarried: [] };
  return {
    carried: change.carried.map((c) => ({
      taskId: c.task.id,
      title: c.task.title,
      from: c.task.planTaskId,
      to: c.to.id,
      status: c.task.status,
      ownerId: c.task.ownerId,
      blockedReason: c.task.blockedReason,
      deadlineFrom: c.task.deadlineAt.toISOString(),
      deadlineTo: c.deadlineAt.toISOString(),
    })),
    cancelled: change.cancelled.map((t) => ({
      taskId: t.id,
      title: t.title,
      status: t.status,
      ownerId: t.ownerId,
      blockedReason: t.blockedReason,
    })),
    servicesCarried: change.services.map((s) => ({
      serviceId: s.service.serviceId,
      restored: s.service.restoredAt !== null,
      deadlineFrom: s.service.deadlineAt.toISOString(),
      deadlineTo: s.deadlineAt.toISOString(),
    })),
  };
}
