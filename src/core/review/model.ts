// The post-incident review (incident plan step 6) as platform-neutral data. Every string is
// already in the plan's language and every time in its time zone, so a renderer (Markdown, HTML,
// Word) only lays it out and never decides what to say.
import type { Locale } from "../../plan/schema.ts";
import type { ExerciseMark } from "../model.ts";

/** One figure an answer rests on; `seq` points at the timeline entry it comes from. */
export interface ReviewFact {
  label: string;
  value: string;
  seq?: number;
}

/**
 * answered: written entirely from what Ramp recorded.
 * partial: the figures are there, the judgement is the team's.
 * open: nothing recorded answers it; the team fills it in.
 */
export type AnswerStatus = "answered" | "partial" | "open";

export interface ReviewAnswer {
  questionId: string;
  /** The question as the plan words it (from the seed's questionnaire). */
  question: string;
  /** The plan's options for a multiple-choice question, in order. */
  options: string[];
  /** The option the data points to (e.g. the RTO verdict), or null when it is the team's call. */
  chosenOption: number | null;
  status: AnswerStatus;
  /** Paragraphs written from the data; empty for an open question. */
  text: string[];
  facts: ReviewFact[];
  /** For partial and open answers: what is left to the team. */
  note: string | null;
}

export type ReviewTableId =
  | "tasks"
  | "resources"
  | "services"
  | "communications"
  | "paging"
  | "decisions"
  | "timeline"
  /** A reachability test's result, laid out by the same renderers (core/practice/document.ts). */
  | "reachability-functions"
  | "reachability-people"
  | "reachability-channels"
  | "reachability-answers"
  | "reachability-trend"
  /** An exercise's injects and what followed each (the oefenverslag). */
  | "injects";

export interface ReviewTable {
  id: ReviewTableId;
  title: string;
  columns: string[];
  rows: string[][];
  /** Shown instead of an empty table. */
  empty: string;
}

export interface ReviewSection {
  id: string;
  title: string;
  answers: ReviewAnswer[];
  /** The overviews the section's answers refer to, each placed once in the whole review. */
  tables: ReviewTable[];
}

/** Words the renderers need around the content. */
export interface ReviewChrome {
  statusLabel: Record<AnswerStatus, string>;
  /** Before a timeline reference: "tijdlijn" → "tijdlijn #12". */
  source: string;
  /** After the option the data points to. */
  chosen: string;
  summaryTitle: string;
  overviewsTitle: string;
  pageFooter: string;
  generatedBy: string;
}

export interface Review {
  /** Set for an exercise's report (oefenverslag): every renderer shows OEFENING first. */
  exercise?: ExerciseMark;
  locale: Locale;
  timeZone: string;
  title: string;
  subtitle: string;
  organisation: string;
  incident: { id: string; number: string; description: string; status: "active" | "closed" };
  generatedAt: string;
  /** Says this is a first draft from the timeline and what is left to people. */
  intro: string[];
  summary: ReviewFact[];
  /** In the order of the plan's review.sections. */
  sections: ReviewSection[];
  /** Overviews no question of the plan asked for, kept so nothing recorded is lost. */
  overviews: ReviewTable[];
  /** The besluitenlijst. */
  decisions: { title: string; table: ReviewTable };
  appendix: {
    title: string;
    verification: { ok: boolean; text: string };
    timeline: ReviewTable;
  };
  chrome: ReviewChrome;
}
