// What a decision says in messages: the short label of a situation and location, and the
// channel's announcement with the target, the reason and the tasks carried over or cancelled.
import type { SituationId } from "../plan/schema.ts";
import type { EngineContext } from "./context.ts";
import { type DecisionChange, taskLine } from "./decision-change.ts";
import type { Decision, Incident } from "./model.ts";

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

export function decisionText(
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
