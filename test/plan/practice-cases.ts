// One small edit of the sample plan's practice schedule per problem it can have.
import { edit, lineOf, type ProblemCase } from "./plan-text.ts";

const TEST = ["practice", "reachabilityTest"];

export const PRACTICE_CASES: ProblemCase[] = [
  edit(
    "test hours that end before they begin",
    (d) => d.setIn([...TEST, "until"], "08:00"),
    (s) => ({
      code: "practice.hours",
      path: "practice.reachabilityTest.until",
      params: { from: "09:00", until: "08:00" },
      line: lineOf(s, "reachabilityTest:", "until:"),
    }),
  ),
  edit(
    "a test window of one minute",
    (d) => d.setIn([...TEST, "window"], "1m"),
    (s) => ({
      code: "practice.window",
      path: "practice.reachabilityTest.window",
      params: { value: "1m", tooShort: 1 },
      line: lineOf(s, "reachabilityTest:", "window:"),
    }),
  ),
  edit(
    "automatic tests without a cadence",
    (d) => d.deleteIn([...TEST, "every"]),
    (s) => ({
      code: "practice.automaticWithoutCadence",
      path: "practice.reachabilityTest.automatic",
      line: lineOf(s, "reachabilityTest:", "automatic:"),
    }),
  ),
  edit(
    "an exercise reminder longer than the cadence",
    (d) => d.setIn(["practice", "exercise", "remindBefore"], "400d"),
    (s) => ({
      code: "practice.remindTooEarly",
      path: "practice.exercise.remindBefore",
      params: { value: "9600h" },
      line: lineOf(s, "exercise:", "remindBefore:"),
    }),
  ),
];

/** Shape problems of the section, reported like every other field. */
export const PRACTICE_SHAPE_CASES: ProblemCase[] = [
  edit(
    "a start time written without a colon",
    (d) => d.setIn([...TEST, "from"], "9u"),
    (s) => ({
      code: "shape.format",
      path: "practice.reachabilityTest.from",
      params: { format: "clockTime", value: "9u" },
      line: lineOf(s, "reachabilityTest:", "from:"),
    }),
  ),
  edit(
    "an unknown cadence",
    (d) => d.setIn([...TEST, "every"], "week"),
    (s) => ({
      code: "shape.enum",
      path: "practice.reachabilityTest.every",
      line: lineOf(s, "reachabilityTest:", "every:"),
    }),
  ),
  edit(
    "an unknown weekday",
    (d) => d.setIn([...TEST, "days", 0], "maandag"),
    (s) => ({
      code: "shape.enum",
      path: "practice.reachabilityTest.days[0]",
      line: lineOf(s, "reachabilityTest:", "days:"),
    }),
  ),
];
