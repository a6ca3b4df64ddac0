// Helpers for plan tests: the sample plan's text, small edits to it, and where things stand in it.
import { readFileSync } from "node:fs";
import { type Document, parse, parseDocument } from "yaml";
import { parsePlan, SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import type { Params, PlanProblem, ProblemCode } from "../../src/plan/problems.ts";
import type { PlanInput, SituationId } from "../../src/plan/schema.ts";

export const SAMPLE_TEXT = readFileSync(SAMPLE_PLAN_PATH, "utf8");
const SAMPLE = parse(SAMPLE_TEXT) as PlanInput;

/** The sample plan's text after an edit of its YAML document (comments are kept). */
export function mutate(edit: (doc: Document) => void): string {
  const doc = parseDocument(SAMPLE_TEXT);
  edit(doc);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Errors of a plan that does not load, or warnings of one that does. */
export function problemsOf(source: string): PlanProblem[] {
  const result = parsePlan(source);
  return result.ok ? result.warnings : result.problems;
}

/**
 * 1-based number of the line holding the last needle, each needle searched from the line
 * of the previous one on: `lineOf(text, "id: keuken", "alternates:")`.
 */
export function lineOf(source: string, ...needles: string[]): number {
  const lines = source.split("\n");
  let at = 0;
  for (const needle of needles) {
    const found = lines.findIndex((line, i) => i >= at && line.includes(needle));
    if (found < 0) throw new Error(`"${needle}" not found after line ${at + 1}`);
    at = found;
  }
  return at + 1;
}

type ListWithIds = "people" | "functions" | "suppliers" | "fallbackLocations";

/** Position of an item in one of the sample plan's top-level lists. */
export function indexOf(list: ListWithIds, id: string): number {
  return position(SAMPLE[list] ?? [], id, list);
}

export function taskIndex(situation: SituationId, id: string): number {
  return position(SAMPLE.situations[situation].tasks, id, `situations.${situation}.tasks`);
}

export function serviceIndex(situation: SituationId, id: string): number {
  return position(SAMPLE.situations[situation].services, id, `situations.${situation}.services`);
}

export function countOf(list: ListWithIds): number {
  return (SAMPLE[list] ?? []).length;
}

function position(items: ReadonlyArray<{ id: string }>, id: string, where: string): number {
  const i = items.findIndex((item) => item.id === id);
  if (i < 0) throw new Error(`no "${id}" in ${where} of the sample plan`);
  return i;
}

/** A plan text and the one problem it must produce; path as formatPath writes it. */
export interface ProblemCase {
  name: string;
  source: string;
  code: ProblemCode;
  path: string;
  params?: Params;
  line?: number;
  column?: number;
  /** Warnings leave the plan loadable. */
  severity?: "warning";
}

/** A case made by editing the sample plan; the expectation may look up lines in the edited text. */
export function edit(
  name: string,
  change: (doc: Document) => void,
  expected: (source: string) => Omit<ProblemCase, "name" | "source">,
): ProblemCase {
  const source = mutate(change);
  return { name, source, ...expected(source) };
}
