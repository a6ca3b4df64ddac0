import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hoursMinutes, joinList, reviewDateTime } from "../../src/core/review/format.ts";

describe("review times and durations", () => {
  it("prints hours and minutes, never days", () => {
    const minutes = (m: number) => m * 60_000;
    expect(hoursMinutes(0, "nl")).toBe("0 min");
    expect(hoursMinutes(minutes(45), "nl")).toBe("45 min");
    expect(hoursMinutes(minutes(60), "nl")).toBe("1 u");
    expect(hoursMinutes(minutes(75), "en")).toBe("1 h 15 min");
    expect(hoursMinutes(minutes(26 * 60 + 5), "nl")).toBe("26 u 5 min");
    expect(hoursMinutes(-minutes(90), "nl")).toBe("1 u 30 min");
    expect(hoursMinutes(59.5 * 60_000, "nl")).toBe("1 u"); // rounded to the minute
  });

  it("prints moments with the year in the plan's time zone, through both daylight-saving changes", () => {
    const at = (iso: string, locale: "nl" | "en" = "nl") =>
      reviewDateTime(new Date(iso), locale, "Europe/Brussels");
    expect(at("2026-11-21T21:00:00Z")).toBe("za 21 nov 2026 22:00");
    expect(at("2026-11-21T21:00:00Z", "en")).toBe("Sat 21 Nov 2026 22:00");
    // Spring: 01:59 winter time is followed by 03:00 summer time.
    expect(at("2026-03-29T00:59:00Z")).toBe("zo 29 mrt 2026 01:59");
    expect(at("2026-03-29T01:00:00Z")).toBe("zo 29 mrt 2026 03:00");
    // Autumn: 02:30 happens twice, an hour apart; durations come from the instants, not the clock.
    expect(at("2026-10-25T00:30:00Z")).toBe("zo 25 okt 2026 02:30");
    expect(at("2026-10-25T01:30:00Z")).toBe("zo 25 okt 2026 02:30");
    expect(
      hoursMinutes(
        new Date("2026-10-25T01:30:00Z").getTime() - new Date("2026-10-24T22:00:00Z").getTime(),
        "nl",
      ),
    ).toBe("3 u 30 min"); // 00:00 to the second 02:30 on the clock
    expect(reviewDateTime(new Date("2026-07-01T10:00:00Z"), "en", "America/New_York")).toBe(
      "Wed 1 Jul 2026 06:00",
    );
  });

  it("joins lists the way people write them", () => {
    expect(joinList([], "nl")).toBe("");
    expect(joinList(["Slack"], "nl")).toBe("Slack");
    expect(joinList(["Slack", "Teams", "web"], "nl")).toBe("Slack, Teams en web");
    expect(joinList(["Slack", "Teams"], "en")).toBe("Slack and Teams");
  });
});

describe("the review's boundary", () => {
  it("keeps the core free of document libraries: renderers live in src/review", () => {
    const dir = path.resolve("src/core/review");
    const offenders = readdirSync(dir)
      .filter((file) => file.endsWith(".ts"))
      .flatMap((file) =>
        [...readFileSync(path.join(dir, file), "utf8").matchAll(/from "([^"]+)"/g)]
          .map((m) => m[1]!)
          .filter((spec) => !spec.startsWith(".") || spec.includes("/review/render"))
          .map((spec) => `${file} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });
});
