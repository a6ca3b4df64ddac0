// Step 2 "Melding": the coordinator or a deputy declares an incident; when its classification
// activates the plan, the crisis staff is paged to the meeting address.
import { CLASSIFICATIONS, type Classification, type Scenario } from "../plan/schema.ts";
import { type Actor, actorId } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import { RampError } from "./errors.ts";
import { endExercisesFor, planExercise } from "./exercise.ts";
import { completeInboxIn, inboxCommitted } from "./inbox-scope.ts";
import { invalidMeeting } from "./meeting.ts";
import { type Incident, MEETINGS, type Meeting, type Report, SCOPES, type Scope } from "./model.ts";
import { pageCrisisStaff } from "./paging.ts";
import { ConflictError } from "./ports.ts";
import { openReports } from "./report.ts";
import { onIncident, requireKnown, requireLeader } from "./run.ts";
import { addMinutes, formatDateTime, yearIn } from "./time.ts";
import { Work } from "./work.ts";

export interface DeclareInput {
  classification: Classification;
  /** "onbekend" when not given: unknown stays unknown until someone says. */
  scope?: Scope;
  description: string;
  /** Whether it happened during office hours (staff to evacuate and send home), when known. */
  officeHours?: boolean | null;
  detectedAt?: Date | null;
  /** Who reported it and how (e.g. "brandweer, telefonisch"). */
  reportedBy?: string | null;
  /**
   * Where the crisis staff meets: the plan's primary contactadres (the default), or its fallback
   * when the primary one is what the incident hit (a fire in that very building).
   */
  meeting?: Meeting;
  /** Explicitly open a second incident while one is active. */
  openSecond?: boolean;
  /** An exercise (see exercise.ts), playing this scenario if it has one. */
  exercise?: { scenario: Scenario | null };
}

/** "Bart Lannoo (melding via Ramp, za 21 nov 22:00)", for each reporter. */
function reportedByOf(ctx: EngineContext, reports: Report[]): string | null {
  if (reports.length === 0) return null;
  const first = new Map<string, Report>();
  for (const report of reports)
    if (!first.has(report.reporterId)) first.set(report.reporterId, report);
  const nl = ctx.dir.locale === "nl";
  return [...first.values()]
    .map(
      (r) =>
        `${ctx.dir.name(r.reporterId)} (${nl ? "melding via Ramp" : "report through Ramp"}, ${formatDateTime(r.reportedAt, ctx.dir.locale, ctx.dir.timeZone)})`,
    )
    .join("; ");
}

export function activatesPlan(ctx: EngineContext, classification: Classification): boolean {
  return (
    CLASSIFICATIONS.indexOf(classification) >=
    CLASSIFICATIONS.indexOf(ctx.dir.plan.classification.activatesPlanFrom)
  );
}

export async function declareIncident(
  ctx: EngineContext,
  actor: Actor,
  input: DeclareInput,
): Promise<Incident> {
  requireKnown(ctx, actor);
  requireLeader(ctx, actor, { nl: "een incident starten", en: "declare an incident" });
  const description = validateDeclaration(input);
  const meeting = input.meeting ?? "primary";
  if (!MEETINGS.includes(meeting)) throw invalidMeeting(meeting);
  // Two coordinators declaring at the same moment: the unique incident number lets one win;
  // the other retries, sees the active incident and is refused.
  for (let attempt = 0; ; attempt++) {
    try {
      const incident = await declareOnce(ctx, actor, { ...input, meeting }, description);
      inboxCommitted();
      ctx.onCommitted?.();
      return incident;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 4) throw error;
    }
  }
}

