import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";

function capture() {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(...args: string[]) {
  const out = capture();
  const err = capture();
  const code = await runCli(args, out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

function planFile(content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-cli-"));
  const file = path.join(dir, "plan.yaml");
  writeFileSync(file, content);
  return file;
}

describe("ramp plan check", () => {
  it("accepts the sample plan and prints a summary", async () => {
    const result = await run("plan", "check", SAMPLE_PLAN_PATH);
    expect(result.code).toBe(0);
    expect(result.out).toContain("het plan is in orde");
    expect(result.out).toMatch(/personen: \d+, functies: \d+, crisisstaf: \d+ functies/);
    expect(result.out).toMatch(
      /situatie A \(.*, 72 h\): 5 diensten, \d+ taken \(\d+ technisch, \d+ organisatorisch\)/,
    );
    expect(result.out).toMatch(/situatie B \(.*, 48 h\): 5 diensten/);
  });

  it("summarises in English on request", async () => {
    const result = await run("plan", "check", SAMPLE_PLAN_PATH, "--lang", "en");
    expect(result.code).toBe(0);
    expect(result.out).toContain("the plan is valid");
    expect(result.out).toMatch(/situation A .*: 5 services/);
  });

  it("rejects a broken plan with the place of every problem and a hint, exit code 1", async () => {
    const file = planFile("format: 1\norganisation:\n  id: x\n  name: X\n  locale: fr\n");
    const result = await run("plan", "check", file, "--lang", "en");
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${file}:5:11 organisation.locale: invalid value "fr"`);
    expect(result.err).toContain("hint: Choose one of: nl, en.");
    expect(result.err).toContain(`${file}:1:1 people: required field is missing`);
    expect(result.err).toMatch(/\d+ problems found, the plan cannot be used/);
  });

  it("gives line and column for invalid YAML", async () => {
    const file = planFile("format: 1\npeople:\n  - id: a\n   name: b\n");
    const result = await run("plan", "check", file);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`${file}:4:\\d+ \\(plan\\): ongeldige YAML`));
  });

  it("refuses an unknown command with the usage, exit code 2", async () => {
    const result = await run("plan", "fix");
    expect(result.code).toBe(2);
    expect(result.err).toContain("Onbekend commando / unknown command: plan fix");
    expect(result.err).toContain("ramp plan check");
  });

  it("refuses a bad --lang", async () => {
    expect((await run("plan", "check", "--lang", "fr")).code).toBe(2);
  });
});
