// The besluitenlijst: every decision the coordination took, in order. Activating the plan,
// changing the classification, situation A or B (and changes to it), and closing.
import type { Classification } from "../../plan/schema.ts";
import { Labels } from "../views/labels.ts";
import { type Analysis, actorName } from "./analysis.ts";
import { situationLabel } from "./draft.ts";
import type { ReviewTable } from "./model.ts";

/** A change's effect on the work: what carried over (deadline recomputed) and what was cancelled. */
function changeNotes(a: Analysis, d: Record<string, unknown>): string[] {
  const { say } = a;
  type Recorded = { title: string; ownerId: string | null };
  const titles = (list: Recorded[]) =>
    list.map((t) => (t.ownerId ? `${t.title} (${actorName(a, t.ownerId)})` : t.title)).join(", ");
  const carried = (d.carried as Recorded[] | undefined) ?? [];
  const cancelled = (d.cancelled as Recorded[] | undefined) ?? [];
  const notes: string[] = [];
  if (carried.length > 0)
    notes.push(
      say(
        `Doorgelopen met eigenaar en toestand, deadline herberekend: ${titles(carried)}`,
        `Carried over with owner and state, deadline recomputed: ${titles(carried)}`,
      ),
    );
  if (cancelled.length > 0)
    notes.push(say(`Geannuleerd: ${titles(cancelled)}`, `Cancelled: ${titles(cancelled)}`));
  return notes;
}

export function decisionLog(a: Analysis): ReviewTable {
  const { say } = a;
  const labels = new Labels(a.locale);
  const level = (value: unknown) => labels.classification(value as Classification);
  const decisionsById = new Map(a.data.decisions.map((d) => [d.id, d]));
  const rows: string[][] = [];
  for (const entry of a.data.timeline) {
    const d = entry.data;
    let decided: string | null = null;
    let notes: string[] = [];
    switch (entry.type) {
      case "incident.declared":
        decided = d.planActivated
          ? say(
              `Incident gemeld als ${level(d.classification)}; plan geactiveerd, crisisstaf opgeroepen`,
              `Incident declared as ${level(d.classification)}; plan activated, crisis staff paged`,
            )
          : say(
              `Incident gemeld als ${level(d.classification)}`,
              `Incident declared as ${level(d.classification)}`,
            );
        notes = [String(d.description)];
        break;
      case "incident.reclassified":
        decided = say(
          `Ernst gewijzigd van ${level(d.from)} naar ${level(d.to)}`,
          `Classification changed from ${level(d.from)} to ${level(d.to)}`,
        );
        break;
      case "meeting.changed":
        decided = say(
          `Contactadres gewijzigd naar ${d.name}, ${d.address}`,
          `Meeting address changed to ${d.name}, ${d.address}`,
        );
        if (d.reason) notes.push(`${say("Reden", "Reason")}: ${d.reason}`);
        break;
      case "decision.made": {
        const situation = d.situation as "A" | "B";
        decided = `${situationLabel(a, situation)}${d.locationName ? ` — ${d.locationName}` : ""}`;
        const decision = decisionsById.get(String(d.decisionId));
        const changes = d.changes as { situation?: string } | null;
        if (changes?.situation)
          notes.push(
            say(
              `Wijziging van situatie ${changes.situation}`,
              `Changed from situation ${changes.situation}`,
            ),
          );
        if (d.reason) notes.push(`${say("Reden", "Reason")}: ${d.reason}`);
        notes.push(...changeNotes(a, d));
        if (decision?.evaluation)
          notes.push(`${say("Evaluatie", "Evaluation")}: ${decision.evaluation}`);
        break;
      }
      case "incident.closed":
        decided = say(
          "Incident afgesloten, plan gedeactiveerd",
          "Incident closed, plan deactivated",
        );
        if (d.note) notes = [String(d.note)];
        break;
      default:
        break;
    }
    if (decided === null) continue;
    rows.push([
      String(rows.length + 1),
      a.when(entry.at),
      decided,
      actorName(a, entry.actorId),
      notes.join("; ") || "—",
    ]);
  }
  return {
    id: "decisions",
    title: say("Besluitenlijst", "Decision log"),
    columns: [
      say("Nr.", "No."),
      say("Tijdstip", "Time"),
      say("Besluit", "Decision"),
      say("Door", "By"),
      say("Toelichting", "Notes"),
    ],
    rows,
    empty: say("Er werden geen besluiten vastgelegd.", "No decisions were recorded."),
  };
}