async function declareOnce(
  ctx: EngineContext,
  actor: Actor,
  input: DeclareInput,
  description: string,
) {
  const now = ctx.clock.now();
  const { plan } = ctx.dir;
  return ctx.store.transaction(async (tx) => {
    const running = await tx.incidents.listActive(plan.organisation.id);
    // A real declaration is always possible during an exercise, and ends it (below).
    const active = running.filter((i) => !i.exercise);
    const exercises = running.filter((i) => i.exercise);
    if (input.exercise && active.length > 0)
      throw new RampError("exercise-during-incident", {
        number: active.map((i) => i.number).join(", "),
      });
    if (input.exercise && exercises.length > 0)
      throw new RampError("exercise-active", { number: exercises.map((i) => i.number).join(", ") });
    if (active.length > 0 && !input.openSecond) {
      throw new RampError("incident-active", { number: active.map((i) => i.number).join(", ") });
    }
    // Reports from staff since yesterday are how this incident was detected (step 2); they are
    // real, so an exercise leaves them for a real declaration.
    const reports = input.exercise ? [] : await openReports(ctx, tx.reports, now);
    // Exercises are numbered apart (O-2026-001) and never take an incident's number.
    const prefix = `${input.exercise ? "O-" : ""}${yearIn(now, ctx.dir.timeZone)}-`;
    const count = await tx.incidents.countNumbersWithPrefix(plan.organisation.id, prefix);
    const incident: Incident = {
      id: ctx.ids.next(),
      organisation: plan.organisation.id,
      number: `${prefix}${String(count + 1).padStart(3, "0")}`,
      planHash: ctx.dir.planHash,
      classification: input.classification,
      scope: input.scope ?? "onbekend",
      description,
      officeHours: input.officeHours ?? null,
      status: "active",
      declaredById: actor.personId,
      declaredAt: now,
      detectedAt: input.detectedAt ?? reports[0]?.reportedAt ?? null,
      reportedBy: input.reportedBy?.trim() || reportedByOf(ctx, reports),
      situation: null,
      locationId: null,
      meeting: input.meeting ?? "primary",
      arriveBy: addMinutes(now, plan.meeting.arriveWithin),
      closedById: null,
      closedAt: null,
      sealHash: null,
      exercise: Boolean(input.exercise),
      scenarioId: input.exercise?.scenario?.id ?? null,
    };
    await tx.incidents.insert(incident);
    await tx.reports.attach(
      reports.map((r) => r.id),
      incident.id,
    );
    const work = new Work(ctx, tx, incident, now);
    for (const reporterId of new Set(reports.map((r) => r.reporterId))) {
      if (reporterId === actor.personId) continue;
      work.notify(
        { kind: "person", personId: reporterId },
        {
          kind: "log",
          text:
            ctx.dir.locale === "nl"
              ? `Uw melding leidde tot incident ${incident.number}: ${description}.`
              : `Your report led to incident ${incident.number}: ${description}.`,
        },
        `report-taken:${reporterId}`,
      );
    }
    const meeting = plan.meeting[incident.meeting];
    const activated = activatesPlan(ctx, input.classification);
    work.record({
      type: "incident.declared",
      actorId: actorId(actor),
      source: actor.source,
      data: {
        number: incident.number,
        classification: incident.classification,
        scope: incident.scope,
        description,
        officeHours: incident.officeHours,
        detectedAt: incident.detectedAt?.toISOString() ?? null,
        reportedBy: incident.reportedBy,
        planActivated: activated,
        meeting: {
          name: meeting.name,
          address: meeting.address,
          choice: incident.meeting,
          fallback: incident.meeting === "fallback",
        },
        arriveBy: incident.arriveBy?.toISOString() ?? null,
        secondIncident: active.length > 0,
        ...(input.exercise
          ? {
              exercise: true,
              scenario: input.exercise.scenario
                ? { id: input.exercise.scenario.id, title: input.exercise.scenario.title }
                : null,
            }
          : {}),
      },
    });
    if (activated) await pageCrisisStaff(work, actor);
    if (input.exercise) await planExercise(work, input.exercise.scenario);
    work.refresh({ kind: "incident", incidentId: incident.id });
    await work.flush();
    if (!input.exercise) await endExercisesFor(ctx, tx, incident, exercises, now);
    await completeInboxIn(tx, now);
    return incident;
  });
}

/** Raising the classification to a level that activates the plan pages the crisis staff then. */
export async function reclassify(
  ctx: EngineContext,
  actor: Actor,
  incidentId: string,
  classification: Classification,
): Promise<void> {
  requireLeader(ctx, actor, { nl: "de ernst wijzigen", en: "change the classification" });
  if (!CLASSIFICATIONS.includes(classification)) throw invalidClassification(classification);
  await onIncident(ctx, incidentId, async (work, incident, tx) => {
    if (incident.classification === classification) return;
    const wasActive = activatesPlan(ctx, incident.classification);
    await tx.incidents.update(incidentId, { classification });
    work.record({
      type: "incident.reclassified",
      actorId: actorId(actor),
      source: actor.source,
      data: { from: incident.classification, to: classification },
    });
    const pages = await tx.pages.listForIncident(incidentId);
    if (!wasActive && activatesPlan(ctx, classification) && pages.length === 0)
      await pageCrisisStaff(work, actor);
    work.refresh({ kind: "incident", incidentId });
  });
}

/** `/ramp omvang`: the scope once it is known (or back to unknown), on the timeline. */
export async function setScope(
  ctx: EngineContext,
  actor: Actor,
  incidentId: string,
  scope: Scope,
): Promise<void> {
  requireLeader(ctx, actor, { nl: "de omvang wijzigen", en: "change the scope" });
  if (!SCOPES.includes(scope)) throw invalidScope(scope);
  await onIncident(ctx, incidentId, async (work, incident, tx) => {
    if (incident.scope === scope) return;
    await tx.incidents.update(incidentId, { scope });
    work.record({
      type: "incident.scoped",
      actorId: actorId(actor),
      source: actor.source,
      data: { from: incident.scope, to: scope },
    });
    work.refresh({ kind: "incident", incidentId });
  });
}

function invalidScope(value: string): RampError {
  return new RampError("invalid-input", {
    field: "omvang",
    nl: `"${value}" is geen geldige omvang; kies totaal, gedeeltelijk of onbekend.`,
    en: `"${value}" is not a valid scope; choose totaal, gedeeltelijk or onbekend.`,
  });
}

function validateDeclaration(input: DeclareInput): string {
  if (!CLASSIFICATIONS.includes(input.classification))
    throw invalidClassification(String(input.classification));
  if (input.scope !== undefined && !SCOPES.includes(input.scope)) throw invalidScope(input.scope);
  const description = input.description.trim();
  if (description.length === 0 || description.length > 500) {
    throw new RampError("invalid-input", {
      field: "omschrijving",
      nl: "geef een korte omschrijving (1 tot 500 tekens), bv. Brand in het administratief centrum.",
      en: "give a short description (1 to 500 characters), e.g. Fire in the administrative centre.",
    });
  }
  return description;
}

function invalidClassification(value: string): RampError {
  return new RampError("invalid-input", {
    field: "ernst",
    nl: `"${value}" is geen geldige ernst; kies zwak, klein, groot of crisis.`,
    en: `"${value}" is not a valid classification; choose zwak, klein, groot or crisis.`,
  });
}
