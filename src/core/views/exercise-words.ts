// The words every platform shows with an exercise, and the timeline's sentences for its own
// entries, so the board, the chat and the oefenverslag say the same.
import { formatDurationMinutes } from "../../plan/duration.ts";
import type { Locale } from "../../plan/schema.ts";
import type { ExerciseMark, TimelineEntry } from "../model.ts";

export type { ExerciseMark };

export function exerciseMark(locale: Locale, number: string): ExerciseMark {
  return locale === "nl"
    ? {
        label: "OEFENING",
        text: `OEFENING ${number} — dit is een oefening, geen echt incident.`,
      }
    : {
        label: "EXERCISE",
        text: `EXERCISE ${number} — this is an exercise, not a real incident.`,
      };
}

/** "Oefening O-2026-001" or "Incident 2026-001", wherever an incident is named with its number. */
export function incidentName(
  incident: { number: string; exercise: boolean },
  locale: Locale,
): string {
  const word = incident.exercise ? (locale === "nl" ? "Oefening" : "Exercise") : "Incident";
  return `${word} ${incident.number}`;
}

/** The sentence of an exercise's own timeline entry; null for any other entry. */
export function describeExerciseEntry(entry: TimelineEntry, locale: Locale): string | null {
  const nl = locale === "nl";
  const d = entry.data as Record<string, unknown>;
  if (entry.type === "exercise.inject") {
    const at = `T+${formatDurationMinutes(Number(d.at) || 0)}`;
    if (d.kind === "start")
      return nl ? `Startsituatie van de oefening: ${d.text}` : `Starting situation: ${d.text}`;
    const own = d.kind === "ad-hoc" ? (nl ? " (ad hoc)" : " (ad hoc)") : "";
    return nl
      ? `Inject ${at}${own} voor ${d.toName}: ${d.text}`
      : `Inject ${at}${own} for ${d.toName}: ${d.text}`;
  }
  if (entry.type === "exercise.ended") {
    if (d.reason === "real-incident")
      return nl
        ? `Oefening gestopt: echt incident ${d.incident} gestart`
        : `Exercise stopped: real incident ${d.incident} declared`;
    return nl
      ? `Oefening beëindigd door de coördinator${d.note ? `: ${d.note}` : ""}`
      : `Exercise ended by the coordinator${d.note ? `: ${d.note}` : ""}`;
  }
  return null;
}
