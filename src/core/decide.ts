// Step 13 of the DRP: the crisis staff evaluates, the coordinator decides situation A
// (uitwijklocatie) or B (eigen gebouwen); the plan's tasks for that situation become
// incident tasks with deadlines from the services' RTOs. A changed decision re-plans.
import type { SituationId } from "../plan/schema.ts";
import { type Actor, actorId } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import { scheduleServiceJobs, scheduleTaskJobs } from "./deadlines.ts";
import {
  changeRecord,
  type DecisionChange,
  decisionChange,
  isUnfinished,
  planned,
  taskLine,
} from "./decision-change.ts";
import { RampError, requiredText } from "./errors.ts";
import type { Decision, Incident, IncidentService, Task } from "./model.ts";
import { resolveByName, resolveLeadingName } from "./resolve-name.ts";
import { onIncident, requireLeader } from "./run.ts";
import { addHours } from "./time.ts";
import { byUrgency } from "./views/order.ts";
import type { Work } from "./work.ts";

export interface DecideInput {
  situation: SituationId;
  /** Required for situation A: which fallback location. */
  locationId?: string | null;
  /** Why: required when the decision changes; recorded either way. */
  reason?: string | null;
  /** A change of an existing decision is only made once confirmed, after seeing what it does. */
  confirmed?: boolean;
}

/** What a decision would do, for the confirmation step of a change. */
export interface DecisionPreview {
  /** A decision exists and this one differs: it needs a reason and a confirmation. */
  changing: boolean;
  current: { situation: SituationId; locationId: string | null } | null;
  situation: SituationId;
  locationId: string | null;
  /** Null when only the fallback location changes (or for the first decision). */
  change: DecisionChange | null;
}

export async function recordEvaluation(
  ctx: EngineContext,
  actor: Actor,
  incidentId: string,
  text: string,
) {
  requireLeader(ctx, actor, { nl: "de evaluatie vastleggen", en: "record the evaluation" });
  const evaluation = requiredText(text, "evaluatie", {
    nl: "beschrijf de toestand: geleden schade, wat werkt nog, wat niet.",
    en: "describe the situation: damage, what still works, what does not.",
  });
  await onIncident(ctx, incidentId, async (work) => {
    work.record({
      type: "evaluation.recorded",
      actorId: actorId(actor),
      source: actor.source,
      data: { text: evaluation },
      tags: ["evaluatie"],
    });
    work.refresh({ kind: "decision", incidentId });
  });
}

function checkInput(ctx: EngineContext, actor: Actor, input: DecideInput): string | null {
  requireLeader(ctx, actor, {
    nl: "beslissen over situatie A of B",
    en: "decide on situation A or B",
  });
  const locationId = input.situation === "A" ? requireLocation(ctx, input.locationId) : null;
  if (input.situation !== "A" && input.situation !== "B") {
    throw new RampError("invalid-input", {
      field: "situatie",
      nl: `"${input.situation}" bestaat niet; kies A (uitwijklocatie) of B (eigen gebouwen).`,
      en: `"${input.situation}" does not exist; choose A (fallback location) or B (own buildings).`,
    });
  }
  return locationId;
}

/** What `decide` would do now, changing nothing: the confirmation step shows it. */
export async function previewDecision(
  ctx: EngineContext,
  actor: Actor,
  incidentId: string,
  input: DecideInput,
): Promise<DecisionPreview> {
  const locationId = checkInput(ctx, actor, input);
  const incident = await ctx.store.incidents.get(incidentId);
  if (!incident) throw new RampError("incident-not-found", { id: incidentId });
  if (incident.status === "closed")
    throw new RampError("incident-closed", { number: incident.number });
  if (incident.situation === input.situation && incident.locationId === locationId)
    throw new RampError("decision-unchanged");
  const [tasks, services] = await Promise.all([
    ctx.store.tasks.listForIncident(incidentId),
    ctx.store.services.listForIncident(incidentId),
  ]);
  return {
    changing: incident.situation !== null,
    current: incident.situation
      ? { situation: incident.situation, locationId: incident.locationId }
      : null,
    situation: input.situation,
    locationId,
    change: decisionChange(ctx.dir, incident, tasks, services, input.situation),
  };
}

