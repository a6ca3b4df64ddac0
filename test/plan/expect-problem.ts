// Asserts that a case's source yields exactly its problem, at its path and line.
import { expect } from "vitest";
import { parsePlan } from "../../src/plan/load.ts";
import { formatPath } from "../../src/plan/problems.ts";
import type { ProblemCase } from "./plan-text.ts";

export function expectProblem(c: ProblemCase): void {
  const result = parsePlan(c.source);
  if (c.severity === "warning") {
    expect(result.ok).toBe(true);
  } else {
    expect(result.ok).toBe(false);
  }
  const problems = result.ok ? result.warnings : result.problems;
  expect(problems.map((p) => `${p.code} at ${formatPath(p.path)}`)).toEqual([
    `${c.code} at ${c.path}`,
  ]);
  const [problem] = problems;
  expect(problem?.severity).toBe(c.severity ?? "error");
  if (c.params) expect(problem?.params).toEqual(c.params);
  expect(problem?.line).toBe(c.line);
  if (c.column !== undefined) expect(problem?.column).toBe(c.column);
}
