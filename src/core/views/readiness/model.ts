// The readiness view: while no incident runs, whether the crisis team could be assembled now.
// Plain data in the plan's language, assembled from small sections (build.ts) and rendered by
// every adapter the same generic way: a headline, one glance line per section, then the sections.
import type { EngineContext } from "../../context.ts";
import type { Fact } from "../types.ts";
import type { Viewer } from "../viewer.ts";
import type { ReadinessSources } from "./sources.ts";

/** Shown by text and shape on every platform, never by colour alone. */
export type ReadinessLevel = "ok" | "attention" | "problem";

/** One line under a row: a person in a function's chain, a hint to a warning. */
export interface ReadinessLine {
  text: string;
  /** The person the line is about, where it is about one (for the list of numbers to call). */
  person?: string;
  /** Absent for a line that only explains (a hint): it is shown without a mark. */
  level?: ReadinessLevel;
  /**
   * A number to call. Personal data: only in the view of the coordinator and the deputies,
   * and removed by `shareableReadiness` wherever more people read.
   */
  phone?: string;
}

/** One thing the section checks: a function, a holder's copy, a warning of the plan check. */
export interface ReadinessRow {
  label: string;
  value: string;
  level: ReadinessLevel;
  lines: ReadinessLine[];
}

export interface ReadinessSection {
  /** Stable: adapters use it for anchors; "plan", "functions", "practice", "copies". */
  id: string;
  title: string;
  level: ReadinessLevel;
  /** The section in one sentence: its line at a glance. */
  summary: string;
  facts: Fact[];
  rows: ReadinessRow[];
  /** Column headings for the rows (label, value), when the rows form a table. */
  columns?: { label: string; value: string };
}

export interface ReadinessView {
  kind: "readiness";
  title: string;
  /** The worst level of any section. */
  level: ReadinessLevel;
  /** The answer at a glance: "Klaar: …" / "Niet klaar: …". */
  headline: string;
  /** "Stand van 30-11-2026 12:05" in the plan's time zone. */
  asOf: string;
  sections: ReadinessSection[];
}

/** What a section builder gets: the engine, who is reading, and data loaded once per view. */
export interface ReadinessInput {
  ctx: EngineContext;
  viewer: Viewer;
  now: Date;
  sources: ReadinessSources;
  nl: boolean;
}

/** A section, or null when it has nothing to say to this reader (it is then left out). */
export type ReadinessSectionBuilder = (input: ReadinessInput) => Promise<ReadinessSection | null>;

/** The level in words, next to its mark on every platform. */
export function levelWord(level: ReadinessLevel, nl: boolean): string {
  const words = {
    ok: ["in orde", "fine"],
    attention: ["aandacht", "attention"],
    problem: ["probleem", "problem"],
  } as const;
  return words[level][nl ? 0 : 1];
}

/** The level's mark in the chat platforms' text, always beside its word. */
export const LEVEL_EMOJI: Record<ReadinessLevel, string> = {
  ok: "✅",
  attention: "⚠️",
  problem: "❌",
};

const ORDER: Record<ReadinessLevel, number> = { ok: 0, attention: 1, problem: 2 };

export function worst(levels: ReadinessLevel[]): ReadinessLevel {
  return levels.reduce<ReadinessLevel>((a, b) => (ORDER[b] > ORDER[a] ? b : a), "ok");
}

/** Rows a chat reply lists per section; the board lists them all. */
export const CHAT_ROWS = 5;

/** The rows not in order, as far as a chat reply lists them, and how many more the board has. */
export function rowsForChat(section: ReadinessSection): { rows: ReadinessRow[]; more: number } {
  const open = section.rows.filter((r) => r.level !== "ok");
  return { rows: open.slice(0, CHAT_ROWS), more: Math.max(0, open.length - CHAT_ROWS) };
}

/** The lines of a listed row a chat reply shows: those not in order (hints stay on the board). */
export function linesForChat(row: ReadinessRow): ReadinessLine[] {
  return row.lines.filter((l) => l.level && l.level !== "ok");
}

/** "…en 12 meer op het crisisbord." */
export function moreOnBoard(more: number, nl: boolean): string {
  return nl ? `…en ${more} meer op het crisisbord.` : `…and ${more} more on the crisis board.`;
}
