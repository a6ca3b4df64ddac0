import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { reviewCommand } from "../../src/cli/review.ts";
import type { Incident } from "../../src/core/model.ts";
import { openDatabase } from "../../src/store/database.ts";
import { COORDINATOR } from "../core/fixtures.ts";
import { createTestEngine } from "../support/engine.ts";
import { docxParagraphs } from "./helpers.ts";
import { min } from "./scenario.ts";

function capture() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

describe("ramp review", () => {
  let dir: string;
  let env: Record<string, string>;
  let incident: Incident;

  async function run(...args: string[]) {
    const out = capture();
    const err = capture();
    const code = await reviewCommand(args, out.stream, err.stream, env);
    return { code, out: out.text(), err: err.text() };
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "ramp-review-cli-"));
    env = { DATABASE_URL: `file:${path.join(dir, "ramp.db")}` };
    const db = await openDatabase(env.DATABASE_URL!);
    try {
      const t = await createTestEngine(db);
      incident = await t.engine.declare(t.as(COORDINATOR), {
        classification: "groot",
        scope: "totaal",
        description: "Overstroming kelder",
      });
      t.clock.set(min(20));
      await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
      t.clock.set(min(60));
      await t.engine.close(t.as(COORDINATOR), incident.id);
    } finally {
      await db.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the Markdown review of an incident given by number or id, from DATABASE_URL and the sample plan", async () => {
    const byNumber = await run("2026-001");
    expect(byNumber.err).toBe("");
    expect(byNumber.code).toBe(0);
    expect(byNumber.out.startsWith("# Post-incident review — incident 2026-001\n")).toBe(true);
    expect(byNumber.out).toContain("- **Duur:** 1 u\n");
    const byId = await run(incident.id, "--format", "md");
    expect(byId.code).toBe(0);
    expect(byId.out).toBe(byNumber.out);
  });

  it("writes HTML and Word files with --out", async () => {
    const html = path.join(dir, "review.html");
    const written = await run("2026-001", "--format=html", "--out", html);
    expect(written).toMatchObject({
      code: 0,
      out: `Review van incident 2026-001 geschreven naar ${html}\n`,
      err: "",
    });
    expect(readFileSync(html, "utf8")).toMatch(/^<!doctype html>\n<html lang="nl">/);

    const docx = path.join(dir, "review.docx");
    expect((await run("2026-001", "--format", "docx", "--out", docx)).code).toBe(0);
    expect(await docxParagraphs(readFileSync(docx))).toContain(
      "Post-incident review — incident 2026-001",
    );
  });

  it("refuses a wrong command line with exit code 2", async () => {
    const cases: Array<[string[], string]> = [
      [[], "Geef het incident (id of nummer, bv. 2026-001)"],
      [["2026-001", "--format", "pdf"], 'Onbekend formaat / unknown format "pdf"'],
      [["2026-001", "--format", "docx"], "--format docx schrijft een bestand: geef --out"],
      [["2026-001", "--out"], "--out mist een waarde"],
      [["2026-001", "--lang", "en"], "Onbekende optie / unknown option: --lang"],
      [["2026-001", "2026-002"], "Eén incident per keer"],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.out).toBe("");
      expect(result.err).toContain(message);
      expect(result.err).toContain("Gebruik / usage: ramp review <incident>");
    }
  });

  it("says which incident or database does not exist, with exit code 1", async () => {
    expect(await run("2026-042")).toMatchObject({
      code: 1,
      out: "",
      err: "Incident 2026-042 bestaat niet.\n",
    });
    const missing = path.join(dir, "nowhere.db");
    const err = capture();
    expect(
      await reviewCommand(["2026-001"], capture().stream, err.stream, {
        DATABASE_URL: `file:${missing}`,
      }),
    ).toBe(1);
    expect(err.text()).toBe(
      `Databank ${missing} bestaat niet (DATABASE_URL); er zijn dus geen incidenten.\n`,
    );
    const badPlan = capture();
    expect(
      await reviewCommand(["2026-001"], capture().stream, badPlan.stream, {
        ...env,
        RAMP_PLAN: path.join(dir, "geen-plan.yaml"),
      }),
    ).toBe(1);
    expect(badPlan.text()).toContain("is niet bruikbaar / the plan cannot be used (RAMP_PLAN)");
  });

  it("is listed in `ramp help` and reached through `ramp review`", async () => {
    const out = capture();
    expect(await runCli(["help"], out.stream, capture().stream)).toBe(0);
    expect(out.text()).toContain("ramp review <incident> [--format md|html|docx] [--out bestand]");
    const err = capture();
    expect(await runCli(["review"], capture().stream, err.stream)).toBe(2);
    expect(err.text()).toContain("Geef het incident");
  });
});
