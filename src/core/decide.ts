// Step 13 of the DRP: the crisis staff evaluates, the coordinator decides situation A
// (uitwijklocatie) or B (eigen gebouwen); the plan's tasks for that situation become
// incident tasks with deadlines from the services' RTOs. A changed decision re-plans.
import type { SituationId } from "../plan/schema.ts";
import { type Actor, actorId } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import { scheduleServiceJobs, scheduleTaskJobs } from "./deadlines.ts";
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
  /** Why (required in spirit when the decision changes; recorded either way). */
  reason?: string | null;
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

export async function decide(
  ctx: EngineContext,
  actor: Actor,
  incidentId: string,
  input: DecideInput,
): Promise<Decision> {
  requireLeader(ctx, actor, {
    nl: "beslissen over situatie A of B",
    en: "decide on situation A or B",
  });
  const { dir } = ctx;
  const locationId = input.situation === "A" ? requireLocation(ctx, input.locationId) : null;
  if (input.situation !== "A" && input.situation !== "B") {
    throw new RampError("invalid-input", {
      field: "situatie",
      nl: `"${input.situation}" bestaat niet; kies A (uitwijklocatie) of B (eigen gebouwen).`,
      en: `"${input.situation}" does not exist; choose A (fallback location) or B (own buildings).`,
    });
  }
  return onIncident(ctx, incidentId, async (work, incident, tx) => {
    if (incident.situation === input.situation && incident.locationId === locationId) {
      throw new RampError("decision-unchanged");
    }
    const previous = await tx.decisions.listForIncident(incidentId);
    const evaluation = (await tx.timeline.list(incidentId))
      .filter((e) => e.type === "evaluation.recorded")
      .at(-1);
    const decision: Decision = {
      id: ctx.ids.next(),
      incidentId,
      seq: previous.length + 1,
      situation: input.situation,
      locationId,
      decidedById: actor.personId,
      decidedAt: work.now,
      reason: input.reason?.trim() || null,
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
      },
    });
    if (incident.situation !== input.situation) await replan(work, incident, input.situation);
    const text = decisionText(ctx, incident, decision);
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

/** Cancels the old situation's unfinished tasks and makes the new situation's tasks live. */
async function replan(work: Work, incident: Incident, situation: SituationId): Promise<void> {
  const { tx } = work;
  if (incident.situation) {
    const cancelled = await tx.tasks.cancelUnfinished(incident.id, incident.situation);
    const services = (await tx.services.listForIncident(incident.id)).filter(
      (s) => s.situation === incident.situation,
    );
    await tx.jobs.cancelForSubjects([...cancelled.map((t) => t.id), ...services.map((s) => s.id)]);
    for (const task of cancelled) work.refresh({ kind: "task", taskId: task.id });
  }
  const existing = (await tx.tasks.listForIncident(incident.id)).filter(
    (t) => t.situation === situation,
  );
  let tasks: Task[];
  let services: IncidentService[];
  if (existing.length > 0) {
    // Back to a situation planned before: its cancelled tasks reopen, done ones stay done.
    const reopened = await tx.tasks.reopenCancelled(incident.id, situation);
    tasks = reopened;
    services = (await tx.services.listForIncident(incident.id)).filter(
      (s) => s.situation === situation && !s.restoredAt,
    );
  } else {
    services = planServices(work, incident, situation);
    tasks = planTasks(work, incident, situation);
    await tx.services.insertMany(services);
    await tx.tasks.insertMany(tasks);
  }
  // Cards go out grouped by phase, then in the board's order (nearest deadline first).
  const PHASES = ["technisch", "organisatorisch"];
  tasks.sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || byUrgency(a, b));
  for (const task of tasks) {
    scheduleTaskJobs(work, task);
    work.refresh({ kind: "task", taskId: task.id });
  }
  for (const service of services) scheduleServiceJobs(work, service);
  work.record({
    type: "tasks.planned",
    actorId: null,
    source: "system",
    data: {
      situation,
      tasks: tasks.map((t) => t.id),
      reopened: existing.length > 0,
      cancelledFrom: incident.situation,
    },
  });
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
  const plan = work.ctx.dir.situation(situation);
  return plan.tasks.map((task) => {
    const serviceIndex = task.service ? plan.services.findIndex((s) => s.id === task.service) : -1;
    const service = serviceIndex >= 0 ? plan.services[serviceIndex] : undefined;
    const hours = task.deadlineHours ?? service?.rtoHours ?? plan.targetHours;
    return {
      id: work.ctx.ids.next(),
      incidentId: incident.id,
      planTaskId: task.id,
      situation,
      phase: task.phase,
      title: task.title,
      description: task.description ?? null,
      serviceId: task.service ?? null,
      priority: serviceIndex >= 0 ? serviceIndex + 1 : plan.services.length + 1,
      functionId: task.owner,
      deadlineAt: addHours(incident.declaredAt, hours),
      status: "open",
      ownerId: null,
      claimedAt: null,
      completedAt: null,
      blockedReason: null,
      version: 0,
    };
  });
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

function decisionText(ctx: EngineContext, incident: Incident, decision: Decision): string {
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
  return `${head}${target}${reason}`;
}
