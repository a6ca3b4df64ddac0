import { describe, expect, it } from "vitest";
import { parsePlan } from "../../src/plan/load.ts";
import { describeProblem } from "../../src/plan/problems.ts";
import { expectProblem } from "./expect-problem.ts";
import { SHAPE_CASES } from "./shape-cases.ts";

describe("shape of the plan file", () => {
  it.each(SHAPE_CASES)("$name → $code at $path", (c) => expectProblem(c));

  it("says 'did you mean' for a misspelt field", () => {
    const c = SHAPE_CASES.find((s) => s.name === "unknown field with a did-you-mean")!;
    const result = parsePlan(c.source);
    expect(result.ok).toBe(false);
    const [problem] = result.ok ? [] : result.problems;
    expect(describeProblem(problem!, "nl")).toEqual({
      message: 'onbekend veld "mobiel"',
      hint: 'Bedoelde u "mobile"?',
    });
    expect(describeProblem(problem!, "en").hint).toBe('Did you mean "mobile"?');
  });
});
