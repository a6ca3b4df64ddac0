// A decision makes its situation's tasks live: shared work carries over, the old situation's
// other tasks are cancelled (their owners told), and the plan's tasks and services for the new
// situation are planned, numbered on from the incident's highest, and scheduled.
import type { SituationId } from "../plan/schema.ts";
import { scheduleServiceJobs, scheduleTaskJobs } from "./deadlines.ts";
import { type DecisionChange, isUnfinished, planned } from "./decision-change.ts";
import { decisionLabel } from "./decision-text.ts";
import type { Decision, Incident, IncidentService, Task } from "./model.ts";
import { addHours } from "./time.ts";
import { byUrgency } from "./views/order.ts";
import type { Work } from "./work.ts";

/**
 * Makes the new situation's tasks live: shared work carries over (owner and state kept, the
 * deadline recomputed for the new situation), the old situation's other unfinished tasks are
 * cancelled and their owners told, and what the new situation lacks is planned or reopened.
 */
export async function replan(
  work: Work,
  incident: Incident,
  decision: Decision,
  change: DecisionChange | null,
): Promise<void> {
  const { tx } = work;
  const { situation } = decision;
  if (change) {
    await carryOver(work, change);
    const cancelled = await tx.tasks.cancelUnfinished(incident.id, change.from);
    const left = (await tx.services.listForIncident(incident.id)).filter(
      (s) => s.situation === change.from,
    );
    await tx.jobs.cancelForSubjects([...cancelled.map((t) => t.id), ...left.map((s) => s.id)]);
    for (const task of cancelled) {
      work.refresh({ kind: "task", taskId: task.id });
      const before = change.cancelled.find((t) => t.id === task.id);
      if (before?.ownerId) notifyCancelled(work, before, decision);
    }
  }
  const carriedTasks = new Set(change?.carried.map((c) => c.task.id));
  const carriedServices = new Set(change?.services.map((c) => c.service.id));
  const existing = (await tx.tasks.listForIncident(incident.id)).filter(
    (t) => t.situation === situation,
  );
  // Back to a situation planned before: its cancelled tasks reopen, done ones stay done.
  const reopened = await tx.tasks.reopenCancelled(incident.id, situation);
  const present = new Set(existing.map((t) => t.planTaskId));
  // Numbers go on after the incident's highest (any situation), so none is ever given twice.
  const highest = Math.max(
    0,
    ...(await tx.tasks.listForIncident(incident.id)).map((t) => t.number ?? 0),
  );
  const fresh = planTasks(work, incident, situation)
    .filter((t) => !present.has(t.planTaskId))
    .map((t, i) => ({ ...t, number: highest + i + 1 }));
  await tx.tasks.insertMany(fresh);
  const known = (await tx.services.listForIncident(incident.id)).filter(
    (s) => s.situation === situation,
  );
  const freshServices = planServices(work, incident, situation).filter(
    (s) => !known.some((k) => k.serviceId === s.serviceId),
  );
  await tx.services.insertMany(freshServices);
  const tasks = [...reopened, ...fresh].filter((t) => !carriedTasks.has(t.id));
  // Cards go out grouped by phase, then in the board's order (nearest deadline first).
  const PHASES = ["technisch", "organisatorisch"];
  tasks.sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || byUrgency(a, b));
  for (const task of tasks) {
    scheduleTaskJobs(work, task);
    work.refresh({ kind: "task", taskId: task.id });
  }
  const services = [
    ...known.filter((s) => !s.restoredAt && !carriedServices.has(s.id)),
    ...freshServices,
  ];
  for (const service of services) scheduleServiceJobs(work, service);
  work.record({
    type: "tasks.planned",
    actorId: null,
    source: "system",
    data: {
      situation,
      tasks: tasks.map((t) => t.id),
      reopened: reopened.length > 0,
      cancelledFrom: incident.situation,
      carried: [...carriedTasks],
    },
  });
}

/** Shared tasks and services move to the new situation; their reminders follow the new deadline. */
async function carryOver(work: Work, change: DecisionChange): Promise<void> {
  const { tx } = work;
  for (const c of change.carried) {
    const task = await tx.tasks.carryOver(c.task.id, {
      situation: change.to,
      planTaskId: c.to.id,
      phase: c.to.phase,
      title: c.to.title,
      description: c.to.description ?? null,
      serviceId: c.to.service ?? null,
      priority: c.priority,
      functionId: c.to.owner,
      deadlineAt: c.deadlineAt,
    });
    await tx.jobs.cancelForSubjects([task.id]);
    if (isUnfinished(task)) scheduleTaskJobs(work, task);
    work.refresh({ kind: "task", taskId: task.id });
  }
  for (const c of change.services) {
    const service = await tx.services.carryOver(c.service.id, {
      situation: change.to,
      priority: c.priority,
      rtoHours: c.rtoHours,
      deadlineAt: c.deadlineAt,
    });
    await tx.jobs.cancelForSubjects([service.id]);
    if (!service.restoredAt) scheduleServiceJobs(work, service);
  }
}

/** The owner of a cancelled task hears it from Ramp, with the reason, not from a vanished card. */
function notifyCancelled(work: Work, task: Task, decision: Decision): void {
  const { dir } = work.ctx;
  const nl = dir.locale === "nl";
  const to = decisionLabel(work.ctx, decision.situation, decision.locationId);
  const text = nl
    ? `De beslissing is gewijzigd naar ${to}. Uw taak "${task.title}" is daardoor geannuleerd; u hoeft er niet verder aan te werken. Reden: ${decision.reason}`
    : `The decision changed to ${to}. Your task "${task.title}" is therefore cancelled; you need not work on it any more. Reason: ${decision.reason}`;
  work.notify(
    { kind: "person", personId: task.ownerId! },
    { kind: "task-cancelled", text, subjectId: task.id },
    `cancelled:${task.id}:${decision.seq}`,
  );
}

function planServices(work: Work, incident: Incident, situation: SituationId): IncidentService[] {
  return work.ctx.dir.situation(situation).services.map((service, index) => ({
    id: work.ctx.ids.next(),
    incidentId: incident.id,
    serviceId: service.id,
    situation,
    priority: index + 1,
    rtoHours: service.rtoHours,
    deadlineAt: addHours(incident.declaredAt, service.rtoHours),
    restoredAt: null,
    restoredById: null,
    restoredBy: null,
  }));
}

function planTasks(work: Work, incident: Incident, situation: SituationId): Task[] {
  const { dir } = work.ctx;
  return dir.situation(situation).tasks.map((task) => ({
    id: work.ctx.ids.next(),
    incidentId: incident.id,
    planTaskId: task.id,
    situation,
    phase: task.phase,
    title: task.title,
    description: task.description ?? null,
    serviceId: task.service ?? null,
    functionId: task.owner,
    ...planned(dir, incident, situation, task),
    status: "open",
    ownerId: null,
    claimedAt: null,
    completedAt: null,
    blockedReason: null,
    version: 0,
    number: null,
  }));
}
