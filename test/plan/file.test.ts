import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlanFile } from "../../src/plan/load.ts";
import { expectProblem } from "./expect-problem.ts";
import { SAMPLE_TEXT } from "./plan-text.ts";
import { FILE_CASES } from "./shape-cases.ts";

describe("reading the YAML", () => {
  it.each(FILE_CASES)("$name → $code", (c) => expectProblem(c));
});

describe("loadPlanFile", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ramp-plan-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reports a file that does not exist as unreadable", async () => {
    const result = await loadPlanFile(path.join(dir, "bestaat-niet.yaml"));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "file.unreadable", path: [] });
    expect(String(problems[0]?.params.detail)).toContain("ENOENT");
    expect(problems[0]?.line).toBeUndefined();
  });

  it("reports a directory as unreadable", async () => {
    const result = await loadPlanFile(dir);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(["file.unreadable"]);
  });

  it("loads a copy of the sample plan, with the same hash for the same text", async () => {
    const file = path.join(dir, "kopie.yaml");
    await writeFile(file, SAMPLE_TEXT);
    const first = await loadPlanFile(file);
    const second = await loadPlanFile(file);
    expect(first.ok && second.ok && first.hash === second.hash).toBe(true);
  });
});
