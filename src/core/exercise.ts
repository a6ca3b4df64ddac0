// Exercises (oefeningen): the whole incident flow played as practice. An exercise is an incident
// with `exercise` set, so paging, decisions, tasks, reminders and the review are the same code;
// what is its own: starting from a plan scenario, its timed injects, and ending it (by the
// coordinator, or at once when a real incident is declared, which always takes precedence).
import { formatDurationMinutes } from "../plan/duration.ts";
import type { Inject, Scenario } from "../plan/schema.ts";
import { type Actor, actorId, SYSTEM } from "./actor.ts";
import { finishIncident } from "./close.ts";
import type { EngineContext } from "./context.ts";
import { declareIncident } from "./declare.ts";
import { RampError, requiredText } from "./errors.ts";
import type { Audience, Incident, Job } from "./model.ts";
import type { Repositories } from "./ports.ts";
import { onIncident, requireLeader } from "./run.ts";
import { addMinutes } from "./time.ts";
import { Work } from "./work.ts";

/** Said when an exercise starts without a scenario and without words of its own. */
const FREE_EXERCISE = { nl: "Oefening zonder scenario", en: "Exercise without a scenario" };

export interface ExerciseStart {
  /** A scenario id of the plan; or, with more than one word, the description of a free exercise. */
  scenario?: string;
}

/** The scenario a start names: by id; a single unknown word is a mistyped id, not a description. */
export function scenarioFor(ctx: EngineContext, words: string | undefined): Scenario | null {
  const typed = words?.trim() ?? "";
  const { scenarios } = ctx.dir.plan;
  const found = scenarios.find((s) => s.id === typed.toLowerCase());
  if (found) return found;
  if (typed === "" || /\s/.test(typed)) return null;
  throw new RampError("unknown-scenario", {
    id: typed,
    known: scenarios.map((s) => s.id).join(", ") || "—",
  });
}

export async function startExercise(
  ctx: EngineContext,
  actor: Actor,
  input: ExerciseStart,
): Promise<Incident> {
  requireLeader(ctx, actor, { nl: "een oefening starten", en: "start an exercise" });
  const scenario = scenarioFor(ctx, input.scenario);
  const nl = ctx.dir.locale === "nl";
  const description = scenario
    ? scenario.title
    : input.scenario?.trim() || (nl ? FREE_EXERCISE.nl : FREE_EXERCISE.en);
  return declareIncident(ctx, actor, {
    // A free exercise activates the plan, so the crisis staff is paged as on the day.
    classification: scenario?.classification ?? ctx.dir.plan.classification.activatesPlanFrom,
    description,
    exercise: { scenario },
  });
}

/** Inside the declaration: the starting situation on the timeline and the injects as jobs. */
export async function planExercise(work: Work, scenario: Scenario | null): Promise<void> {
  if (!scenario) return;
  await deliverInject(work, null, { at: 0, to: "channel", text: scenario.description }, "start");
  scenario.injects.forEach((inject, index) => {
    work.schedule({
      kind: "exercise-inject",
      subjectId: injectSubject(work.incident.id, index),
      dueAt: addMinutes(work.now, inject.at),
    });
  });
}

const injectSubject = (incidentId: string, index: number) => `${incidentId}:inject:${index}`;

/** The scheduler's job: the scenario's inject at its time. */
export async function injectDue(work: Work, job: Job): Promise<void> {
  const index = Number(job.subjectId.split(":").at(-1));
  const scenario = work.ctx.dir.plan.scenarios.find((s) => s.id === work.incident.scenarioId);
  const inject = scenario?.injects[index];
  if (!inject) {
    // The plan changed while the exercise ran: nothing to deliver, and nothing to retry.
    work.ctx.log.warn(
      { incidentId: work.incident.id, scenarioId: work.incident.scenarioId, index },
      "exercise inject no longer in the plan",
    );
    return;
  }
  await deliverInject(work, null, inject, index);
}

/** `/ramp oefening inject <tekst>`: an inject of the coordinator's own, to the exercise's channel. */
export async function sendInject(
  ctx: EngineContext,
  actor: Actor,
  text: string,
): Promise<Incident> {
  requireLeader(ctx, actor, { nl: "een inject sturen", en: "send an inject" });
  const body = requiredText(text, "inject", {
    nl: "zeg wat er gebeurt, bv. /ramp oefening inject De stroom valt uit in het hele gebouw.",
    en: "say what happens, e.g. /ramp oefening inject The power fails in the whole building.",
  });
  const exercise = await activeExercise(ctx);
  return onIncident(ctx, exercise.id, async (work, incident) => {
    const at = Math.round((work.now.getTime() - incident.declaredAt.getTime()) / 60_000);
    await deliverInject(work, actor, { at, to: "channel", text: body }, "ad-hoc");
    return incident;
  });
}

