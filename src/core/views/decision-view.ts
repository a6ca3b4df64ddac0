// The decision card: the plan's choices (A per fallback location, or B), each confirming what a
// change would do, and the decisions made so far. The one-line summary is the incident card's too.
import type { EngineContext } from "../context.ts";
import type { Decision, Incident } from "../model.ts";
import { formatDateTime } from "../time.ts";
import { lastChange, withConfirmation } from "./decision-change-view.ts";
import { IncidentReads } from "./incident-reads.ts";
import type { Labels } from "./labels.ts";
import type { DecisionView, ViewAction } from "./types.ts";

export async function decisionView(
  ctx: EngineContext,
  L: Labels,
  incidentId: string,
  reads = new IncidentReads(ctx, incidentId),
): Promise<DecisionView> {
  const [incident, decisions, timeline] = await Promise.all([
    reads.incident(),
    reads.decisions(),
    reads.entries(),
  ]);
  const evaluation = timeline.filter((e) => e.type === "evaluation.recorded").at(-1);
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const choices: ViewAction[] =
    incident.status === "closed"
      ? []
      : [
          ...dir.plan.fallbackLocations.map((location) => ({
            action: "decision.decide" as const,
            subjectId: incidentId,
            situation: "A" as const,
            locationId: location.id,
            label: `A — ${location.name} (${location.capacity} ${nl ? "pl." : "seats"})`,
            location: {
              name: location.name,
              address: location.address,
              capacity: `${location.capacity} ${nl ? "pl." : "seats"}`,
            },
          })),
          {
            action: "decision.decide",
            subjectId: incidentId,
            situation: "B",
            label: `B — ${dir.situation("B").name}`,
          },
        ];
  const [tasks, services] = incident.situation
    ? await Promise.all([reads.tasks(), reads.services()])
    : [[], []];
  const actions = choices.map((a) => withConfirmation(ctx, incident, tasks, services, a));
  return {
    kind: "decision",
    incidentId,
    title: L.text("decide"),
    current: decisionSummary(ctx, incident),
    evaluation: evaluation ? String(evaluation.data.text) : null,
    actions,
    history: decisions.map((d) => decisionLine(ctx, d)),
    lastChange: lastChange(ctx, timeline),
  };
}

function decisionLine(ctx: EngineContext, d: Decision) {
  const summary = decisionSummary(ctx, d) ?? "";
  return {
    at: formatDateTime(d.decidedAt, ctx.dir.locale, ctx.dir.timeZone),
    by: ctx.dir.name(d.decidedById),
    text: d.reason ? `${summary} (${d.reason})` : summary,
  };
}

export function decisionSummary(
  ctx: EngineContext,
  incident: Pick<Incident, "situation" | "locationId">,
): string | null {
  if (!incident.situation) return null;
  const { dir } = ctx;
  const location = incident.locationId ? dir.location(incident.locationId) : undefined;
  const name = dir.situation(incident.situation).name;
  // Plans usually name the situation themselves ("Situatie B – …"); say it only once.
  const label = /^situ/i.test(name)
    ? name
    : `${dir.locale === "nl" ? "Situatie" : "Situation"} ${incident.situation}: ${name}`;
  return `${label}${location ? ` — ${location.name}, ${location.address}` : ""}`;
}
