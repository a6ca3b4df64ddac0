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
  /** Tables that belong under this heading (the plan document's crisis staff list). */
  tables?: DocumentTable[];
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

export interface DocumentTable {
  id: string;
  title: string;
  columns: string[];
  rows: string[][];
  /** Shown instead of an empty table. */
  empty: string;
}

export interface ReviewTable extends DocumentTable {
  id: ReviewTableId;
}

export interface DocumentSection {
  id: string;
  title: string;
  /** Paragraphs under the section's heading, before its answers. */
  intro?: string[];
  answers: ReviewAnswer[];
  /** The overviews the section's answers refer to, each placed once in the whole document. */
  tables: DocumentTable[];
}

export interface ReviewSection extends DocumentSection {
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
  /**
   * A line on every page (Word's page header, a running header when the HTML is printed, top
   * and bottom of the Markdown): the plan copy's "Vertrouwelijk — exemplaar van …".
   */
  pageHeader?: string;
  generatedBy: string;
}

/**
 * What the three renderers (Markdown, HTML, Word) lay out: the review (and an exercise's
 * oefenverslag, a reachability test's result), and the crisis plan as a document and as a crisis
 * card. One model, so every document Ramp hands out looks and behaves the same. Plain data only
 * (no functions or class instances): it is posted to the render worker
 * (src/review/render-pool.ts), which receives a structured clone.
 */
export interface DocumentModel {
  /** Set for an exercise's report (oefenverslag): every renderer shows OEFENING first. */
  exercise?: ExerciseMark;
  locale: Locale;
  timeZone: string;
  title: string;
  subtitle: string;
  organisation: string;
  generatedAt: string;
  intro: string[];
  summary: ReviewFact[];
  sections: DocumentSection[];
  overviews: DocumentTable[];
  decisions?: { title: string; table: DocumentTable };
  appendix?: {
    title: string;
    verification: { ok: boolean; text: string };
    timeline: DocumentTable;
  };
  /** "card": everything on one page (the crisis card); smaller type, narrow margins. */
  layout?: "document" | "card";
  chrome: ReviewChrome;
}

export interface Review extends DocumentModel {
  incident: { id: string; number: string; description: string; status: "active" | "closed" };
  /** Says this is a first draft from the timeline and what is left to people. */
  intro: string[];
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
}
