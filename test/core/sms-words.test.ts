// The SMS side without a network: the words, the numbers, the segment counter.
import { describe, expect, it } from "vitest";
import { internationalNumber } from "../../src/core/sms/number.ts";
import { wordList } from "../../src/core/sms/run.ts";
import { countSegments, fitSegments } from "../../src/core/sms/segments.ts";
import { parseSms } from "../../src/core/sms/words.ts";

describe("parseSms", () => {
  it("reads the answers to a page, Dutch and English, with the reason for a no", () => {
    for (const yes of ["1", "JA", "ja", "Kom", "YES", "Ik kom!", "ok."])
      expect(parseSms(yes)).toEqual({ kind: "yes" });
    expect(parseSms("2")).toEqual({ kind: "no" });
    expect(parseSms("NEE ziek thuis")).toEqual({ kind: "no", reason: "ziek thuis" });
    expect(parseSms("2 in het buitenland")).toEqual({ kind: "no", reason: "in het buitenland" });
    expect(parseSms("Ik kan niet, ziek")).toEqual({ kind: "no", reason: "ziek" });
    expect(parseSms("no")).toEqual({ kind: "no" });
  });

  it("reads task numbers however they are typed", () => {
    for (const claim of ["NEEM 3", "neem #3", "NEEM3", "take 3", "Neem 3."])
      expect(parseSms(claim)).toEqual({ kind: "claim", task: 3 });
    expect(parseSms("KLAAR 12")).toEqual({ kind: "complete", task: 12 });
    expect(parseSms("done #4")).toEqual({ kind: "complete", task: 4 });
    expect(parseSms("BLOK 2 geen stroom")).toEqual({
      kind: "block",
      task: 2,
      reason: "geen stroom",
    });
    // A block needs its reason; a claim its number: the reply says how.
    expect(parseSms("BLOK 2")).toEqual({ kind: "unknown", word: "BLOK", usage: "block" });
    expect(parseSms("NEEM")).toEqual({ kind: "unknown", word: "NEEM", usage: "claim" });
    expect(parseSms("TAKEN")).toEqual({ kind: "tasks" });
    expect(parseSms("status")).toEqual({ kind: "status" });
    expect(parseSms("MELDING rook in de kelder")).toEqual({
      kind: "report",
      text: "rook in de kelder",
    });
  });

  it("reads the PIN commands in either order, with BEVESTIG", () => {
    expect(parseSms("START 4829 groot Brand in de kelder")).toEqual({
      kind: "declare",
      pin: "4829",
      classification: "groot",
      description: "Brand in de kelder",
    });
    expect(parseSms("START 4829")).toEqual({ kind: "declare", pin: "4829" });
    expect(parseSms("BESLIS A 4829 Bibliotheek")).toEqual({
      kind: "decide",
      pin: "4829",
      situation: "A",
      rest: "Bibliotheek",
      confirmed: false,
    });
    expect(parseSms("beslis 4829 b reden BEVESTIG")).toEqual({
      kind: "decide",
      pin: "4829",
      situation: "B",
      rest: "reden",
      confirmed: true,
    });
    expect(parseSms("SLUIT 4829 BEVESTIG")).toEqual({
      kind: "close",
      pin: "4829",
      confirmed: true,
    });
    expect(parseSms("BESLIS 4829")).toEqual({ kind: "unknown", word: "BESLIS", usage: "decide" });
    expect(parseSms("hallo")).toEqual({ kind: "unknown", word: "hallo" });
  });
});

describe("internationalNumber", () => {
  it("writes Belgian numbers every way as one", () => {
    for (const written of ["0470 12 34 56", "+32470123456", "0032470123456", "32470123456"])
      expect(internationalNumber(written)).toBe("+32470123456");
    expect(internationalNumber("bel de receptie")).toBeNull();
  });
});

describe("segments", () => {
  it("counts GSM-7 (160/153, € takes two) and UCS-2 (70/67)", () => {
    expect(countSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSegments("a".repeat(161)).segments).toBe(2);
    expect(countSegments("a".repeat(306)).segments).toBe(2);
    expect(countSegments("a".repeat(307)).segments).toBe(3);
    expect(countSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSegments("ë".repeat(70))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(countSegments("ë".repeat(71)).segments).toBe(2);
    expect(countSegments("ë".repeat(135)).segments).toBe(3);
  });

  it("fits a reply in two segments: GSM twins first, then cut at a word", () => {
    // One "—" would make the whole text UCS-2 (134 characters for two segments).
    const dashed = `Incident 2026-001 — ${"woord ".repeat(80)}`.trim();
    const fitted = fitSegments(dashed);
    expect(countSegments(fitted)).toMatchObject({ encoding: "GSM-7", segments: 2 });
    expect(fitted).toMatch(/^Incident 2026-001 - woord .+\.\.\.$/);
    expect(fitSegments("Kort.")).toBe("Kort.");
    expect(countSegments(fitSegments("😀".repeat(200))).segments).toBeLessThanOrEqual(2);
  });

  it("keeps the list of words within two segments in both languages", () => {
    for (const nl of [true, false]) {
      const list = `"Hallo" begrijp ik niet. ${wordList(nl)}`;
      expect(countSegments(list).segments).toBeLessThanOrEqual(2);
    }
  });
});
