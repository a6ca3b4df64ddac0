// Checks of the practice schedule that its shape alone cannot make.
import { formatDurationMinutes } from "./duration.ts";
import { CADENCE_MONTHS, clockMinutes } from "./practice-schema.ts";
import { type PlanProblem, problem } from "./problems.ts";
import type { Plan } from "./schema.ts";

const MIN_WINDOW = 5;
const MAX_WINDOW = 24 * 60;

export function checkPractice(plan: Plan, problems: PlanProblem[]): void {
  const test = plan.practice.reachabilityTest;
  const base = ["practice", "reachabilityTest"];
  if (clockMinutes(test.from) >= clockMinutes(test.until)) {
    problems.push(
      problem("practice.hours", [...base, "until"], { from: test.from, until: test.until }),
    );
  }
  if (test.window < MIN_WINDOW || test.window > MAX_WINDOW) {
    problems.push(
      problem("practice.window", [...base, "window"], {
        value: formatDurationMinutes(test.window),
        tooShort: test.window < MIN_WINDOW ? 1 : 0,
      }),
    );
  }
  if (test.automatic && !test.every) {
    problems.push(problem("practice.automaticWithoutCadence", [...base, "automatic"]));
  }
  const exercise = plan.practice.exercise;
  if (exercise.every && exercise.remindBefore >= CADENCE_MONTHS[exercise.every] * 28 * 24 * 60) {
    problems.push(
      problem("practice.remindTooEarly", ["practice", "exercise", "remindBefore"], {
        value: formatDurationMinutes(exercise.remindBefore),
      }),
    );
  }
}
