import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { planDocumentCommand } from "../../src/cli/plan-document.ts";
import { docxParagraphs } from "../review/helpers.ts";

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

const dir = mkdtempSync(path.join(tmpdir(), "ramp-plan-document-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(kind: "plan" | "card", ...args: string[]) {
  const out = capture();
  const err = capture();
  const env = { RAMP_PUBLIC_URL: "https://ramp.example.be" };
  const code = await planDocumentCommand(kind, args, out.stream, err.stream, env);
  return { code, out: out.text(), err: err.text() };
}

describe("ramp plan document and ramp plan card", () => {
  it("writes a holder's Word copy of the sample plan", async () => {
    const file = path.join(dir, "plan.docx");
    const result = await run("plan", "--format", "docx", "--holder", "wouter-hoste", "--out", file);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toBe(`Geschreven naar ${file}\n`);
    const header = await docxParagraphs(readFileSync(file), "word/header1.xml");
    expect(header[0]).toMatch(
      /^Vertrouwelijk — exemplaar van Wouter Hoste — versie 3\.0 van 25 maart 2024$/,
    );
  });

  it("prints Markdown to stdout, and the card with Ramp's address from RAMP_PUBLIC_URL", async () => {
    const plan = await run("plan", "--holder=pieter-declercq");
    expect(plan.code).toBe(0);
    expect(plan.out).toContain("# Disaster Recovery Procedure (DRP)");
    const card = await run("card", "--format", "html");
    expect(card.code).toBe(0);
    expect(card.out).toContain("https://ramp.example.be (crisisbord");
    expect(card.out).toContain("Vertrouwelijk — exemplaar niet op naam");
  });

  it("refuses a copy for someone who holds none, or who is not in the plan, naming the holders", async () => {
    const notHolder = await run("plan", "--holder", "dirk-vandenbroucke");
    expect(notHolder.code).toBe(1);
    expect(notHolder.err).toContain(
      "dirk-vandenbroucke houdt geen exemplaar van het plan (coordination.planHolders en de crisisstaf).",
    );
    expect(notHolder.err).toContain("Houders: marleen-vandamme, pieter-declercq,");
    const typo = await run("plan", "--holder", "pieter-declerq");
    expect(typo.code).toBe(1);
    expect(typo.err).toContain(
      "pieter-declerq staat niet in people van het plan. Bedoelt u pieter-declercq?",
    );
  });

  it("explains a wrong command line", async () => {
    expect((await run("plan", "--format", "docx")).err).toContain(
      "--format docx schrijft een bestand: geef --out",
    );
    expect((await run("plan", "--format", "pdf")).err).toContain(
      'Onbekend formaat / unknown format "pdf"',
    );
    expect((await run("plan", "--holder")).err).toContain("--holder mist een waarde");
    expect((await run("card", "--copies")).code).toBe(2);
    const missing = await run("plan", path.join(dir, "nope.yaml"));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("is niet bruikbaar");
  });
});
