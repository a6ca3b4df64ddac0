// The typed second step of commands that undo or end work: what a changed decision or closing
// with open tasks would do, and the exact command that confirms it.
import type { DecisionPreview } from "../decide.ts";
import { changeLines, taskLine } from "../decision-change.ts";
import type { PlanDirectory } from "../directory.ts";
import type { Task } from "../model.ts";
import { CONFIRM_WORD } from "./parse.ts";

const CONFIRM_EN = "confirm";

/** What `besluit …` would change, and how to confirm it (with a reason). */
export function decisionChangeText(
  dir: PlanDirectory,
  preview: DecisionPreview,
  reason: string | undefined,
  prefix: string,
): string {
  const nl = dir.locale === "nl";
  const label = (situation: string, locationId: string | null) => {
    const location = locationId ? dir.location(locationId) : undefined;
    return `${nl ? "situatie" : "situation"} ${situation}${location ? ` — ${location.name}` : ""}`;
  };
  const from = preview.current ? label(preview.current.situation, preview.current.locationId) : "";
  const to = label(preview.situation, preview.locationId);
  const lines = [
    nl
      ? `Dit wijzigt de beslissing van ${from} naar ${to}.`
      : `This changes the decision from ${from} to ${to}.`,
  ];
  lines.push(...changeLines(dir, preview.change));
  const word = nl ? CONFIRM_WORD : CONFIRM_EN;
  const where = preview.locationId ? ` ${preview.locationId}` : "";
  const command = `${prefix} ${nl ? "besluit" : "decide"} ${preview.situation}${where}`;
  lines.push(
    reason
      ? nl
        ? `Zeker? Bevestig met: ${command} ${reason} ${word}`
        : `Sure? Confirm with: ${command} ${reason} ${word}`
      : nl
        ? `Een wijziging vraagt een reden. Bevestig met: ${command} <reden> ${word}`
        : `A change needs a reason. Confirm with: ${command} <reason> ${word}`,
  );
  return lines.join("\n");
}

/** What stays open when the incident closes now, and how to confirm closing anyway. */
export function closeWithOpenWorkText(
  dir: PlanDirectory,
  open: Task[],
  note: string | undefined,
  prefix: string,
): string {
  const nl = dir.locale === "nl";
  const word = nl ? CONFIRM_WORD : CONFIRM_EN;
  const command = `${prefix} stop${note ? ` ${note}` : ""} ${word}`;
  return [
    nl
      ? `Er ${open.length === 1 ? "staat nog 1 taak" : `staan nog ${open.length} taken`} open; ze blijven open in de review:`
      : `${open.length === 1 ? "1 task is" : `${open.length} tasks are`} still open; they stay open in the review:`,
    ...open.map((t) => `• ${taskLine(dir, t)}`),
    nl ? `Toch afsluiten? Bevestig met: ${command}` : `Close anyway? Confirm with: ${command}`,
  ].join("\n");
}
