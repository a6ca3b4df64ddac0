import { describe, expect, it } from "vitest";
import {
  addMonthsLocal,
  nextAllowed,
  startOfMonthLocal,
  withinHours,
  zonedInstant,
} from "../../src/core/practice/calendar.ts";

const TZ = "Europe/Brussels";
const WEEKDAYS = { days: ["ma", "di", "wo", "do", "vr"] as const, from: "09:00", until: "16:00" };

describe("practice calendar in Europe/Brussels", () => {
  it("turns local clock times into instants on both sides of daylight saving", () => {
    expect(zonedInstant(TZ, 2026, 3, 27, 9 * 60).toISOString()).toBe("2026-03-27T08:00:00.000Z");
    expect(zonedInstant(TZ, 2026, 3, 30, 9 * 60).toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect(zonedInstant(TZ, 2026, 10, 26, 9 * 60).toISOString()).toBe("2026-10-26T08:00:00.000Z");
  });

  it("moves a moment outside the hours to the next allowed weekday at the start hour", () => {
    // Saturday 21 Nov 2026, 22:00 local → Monday 23 Nov 09:00 local.
    expect(nextAllowed(new Date("2026-11-21T21:00:00Z"), WEEKDAYS, TZ).toISOString()).toBe(
      "2026-11-23T08:00:00.000Z",
    );
    // Friday 16:00 local is the end: next is Monday.
    expect(nextAllowed(new Date("2026-11-27T15:00:00Z"), WEEKDAYS, TZ).toISOString()).toBe(
      "2026-11-30T08:00:00.000Z",
    );
    // Friday 27 March 2026 evening → Monday 30 March, 09:00 summer time.
    expect(nextAllowed(new Date("2026-03-27T19:00:00Z"), WEEKDAYS, TZ).toISOString()).toBe(
      "2026-03-30T07:00:00.000Z",
    );
    const inside = new Date("2026-11-24T10:30:00Z");
    expect(nextAllowed(inside, WEEKDAYS, TZ)).toEqual(inside);
    expect(withinHours(new Date("2026-11-24T15:00:00Z"), WEEKDAYS, TZ)).toBe(false);
  });

  it("adds months at the same local time across daylight saving and short months", () => {
    // 10:00 winter time → 10:00 summer time three months later.
    expect(addMonthsLocal(new Date("2026-01-15T09:00:00Z"), 3, TZ).toISOString()).toBe(
      "2026-04-15T08:00:00.000Z",
    );
    expect(addMonthsLocal(new Date("2026-01-31T09:00:00Z"), 1, TZ).toISOString()).toBe(
      "2026-02-28T09:00:00.000Z",
    );
    expect(startOfMonthLocal(new Date("2026-11-21T21:00:00Z"), TZ).toISOString()).toBe(
      "2026-10-31T23:00:00.000Z",
    );
  });
});
