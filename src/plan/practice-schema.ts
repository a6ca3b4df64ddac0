// The plan's practice schedule: how often Ramp tests whether the crisis staff can be reached
// (alarmeringstest) and how often the team exercises the plan (oefening). Scenarios for
// exercises are a section of their own.
import { z } from "zod";
import { duration } from "./schema-fields.ts";

/** How often, in the plan author's words. */
export const CADENCES = ["maand", "kwartaal", "halfjaar", "jaar"] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_MONTHS: Record<Cadence, number> = {
  maand: 1,
  kwartaal: 3,
  halfjaar: 6,
  jaar: 12,
};

/** Weekdays as Flemish calendars abbreviate them, Monday first. */
export const WEEKDAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "clockTime" });

export const practiceSchema = z
  .object({
    reachabilityTest: z
      .object({
        /** Without it, tests run only when the coordinator starts one (`/ramp test`). */
        every: z.enum(CADENCES).optional(),
        /** Days a scheduled test may start, in the plan's time zone. */
        days: z.array(z.enum(WEEKDAYS)).min(1).default(["ma", "di", "wo", "do", "vr"]),
        /** Hours a scheduled test may start, in the plan's time zone ("09:00" to "16:00"). */
        from: clockTime.default("09:00"),
        until: clockTime.default("16:00"),
        /** How long people have to answer "Ontvangen" before the result is made. */
        window: duration.default("1h"),
        /** Ramp starts the test itself when it is due; otherwise it only shows it as due. */
        automatic: z.boolean().default(false),
      })
      .strict()
      .default({}),
    exercise: z
      .object({
        every: z.enum(CADENCES).optional(),
        /** How long before a due exercise the coordinator is reminded. */
        remindBefore: duration.default("30d"),
      })
      .strict()
      .default({}),
  })
  .strict()
  .default({});

export type Practice = z.output<typeof practiceSchema>;

/** Minutes since midnight of "09:30". */
export function clockMinutes(value: string): number {
  const [h, m] = value.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