export async function decide(
  ctx: EngineContext,
  actor: Actor,
  incidentId: string,
  input: DecideInput,
): Promise<Decision> {
  const { dir } = ctx;
  const locationId = checkInput(ctx, actor, input);
  return onIncident(ctx, incidentId, async (work, incident, tx) => {
    if (incident.situation === input.situation && incident.locationId === locationId) {
      throw new RampError("decision-unchanged");
    }
    const reason = input.reason?.trim() || null;
    if (incident.situation) {
      // A change undoes work under way: never by accident, never without saying why.
      const current = decisionLabel(ctx, incident.situation, incident.locationId);
      if (!reason) throw new RampError("decision-change-reason", { current });
      if (!input.confirmed) throw new RampError("decision-change-unconfirmed", { current });
    }
    const previous = await tx.decisions.listForIncident(incidentId);
    const evaluation = (await tx.timeline.listOfTypes(incidentId, ["evaluation.recorded"])).at(-1);
    const change = decisionChange(
      dir,
      incident,
      await tx.tasks.listForIncident(incidentId),
      await tx.services.listForIncident(incidentId),
      input.situation,
    );
    const decision: Decision = {
      id: ctx.ids.next(),
      incidentId,
      seq: previous.length + 1,
      situation: input.situation,
      locationId,
      decidedById: actor.personId,
      decidedAt: work.now,
      reason,
      evaluation: evaluation ? String(evaluation.data.text) : null,
    };
    await tx.decisions.insert(decision);
    await tx.incidents.update(incidentId, { situation: input.situation, locationId });
    work.record({
      type: "decision.made",
      actorId: actorId(actor),
      source: actor.source,
      data: {
        decisionId: decision.id,
        situation: input.situation,
        locationId,
        locationName: locationId ? dir.location(locationId)?.name : null,
        reason: decision.reason,
        changes: incident.situation
          ? { situation: incident.situation, locationId: incident.locationId }
          : null,
        ...changeRecord(change),
      },
    });
    if (incident.situation !== input.situation) await replan(work, incident, decision, change);
    const text = decisionText(ctx, incident, decision, change);
    work.notify(
      { kind: "incident", incidentId },
      { kind: "decision", text },
      `decision:${decision.seq}`,
    );
    work.refresh({ kind: "incident", incidentId });
    work.refresh({ kind: "decision", incidentId });
    return decision;
  });
}

/**
 * Makes the new situation's tasks live: shared work carries over (owner and state kept, the
 * deadline recomputed for the new situation), the old situation's other unfinished tasks are
 * cancelled and their owners told, and what the new situation lacks is planned or reopened.
 */
async function replan(
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

/** The location's id, its name or an unambiguous start of either. */
function requireLocation(ctx: EngineContext, location: string | null | undefined): string {
  const locations = ctx.dir.plan.fallbackLocations;
  if (!location?.trim()) {
    if (locations.length === 1) return locations[0]!.id;
    throw new RampError("location-required", { known: locationList(ctx) });
  }
  return resolveByName(
    locations,
    location,
    LOCATION,
    (known) => new RampError("unknown-location", { id: location.trim(), known }),
  ).id;
}

const LOCATION = { nl: "uitwijklocatie", en: "fallback location" };

function locationList(ctx: EngineContext): string {
  return ctx.dir.plan.fallbackLocations.map((l) => `${l.name} (${l.id})`).join("; ");
}

/**
 * `besluit A <locatie> [reden]` as typed: the location named by the first words (its name or id,
 * several words allowed), the rest the reason.
 */
export function splitLocationAndReason(
  ctx: EngineContext,
  text: string,
): { locationId: string; reason: string | null } {
  const { item, rest } = resolveLeadingName(
    ctx.dir.plan.fallbackLocations,
    text,
    LOCATION,
    (query, known) => new RampError("unknown-location", { id: query, known }),
  );
  return { locationId: item.id, reason: rest || null };
}

/** "situatie A (Situatie A – …) — Bibliotheek" for messages. */
export function decisionLabel(
  ctx: EngineContext,
  situation: SituationId,
  locationId: string | null,
): string {
  const { dir } = ctx;
  const location = locationId ? dir.location(locationId) : undefined;
  const word = dir.locale === "nl" ? "situatie" : "situation";
  return `${word} ${situation}${location ? ` — ${location.name}` : ""}`;
}

function decisionText(
  ctx: EngineContext,
  incident: Incident,
  decision: Decision,
  change: DecisionChange | null,
): string {
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const situation = dir.situation(decision.situation);
  const location = decision.locationId ? dir.location(decision.locationId) : undefined;
  const where = location ? ` — ${location.name}, ${location.address}` : "";
  const changed = incident.situation !== null;
  const head = nl
    ? `${changed ? "Beslissing gewijzigd" : "Beslissing"}: situatie ${decision.situation} (${situation.name})${where}.`
    : `${changed ? "Decision changed" : "Decision"}: situation ${decision.situation} (${situation.name})${where}.`;
  const target = nl
    ? ` Doel: basisdiensten binnen ${situation.targetHours} uur.`
    : ` Target: basic services within ${situation.targetHours} hours.`;
  const reason = decision.reason
    ? nl
      ? ` Reden: ${decision.reason}`
      : ` Reason: ${decision.reason}`
    : "";
  return `${head}${target}${reason}${changeText(ctx, change)}`;
}

/** For the channel: which tasks carried over and which were cancelled, one per line. */
function changeText(ctx: EngineContext, change: DecisionChange | null): string {
  if (!change) return "";
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const lines: string[] = [];
  if (change.carried.length > 0) {
    lines.push(
      nl
        ? "Lopen door (eigenaar en toestand blijven, deadline volgens de nieuwe situatie):"
        : "Carried over (owner and state kept, deadline from the new situation):",
      ...change.carried.map((c) => `• ${taskLine(dir, c.task)}`),
    );
  }
  if (change.cancelled.length > 0) {
    lines.push(
      nl ? "Geannuleerd:" : "Cancelled:",
      ...change.cancelled.map((t) => `• ${taskLine(dir, t)}`),
    );
  }
  return lines.length > 0 ? `\n${lines.join("\n")}` : "";
}
