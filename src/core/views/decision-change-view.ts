// The decision card's part in a change of decision: the confirmation each other choice asks
// for (what it would carry over and cancel), and what the last change did, for the board.
import type { SituationId } from "../../plan/schema.ts";
import type { EngineContext } from "../context.ts";
import { changeLines, decisionChange } from "../decision-change.ts";
import type { Incident, IncidentService, Task, TaskStatus, TimelineEntry } from "../model.ts";
import { formatDateTime } from "../time.ts";
import { Labels } from "./labels.ts";
import type { DecisionChangeView, ViewAction } from "./types.ts";

/** A choice that changes the decision: a confirmation with what it does, and a reason. */
export function withConfirmation(
  ctx: EngineContext,
  incident: Incident,
  tasks: Task[],
  services: IncidentService[],
  action: ViewAction,
): ViewAction {
  if (!incident.situation || !action.situation) return action;
  const location = action.locationId ?? null;
  if (incident.situation === action.situation && incident.locationId === location) return action;
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const change = decisionChange(dir, incident, tasks, services, action.situation);
  const from = label(ctx, incident.situation, incident.locationId);
  const to = label(ctx, action.situation, location);
  const effect = !change
    ? nl
      ? "De taken blijven zoals ze zijn."
      : "The tasks stay as they are."
    : nl
      ? "Taken die beide situaties delen, lopen door met hun eigenaar en toestand; de andere open taken worden geannuleerd en wie ze opnam, krijgt bericht."
      : "Tasks both situations share carry over with their owner and state; the other open tasks are cancelled and whoever claimed them is told.";
  return {
    ...action,
    needsReason: true,
    confirm: {
      title: nl ? "Beslissing wijzigen?" : "Change the decision?",
      text: nl ? `Van ${from} naar ${to}. ${effect}` : `From ${from} to ${to}. ${effect}`,
      details: changeLines(dir, change),
      reasonLabel: nl ? "Waarom wijzigt de beslissing?" : "Why does the decision change?",
      yes: nl ? "Wijziging bevestigen" : "Confirm the change",
      no: nl ? "Annuleren" : "Cancel",
    },
  };
}

function label(ctx: EngineContext, situation: SituationId, locationId: string | null): string {
  const location = locationId ? ctx.dir.location(locationId) : undefined;
  const word = ctx.dir.locale === "nl" ? "situatie" : "situation";
  return `${word} ${situation}${location ? ` (${location.name})` : ""}`;
}

interface RecordedTask {
  title: string;
  status: TaskStatus;
  ownerId: string | null;
  blockedReason?: string | null;
  deadlineFrom?: string;
  deadlineTo?: string;
}

/** What the last change of decision did, as recorded in the timeline; null before any change. */
export function lastChange(
  ctx: EngineContext,
  timeline: TimelineEntry[],
): DecisionChangeView | null {
  const entry = timeline.filter((e) => e.type === "decision.made" && e.data.changes).at(-1);
  if (!entry) return null;
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const labels = new Labels(dir.locale);
  const when = (d: Date) => formatDateTime(d, dir.locale, dir.timeZone);
  const line = (t: RecordedTask) => {
    const owner = t.ownerId ? dir.name(t.ownerId) : nl ? "niemand" : "nobody";
    const why = t.status === "blocked" && t.blockedReason ? `: ${t.blockedReason}` : "";
    const moved =
      t.deadlineTo && t.deadlineFrom !== t.deadlineTo && t.status !== "done"
        ? `, ${nl ? "nieuwe deadline" : "new deadline"} ${when(new Date(t.deadlineTo))}`
        : "";
    return `${t.title} — ${owner} (${labels.taskStatus(t.status).toLowerCase()}${why})${moved}`;
  };
  const changes = entry.data.changes as { situation: SituationId; locationId: string | null };
  return {
    at: when(entry.at),
    by: dir.name(entry.actorId),
    from: label(ctx, changes.situation, changes.locationId),
    to: label(ctx, entry.data.situation as SituationId, (entry.data.locationId as string) ?? null),
    reason: (entry.data.reason as string | null) ?? null,
    carried: ((entry.data.carried as RecordedTask[] | undefined) ?? []).map(line),
    cancelled: ((entry.data.cancelled as RecordedTask[] | undefined) ?? []).map(line),
  };
}
