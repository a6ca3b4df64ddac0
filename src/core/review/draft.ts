// What an automatic answer returns, and small helpers the answer files share.
import type { Classification } from "../../plan/schema.ts";
import { Labels } from "../views/labels.ts";
import { actorName, type Analysis } from "./analysis.ts";
import type { AnswerStatus, ReviewFact, ReviewTableId } from "./model.ts";
import type { Note } from "./notes.ts";

export interface Draft {
  status: AnswerStatus;
  text: string[];
  facts?: ReviewFact[];
  chosenOption?: number | null;
  /** Overviews this answer refers to; each is placed with the first answer that asks for it. */
  tables?: ReviewTableId[];
  /** What exactly is left to the team, when more specific than the status says. */
  note?: string;
}

export interface PlanQuestion {
  id: string;
  text: string;
  options?: string[] | undefined;
}

export type Answerer = (a: Analysis, question: PlanQuestion) => Draft;

export const open = (note?: string, facts: ReviewFact[] = []): Draft => ({
  status: "open",
  text: [],
  facts,
  ...(note ? { note } : {}),
});

/** Notes the team logged, one fact each: when and who, then the text. */
export function noteFacts(a: Analysis, notes: Note[]): ReviewFact[] {
  return notes.map((note) => ({
    label: `${a.when(note.at)} — ${actorName(a, note.actorId)}`,
    value: note.correctedAt
      ? `${note.text} ${a.say(`(gecorrigeerd ${a.when(note.correctedAt)})`, `(corrected ${a.when(note.correctedAt)})`)}`
      : note.text,
    seq: note.seq,
  }));
}

/** A question the team answers with /ramp log #tag: those notes, or open when there are none. */
export function fromNotes(a: Analysis, notes: Note[], tag: string): Draft {
  if (notes.length === 0) {
    return open(
      a.say(
        `Niets gelogd met #${tag}; in te vullen door het team.`,
        `Nothing logged with #${tag}; to be completed by the team.`,
      ),
    );
  }
  return {
    status: "answered",
    text: [
      a.say(
        `Gelogd door het team (#${tag}, ${notes.length} ${notes.length === 1 ? "regel" : "regels"}):`,
        `Logged by the team (#${tag}, ${notes.length} ${notes.length === 1 ? "entry" : "entries"}):`,
      ),
    ],
    facts: noteFacts(a, notes),
  };
}

export function classificationLabel(a: Analysis, level: Classification): string {
  return new Labels(a.locale).classification(level);
}

/** "Pieter Declercq (Algemeen directeur)". */
export function personWithTitle(a: Analysis, personId: string | null): string {
  if (!personId) return "Ramp";
  const title = a.dir.person(personId)?.title;
  return title ? `${a.dir.name(personId)} (${title})` : a.dir.name(personId);
}

/** "(2 u 15 min na de melding)". */
export function afterDeclaration(a: Analysis, at: Date): string {
  const ms = at.getTime() - a.data.incident.declaredAt.getTime();
  return a.say(`${a.span(ms)} na de melding`, `${a.span(ms)} after the declaration`);
}

export const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function sourceLabel(a: Analysis, source: string): string {
  const labels: Record<string, string> = {
    slack: "Slack",
    teams: "Microsoft Teams",
    web: a.say("de webpagina", "the web page"),
    cli: a.say("de opdrachtregel", "the command line"),
    system: "Ramp",
  };
  return labels[source] ?? source;
}

/** The timeline reference of a fact, when there is an entry to point at. */
export function seqOf(entry: { seq: number } | undefined): { seq?: number } {
  return entry ? { seq: entry.seq } : {};
}
