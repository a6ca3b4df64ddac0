// Proposed amendments in a copy of the plan file: only the changed values move, every comment and
// the layout stay, and the result is still a valid plan.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { contactValues, patchPlanText } from "../../src/plan/amend.ts";
import { unifiedDiff } from "../../src/plan/line-diff.ts";
import { parsePlan, SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";

const sample = await readFile(SAMPLE_PLAN_PATH, "utf8");

function changedLines(before: string, after: string) {
  const diff = unifiedDiff(before, after, { from: "a", to: "b" });
  return diff.split("\n").filter((l) => /^[-+][^-+]/.test(l) || /^[-+]$/.test(l));
}

describe("patchPlanText", () => {
  it("replaces only the changed values and keeps every comment", () => {
    const { text, skipped } = patchPlanText(sample, [
      { personId: "pieter-declercq", field: "mobile", value: "+32 499 11 22 33" },
      { personId: "marleen-vandamme", field: "email", value: "marleen@zonnebeke-heide.be" },
    ]);
    expect(skipped).toEqual([]);
    expect(changedLines(sample, text)).toEqual([
      "-    email: marleen.vandamme@zonnebeke-heide.be",
      "+    email: marleen@zonnebeke-heide.be",
      "-    mobile: +32 476 52 18 90",
      "+    mobile: +32 499 11 22 33",
    ]);
    const comments = (t: string) => t.split("\n").filter((l) => l.trimStart().startsWith("#"));
    expect(comments(text)).toEqual(comments(sample));
    expect(text.split("\n")).toHaveLength(sample.split("\n").length);
    const values = contactValues(text);
    expect(values.get("pieter-declercq")?.mobile).toBe("+32 499 11 22 33");
  });

  it("adds a missing field under the person's last line, and a note as a comment above the number", () => {
    const people = contactValues(sample);
    const withoutPhone = [...people].find(([, v]) => !v.phone && v.mobile)![0];
    const { text } = patchPlanText(sample, [
      { personId: withoutPhone, field: "phone", value: "+32 57 40 12 99" },
      {
        personId: "pieter-declercq",
        field: "note",
        value: "niet bereikbaar: controleer gsm",
        about: "mobile",
      },
    ]);
    const lines = changedLines(sample, text);
    expect(lines.sort()).toEqual([
      "+    # Ramp: niet bereikbaar: controleer gsm",
      "+    phone: +32 57 40 12 99",
    ]);
    expect(text).toContain(
      "    # Ramp: niet bereikbaar: controleer gsm\n    mobile: +32 476 52 18 90",
    );
    expect(contactValues(text).get(withoutPhone)?.phone).toBe("+32 57 40 12 99");
  });

  it("quotes a value that would otherwise read back as a number, and keeps a flow map on its line", () => {
    const source = [
      "# people",
      "people:",
      '  - { id: an-claes, name: An Claes, mobile: "+32 475 12 34 56" } # flow',
      "  - id: bart-wouters # block",
      "    name: Bart Wouters",
      "    mobile: '+32 476 23 45 67'",
      "",
    ].join("\n");
    const { text } = patchPlanText(source, [
      { personId: "an-claes", field: "email", value: "an@x.be" },
      { personId: "an-claes", field: "mobile", value: "+32 470 00 00 01" },
      { personId: "bart-wouters", field: "mobile", value: "+32476234568" },
    ]);
    expect(text).toBe(
      [
        "# people",
        "people:",
        '  - { id: an-claes, name: An Claes, mobile: "+32 470 00 00 01", email: an@x.be } # flow',
        "  - id: bart-wouters # block",
        "    name: Bart Wouters",
        "    mobile: '+32476234568'",
        "",
      ].join("\n"),
    );
    const plain = patchPlanText("people:\n  - id: x\n    mobile: +32 1 2\n", [
      { personId: "x", field: "mobile", value: "+32476234568" },
    ]).text;
    // Plain +32476234568 is an integer in YAML: written in quotes so the plan reads a string.
    expect(plain).toBe('people:\n  - id: x\n    mobile: "+32476234568"\n');
  });

  it("leaves a person no longer in the plan out, and the patched sample plan still passes the checks", () => {
    const { text, skipped } = patchPlanText(sample, [
      { personId: "nobody", field: "mobile", value: "+32 470 00 00 00" },
      { personId: "sofie-vermeulen", field: "mobile", value: "+32 470 00 00 00" },
    ]);
    expect(skipped.map((e) => e.personId)).toEqual(["nobody"]);
    const parsed = parsePlan(text);
    expect(parsed.ok).toBe(true);
  });
});

describe("unifiedDiff", () => {
  it("prints hunks with line numbers and three lines of context", () => {
    const before = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].join("\n");
    const after = before.replace("e", "E");
    expect(unifiedDiff(before, after, { from: "x", to: "y" })).toBe(
      [
        "--- x",
        "+++ y",
        "@@ -2,7 +2,7 @@",
        " b",
        " c",
        " d",
        "-e",
        "+E",
        " f",
        " g",
        " h",
        "",
      ].join("\n"),
    );
    expect(unifiedDiff(before, before, { from: "x", to: "y" })).toBe("");
  });
});
