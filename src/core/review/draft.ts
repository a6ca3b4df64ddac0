// What an automatic answer returns, and small helpers the answer files share.
import { CLASSIFICATIONS, type Classification, type SituationId } from "../../plan/schema.ts";
import { Labels } from "../views/labels.ts";
import { type Analysis, actorName } from "./analysis.ts";
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

/** Beyond this many notes under one question, the rest is left to the timeline appendix. */
export const MAX_LISTED_NOTES = 50;

/** Notes the team logged, one fact each: when and who, then the text. */
export function noteFacts(a: Analysis, notes: Note[]): ReviewFact[] {
  const listed = notes.slice(0, MAX_LISTED_NOTES).map((note) => ({
    label: `${a.when(note.at)} — ${actorName(a, note.actorId)}`,
    value: note.correctedAt
      ? `${note.text} ${a.say(`(gecorrigeerd ${a.when(note.correctedAt)})`, `(corrected ${a.when(note.correctedAt)})`)}`
      : note.text,
    seq: note.seq,
  }));
  const rest = notes.length - listed.length;
  if (rest === 0) return listed;
  return [
    ...listed,
    {
      label: "…",
      value: a.say(
        `nog ${rest} ${rest === 1 ? "regel" : "regels"}: zie de tijdlijn in de bijlage`,
        `${rest} more ${rest === 1 ? "entry" : "entries"}: see the timeline in the appendix`,
      ),
    },
  ];
}

/** A question the team answers with /ramp log #tag: those notes, or open when there are none. */
export function fromNotes(a: Analysis, notes: Note[], tag: string): Draft {
  if (notes.length === 0) {
    return open(a.say(`Niets gelogd met #${tag}.`, `Nothing logged with #${tag}.`));
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

/** A level's name in the plan's language; timeline data is untyped, so unknown values pass through. */
export function classificationLabel(a: Analysis, level: unknown): string {
  const labels = new Labels(a.locale);
  return CLASSIFICATIONS.includes(level as Classification)
    ? labels.classification(level as Classification)
    : String(level);
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
    sms: "sms",
    system: "Ramp",
  };
  return labels[source] ?? source;
}

/** The timeline reference of a fact, when there is an entry to point at. */
export function seqOf(entry: { seq: number } | undefined): { seq?: number } {
  return entry ? { seq: entry.seq } : {};
}

/** "Situatie B – voortzetting …" as the plan names it, with the letter in front when the name lacks it. */
export function situationLabel(a: Analysis, situation: SituationId): string {
  const name = a.dir.situation(situation).name;
  const letter = `${a.say("Situatie", "Situation")} ${situation}`;
  return name.toLowerCase().startsWith(letter.toLowerCase()) ? name : `${letter}: ${name}`;
}
