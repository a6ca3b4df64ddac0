// Problems found in a plan file, each with the path where it stands, and the
// words (Dutch and English) that tell the plan's author what is wrong and how to fix it.
import { CATALOG, type Wording } from "./problem-catalog.ts";
import type { Locale } from "./schema.ts";

export { closest } from "./closest.ts";
export type ProblemCode = keyof typeof CATALOG;

export type PlanPath = ReadonlyArray<string | number>;
export type Params = Record<string, string | number>;

export interface PlanProblem {
  code: ProblemCode;
  severity: "error" | "warning";
  path: PlanPath;
  params: Params;
  /** 1-based position in the file, when known. */
  line?: number;
  column?: number;
}

/** `situations.A.tasks[3].service` */
export function formatPath(path: PlanPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out === "" ? "(plan)" : out;
}

export function describeProblem(
  problem: PlanProblem,
  locale: Locale,
): { message: string; hint: string } {
  const wording: Wording = CATALOG[problem.code][locale];
  return { message: wording.message(problem.params), hint: wording.hint(problem.params) };
}

export function problem(
  code: ProblemCode,
  path: PlanPath,
  params: Params = {},
  severity: PlanProblem["severity"] = "error",
): PlanProblem {
  return { code, severity, path, params };
}