/** `/ramp oefening stop`: the coordinator ends the exercise; the oefenverslag follows. */
export async function stopExercise(
  ctx: EngineContext,
  actor: Actor,
  note?: string,
): Promise<Incident> {
  requireLeader(ctx, actor, { nl: "de oefening stoppen", en: "stop the exercise" });
  const exercise = await activeExercise(ctx);
  return onIncident(ctx, exercise.id, async (work, incident, tx) => {
    work.record({
      type: "exercise.ended",
      actorId: actorId(actor),
      source: actor.source,
      data: { reason: "stopped", note: note?.trim() || null },
    });
    return (await finishIncident(work, incident, tx, actor, note)).incident;
  });
}

/**
 * A real incident was declared: every running exercise ends now, in the same transaction, with a
 * notice to everyone taking part, so nobody mistakes a real page for part of the exercise.
 */
export async function endExercisesFor(
  ctx: EngineContext,
  tx: Repositories,
  real: Incident,
  exercises: Incident[],
  now: Date,
): Promise<void> {
  const nl = ctx.dir.locale === "nl";
  for (const running of exercises) {
    const exercise = await tx.incidents.lock(running.id);
    if (exercise?.status !== "active") continue;
    const work = new Work(ctx, tx, exercise, now);
    work.record({
      type: "exercise.ended",
      actorId: null,
      source: "system",
      data: { reason: "real-incident", incident: real.number },
    });
    const text = nl
      ? `OEFENING ${exercise.number} IS GESTOPT: er is een echt incident gestart (${real.number} — ${real.description}). Dit is geen oefening meer: volg de oproep en het kanaal van incident ${real.number}.`
      : `EXERCISE ${exercise.number} HAS STOPPED: a real incident was declared (${real.number} — ${real.description}). This is no exercise: follow the page and the channel of incident ${real.number}.`;
    work.notify(
      { kind: "incident", incidentId: exercise.id },
      { kind: "exercise-ended", text },
      "ended",
    );
    for (const personId of await participants(tx, exercise.id))
      work.notify(
        { kind: "person", personId },
        { kind: "exercise-ended", text },
        `ended:${personId}`,
      );
    await finishIncident(work, exercise, tx, SYSTEM);
  }
}

/** Everyone paged for the exercise who did not decline: they may be on their way to it. */
async function participants(tx: Repositories, incidentId: string): Promise<string[]> {
  const pages = await tx.pages.listForIncident(incidentId);
  return [...new Set(pages.filter((p) => p.status !== "declined").map((p) => p.personId))];
}

export async function activeExercise(ctx: EngineContext): Promise<Incident> {
  const active = await ctx.store.incidents.listActive(ctx.dir.plan.organisation.id);
  const exercise = active.find((i) => i.exercise);
  if (!exercise) throw new RampError("no-active-exercise");
  return exercise;
}

/**
 * An inject on the timeline and to whom it is for: a function (the person who answered the page
 * for it, else its holder), the coordinator, or the exercise's channel. `index`: the scenario's
 * inject, "start" for the starting situation, "ad-hoc" for one the coordinator typed.
 */
async function deliverInject(
  work: Work,
  actor: Actor | null,
  inject: Inject,
  index: number | "start" | "ad-hoc",
): Promise<void> {
  const { dir } = work.ctx;
  const nl = dir.locale === "nl";
  const to = await recipient(work, inject.to);
  const when = `T+${formatDurationMinutes(inject.at)}`;
  work.record({
    type: "exercise.inject",
    actorId: actor ? actorId(actor) : null,
    source: actor?.source ?? "system",
    data: {
      index: typeof index === "number" ? index : null,
      kind: typeof index === "number" ? "scenario" : index,
      at: inject.at,
      to: inject.to,
      toName: to.name,
      personId: to.audience.kind === "person" ? to.audience.personId : null,
      text: inject.text,
    },
  });
  const text =
    index === "start"
      ? nl
        ? `Startsituatie van de oefening: ${inject.text}`
        : `Starting situation of the exercise: ${inject.text}`
      : nl
        ? `Inject ${when} voor ${to.name}: ${inject.text}`
        : `Inject ${when} for ${to.name}: ${inject.text}`;
  work.notify(to.audience, { kind: "exercise-inject", text }, `inject:${index}`);
}

async function recipient(work: Work, to: string): Promise<{ audience: Audience; name: string }> {
  const { dir } = work.ctx;
  const nl = dir.locale === "nl";
  if (to === "channel")
    return {
      audience: { kind: "incident", incidentId: work.incident.id },
      name: nl ? "de hele crisisstaf" : "the whole crisis staff",
    };
  if (to === "coordinator") {
    const personId = dir.plan.coordination.coordinator;
    return {
      audience: { kind: "person", personId },
      name: `${nl ? "de coördinator" : "the coordinator"} (${dir.name(personId)})`,
    };
  }
  const fn = dir.fn(to);
  const pages = await work.tx.pages.listForIncident(work.incident.id);
  const coming = pages
    .filter((p) => p.functionId === to && p.status === "coming")
    .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime())[0];
  const personId = coming?.personId ?? fn?.holder ?? dir.plan.coordination.coordinator;
  return {
    audience: { kind: "person", personId },
    name: `${fn?.name ?? to} (${dir.name(personId)})`,
  };
}
