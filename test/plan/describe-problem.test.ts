import { describe, expect, it } from "vitest";
import { loadPlanFile, parsePlan } from "../../src/plan/load.ts";
import { describeProblem, type PlanProblem, type ProblemCode } from "../../src/plan/problems.ts";
import { LOCALES } from "../../src/plan/schema.ts";
import { PRACTICE_CASES } from "./practice-cases.ts";
import { REFERENCE_CASES, WARNING_CASES } from "./reference-cases.ts";
import { FILE_CASES, SHAPE_CASES } from "./shape-cases.ts";

/** Every code of the catalog; the type makes this list fail to compile when a code is added. */
const ALL_CODES = Object.keys({
  "file.unreadable": 1,
  "yaml.syntax": 1,
  "yaml.empty": 1,
  "shape.missing": 1,
  "shape.type": 1,
  "shape.unknownField": 1,
  "shape.enum": 1,
  "shape.format": 1,
  "shape.tooFew": 1,
  "shape.count": 1,
  "shape.number": 1,
  "shape.literal": 1,
  "shape.other": 1,
  "ref.person": 1,
  "ref.function": 1,
  "ref.service": 1,
  "duplicate.id": 1,
  "task.sameAsUnknown": 1,
  "task.sameAsTwice": 1,
  "task.sameAsMismatch": 1,
  "function.noAlternate": 1,
  "function.alternateIsHolder": 1,
  "coordination.emptyCrisisStaff": 1,
  "coordination.deputyIsCoordinator": 1,
  "situation.rtoBeyondTarget": 1,
  "situation.deadlineBeyondTarget": 1,
  "situation.serviceWithoutTask": 1,
  "classification.levels": 1,
  "reminders.duplicateLeadTime": 1,
  "person.unreachable": 1,
  "practice.hours": 1,
  "practice.window": 1,
  "practice.automaticWithoutCadence": 1,
  "practice.remindTooEarly": 1,
  "scenario.injectTarget": 1,
  "scenario.injectAtStart": 1,
} satisfies Record<ProblemCode, 1>) as ProblemCode[];

let produced: Promise<PlanProblem[]> | undefined;
const producedProblems = () => {
  produced ??= collectProblems();
  return produced;
};

async function collectProblems(): Promise<PlanProblem[]> {
  const cases = [
    ...FILE_CASES,
    ...SHAPE_CASES,
    ...REFERENCE_CASES,
    ...WARNING_CASES,
    ...PRACTICE_CASES,
  ];
  const problems = cases.flatMap((c) => {
    const result = parsePlan(c.source);
    return result.ok ? result.warnings : result.problems;
  });
  const unreadable = await loadPlanFile("/nonexistent/ramp/plan.yaml");
  if (!unreadable.ok) problems.push(...unreadable.problems);
  return problems;
}

describe("describeProblem", () => {
  it("the test cases produce every problem code", async () => {
    const codes = new Set((await producedProblems()).map((p) => p.code));
    expect([...codes].sort()).toEqual([...ALL_CODES].sort());
  });

  it("renders a message and a hint in Dutch and English for every problem produced", async () => {
    for (const problem of await producedProblems()) {
      for (const locale of LOCALES) {
        const { message, hint } = describeProblem(problem, locale);
        const where = `${problem.code} (${locale})`;
        expect(message.trim(), where).not.toBe("");
        expect(hint.trim(), where).not.toBe("");
        expect(`${message} ${hint}`, where).not.toMatch(/undefined|NaN|\[object /);
      }
    }
  });

  it("speaks Dutch and English differently", async () => {
    const [problem] = (await producedProblems()).filter((p) => p.code === "function.noAlternate");
    expect(describeProblem(problem!, "nl").message).toBe('functie "keuken" heeft geen vervanger');
    expect(describeProblem(problem!, "en").message).toBe('function "keuken" has no alternate');
  });
});
