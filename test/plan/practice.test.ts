import { describe, expect, it } from "vitest";
import { describeProblem } from "../../src/plan/problems.ts";
import { expectProblem } from "./expect-problem.ts";
import { problemsOf } from "./plan-text.ts";
import { PRACTICE_CASES, PRACTICE_SHAPE_CASES } from "./practice-cases.ts";

describe("plan check: the practice schedule", () => {
  it.each([...PRACTICE_CASES, ...PRACTICE_SHAPE_CASES])("$name → $code at $path", (c) =>
    expectProblem(c),
  );

  it("says in Dutch what is wrong with the hours and how to write them", () => {
    const hours = problemsOf(PRACTICE_CASES[0]!.source)[0]!;
    expect(describeProblem(hours, "nl").message).toBe(
      "het begin (09:00) ligt niet vóór het einde (08:00)",
    );
    const format = problemsOf(PRACTICE_SHAPE_CASES[0]!.source)[0]!;
    expect(describeProblem(format, "nl")).toEqual({
      message: '"9u" is geen geldige uur',
      hint: 'Schrijf een uur als UU:MM tussen aanhalingstekens, bv. "09:00".',
    });
  });
});

describe("chat: /ramp test", () => {
  it("starts, stops, and explains a wrong word", async () => {
    const { parseChatCommand } = await import("../../src/core/chat/parse.ts");
    expect(parseChatCommand("/ramp test")).toEqual({ kind: "test", stop: false });
    expect(parseChatCommand("alarmeringstest")).toEqual({ kind: "test", stop: false });
    expect(parseChatCommand("test stop")).toEqual({ kind: "test", stop: true });
    expect(parseChatCommand("test afsluiten")).toEqual({ kind: "test", stop: true });
    expect(parseChatCommand("test morgen")).toEqual({
      kind: "invalid",
      word: "morgen",
      problem: "bad-argument",
      usage: "test [stop]",
    });
  });
});
