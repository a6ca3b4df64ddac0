// Step 13 of the DRP: the crisis staff evaluates, the coordinator decides situation A
// (uitwijklocatie) or B (eigen gebouwen); the plan's tasks for that situation become
// incident tasks with deadlines from the services' RTOs. A changed decision re-plans.
import type { SituationId } from "../plan/schema.ts";
import { type Actor, actorId } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import { changeRecord, type DecisionChange, decisionChange } from "./decision-change.ts";
import { requireLocation } from "./decision-location.ts";
import { decisionLabel, decisionText } from "./decision-text.ts";
import { RampError, requiredText } from "./errors.ts";
import type { Decision } from "./model.ts";
import { replan } from "./replan.ts";
import { onIncident, requireLeader } from "./run.ts";

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
