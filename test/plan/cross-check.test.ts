import { describe, expect, it } from "vitest";
import { parsePlan } from "../../src/plan/load.ts";
import { describeProblem } from "../../src/plan/problems.ts";
import { expectProblem } from "./expect-problem.ts";
import { REFERENCE_CASES, WARNING_CASES } from "./reference-cases.ts";

describe("cross-check: references between sections", () => {
  it.each(REFERENCE_CASES)("$name → $code at $path", (c) => expectProblem(c));
});

describe("cross-check: warnings keep the plan loadable", () => {
  it.each(WARNING_CASES)("$name → $code at $path", (c) => expectProblem(c));
});

function only(name: string) {
  const c = REFERENCE_CASES.find((r) => r.name === name);
  if (!c) throw new Error(name);
  const result = parsePlan(c.source);
  if (result.ok || !result.problems[0]) throw new Error(`${name}: no problem`);
  return result.problems[0];
}

describe("cross-check hints", () => {
  it("lists the situation's services for a task with an unknown service", () => {
    const { hint } = describeProblem(only("task for a service the situation does not have"), "nl");
    expect(hint).toBe(
      "Diensten van situatie A: dienstverlening, administratie, sociale-dienst, verhuur-residentie, ondersteunende-diensten.",
    );
  });

  it("names the first occurrence of a duplicate task id", () => {
    const problem = only("task id used in both situations");
    expect(describeProblem(problem, "en").hint).toContain(
      `already used at ${problem.params.first}`,
    );
    expect(String(problem.params.first)).toMatch(/^situations\.A\.tasks\[\d+\]$/);
  });

  it("suggests the closest person id", () => {
    const { hint } = describeProblem(only("unknown person as coordinator"), "nl");
    expect(hint).toContain('bedoelde u "pieter-declercq"?');
  });
});
