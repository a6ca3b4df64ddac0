// Deadlines: reminders at the plan's lead times before each task and service deadline,
// and an escalation to the coordinator when one slips. Jobs are rows first, actions second.
import type { Audience, IncidentService, Job, Task } from "./model.ts";
import { addMinutes, formatDateTime, formatRemaining } from "./time.ts";
import { Labels } from "./views/labels.ts";
import type { Work } from "./work.ts";

export function scheduleTaskJobs(work: Work, task: Task): void {
  for (const dueAt of reminderTimes(work, task.deadlineAt)) {
    work.schedule({ kind: "task-reminder", subjectId: task.id, dueAt });
  }
  work.schedule({ kind: "task-overdue", subjectId: task.id, dueAt: task.deadlineAt });
}

export function scheduleServiceJobs(work: Work, service: IncidentService): void {
  for (const dueAt of reminderTimes(work, service.deadlineAt)) {
    work.schedule({ kind: "service-reminder", subjectId: service.id, dueAt });
  }
  work.schedule({ kind: "service-overdue", subjectId: service.id, dueAt: service.deadlineAt });
}

/** Lead times that are still ahead; a reminder whose moment has passed is not sent late. */
function reminderTimes(work: Work, deadline: Date): Date[] {
  return work.ctx.dir.plan.reminders.leadTimes
    .map((minutes) => addMinutes(deadline, -minutes))
    .filter((at) => at.getTime() > work.now.getTime());
}

const UNFINISHED = new Set(["open", "claimed", "blocked"]);

export async function taskReminderDue(work: Work, job: Job): Promise<void> {
  const task = await work.tx.tasks.get(job.subjectId);
  if (!task || !UNFINISHED.has(task.status)) return;
  // Run late (after downtime) past the deadline itself: the overdue escalation says it better.
  if (work.now.getTime() >= task.deadlineAt.getTime()) return;
  const { dir } = work.ctx;
  const nl = dir.locale === "nl";
  const when = formatDateTime(task.deadlineAt, dir.locale, dir.timeZone);
  const left = formatRemaining(task.deadlineAt, work.now, dir.locale);
  const owner = task.ownerId;
  const text = owner
    ? nl
      ? `Herinnering: "${task.title}" moet klaar zijn tegen ${when} (${left}).`
      : `Reminder: "${task.title}" is due by ${when} (${left}).`
    : nl
      ? `Nog niemand nam "${task.title}" op; deadline ${when} (${left}). Wie neemt ze op?`
      : `Nobody has claimed "${task.title}" yet; due ${when} (${left}). Who takes it?`;
  const audiences: Audience[] = owner
    ? [{ kind: "person", personId: owner }]
    : dir.leaders.slice(0, 1).map((personId) => ({ kind: "person", personId }) as Audience);
  if (!owner || dir.plan.reminders.inChannel)
    audiences.push({ kind: "incident", incidentId: task.incidentId });
  notifyAll(work, audiences, "task-reminder", text, task.id, job);
  work.record({
    type: "reminder.sent",
    actorId: null,
    source: "system",
    data: {
      taskId: task.id,
      to: owner ?? "coordinator+channel",
      dueAt: task.deadlineAt.toISOString(),
    },
  });
  work.refresh({ kind: "task", taskId: task.id });
}

export async function taskOverdue(work: Work, job: Job): Promise<void> {
  const task = await work.tx.tasks.get(job.subjectId);
  if (!task || !UNFINISHED.has(task.status)) return;
  const { dir } = work.ctx;
  const nl = dir.locale === "nl";
  const owner = task.ownerId ? dir.name(task.ownerId) : nl ? "niemand" : "nobody";
  const status = new Labels(dir.locale).taskStatus(task.status).toLowerCase();
  const text = nl
    ? `Deadline gemist: "${task.title}" (eigenaar: ${owner}, status: ${status}) moest klaar zijn om ${formatDateTime(task.deadlineAt, dir.locale, dir.timeZone)}.`
    : `Deadline missed: "${task.title}" (owner: ${owner}, status: ${status}) was due at ${formatDateTime(task.deadlineAt, dir.locale, dir.timeZone)}.`;
  const audiences: Audience[] = dir.leaders.map((personId) => ({ kind: "person", personId }));
  if (task.ownerId && !dir.isLeader(task.ownerId))
    audiences.push({ kind: "person", personId: task.ownerId });
  audiences.push({ kind: "incident", incidentId: task.incidentId });
  notifyAll(work, audiences, "task-overdue", text, task.id, job);
  work.record({
    type: "deadline.missed",
    actorId: null,
    source: "system",
    data: {
      taskId: task.id,
      ownerId: task.ownerId,
      status: task.status,
      deadlineAt: task.deadlineAt.toISOString(),
    },
  });
  work.refresh({ kind: "task", taskId: task.id });
}

export async function serviceReminderDue(work: Work, job: Job): Promise<void> {
  const service = await work.tx.services.get(job.subjectId);
  if (!service || service.restoredAt) return;
  if (work.now.getTime() >= service.deadlineAt.getTime()) return;
  const { dir } = work.ctx;
  const name = dir.service(service.situation, service.serviceId)?.name ?? service.serviceId;
  const when = formatDateTime(service.deadlineAt, dir.locale, dir.timeZone);
  const left = formatRemaining(service.deadlineAt, work.now, dir.locale);
  const text =
    dir.locale === "nl"
      ? `Prioriteit ${service.priority}: ${name} moet hersteld zijn tegen ${when} (RTO ${service.rtoHours} u, ${left}).`
      : `Priority ${service.priority}: ${name} must be restored by ${when} (RTO ${service.rtoHours} h, ${left}).`;
  notifyAll(
    work,
    [{ kind: "incident", incidentId: service.incidentId }],
    "service-reminder",
    text,
    service.id,
    job,
  );
  work.record({
    type: "reminder.sent",
    actorId: null,
    source: "system",
    data: { serviceId: service.serviceId, dueAt: service.deadlineAt.toISOString() },
  });
}

export async function serviceOverdue(work: Work, job: Job): Promise<void> {
  const service = await work.tx.services.get(job.subjectId);
  if (!service || service.restoredAt) return;
  const { dir } = work.ctx;
  const name = dir.service(service.situation, service.serviceId)?.name ?? service.serviceId;
  const text =
    dir.locale === "nl"
      ? `RTO overschreden: ${name} (prioriteit ${service.priority}) is niet hersteld binnen ${service.rtoHours} uur.`
      : `RTO exceeded: ${name} (priority ${service.priority}) was not restored within ${service.rtoHours} hours.`;
  const audiences: Audience[] = [
    ...dir.leaders.map((personId) => ({ kind: "person", personId }) as Audience),
    { kind: "incident", incidentId: service.incidentId },
  ];
  notifyAll(work, audiences, "service-overdue", text, service.id, job);
  work.record({
    type: "deadline.missed",
    actorId: null,
    source: "system",
    data: { serviceId: service.serviceId, deadlineAt: service.deadlineAt.toISOString() },
  });
  work.refresh({ kind: "incident", incidentId: service.incidentId });
}

function notifyAll(
  work: Work,
  audiences: Audience[],
  kind: "task-reminder" | "task-overdue" | "service-reminder" | "service-overdue",
  text: string,
  subjectId: string,
  job: Job,
): void {
  for (const audience of audiences) {
    const to = audience.kind === "person" ? audience.personId : "channel";
    work.notify(audience, { kind, text, subjectId }, `${job.kind}:${job.id}:${to}`);
  }
}
