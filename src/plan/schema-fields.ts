// The plan file's field types, shared by its sections: ids, texts, durations, cadences, phone
// numbers, time zones, and the fixed lists (languages, classifications, situations, phases).
import { z } from "zod";
import { parseDurationMinutes } from "./duration.ts";

/** Ids are written by plan authors and appear in commands and card buttons. */
export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "id" })
  .max(64, { message: "id" });

export const text = z.string().trim().min(1);

export const duration = z.string().transform((value, ctx) => {
  const minutes = parseDurationMinutes(value);
  if (minutes === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, params: { problem: "duration", value } });
    return z.NEVER;
  }
  return minutes;
});

/** A cadence: "6mo" (calendar months) or any duration ("180d"). */
export const cadence = z.string().transform((value, ctx) => {
  const months = /^\s*(\d+)mo\s*$/.exec(value);
  if (months && Number(months[1]) > 0) return { months: Number(months[1]), minutes: 0 };
  const minutes = parseDurationMinutes(value);
  if (minutes === undefined || minutes === 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, params: { problem: "duration", value } });
    return z.NEVER;
  }
  return { months: 0, minutes };
});

export const phone = z.string().regex(/^\+?[0-9][0-9 ./-]{5,}$/, { message: "phone" });

export const LOCALES = ["nl", "en"] as const;
export const CLASSIFICATIONS = ["zwak", "klein", "groot", "crisis"] as const;
export const SITUATIONS = ["A", "B"] as const;
export const PHASES = ["technisch", "organisatorisch"] as const;
export const SUPPLIER_KINDS = ["serviceprovider", "ict", "verzekering", "overig"] as const;

export const timeZone = z.string().refine(
  (value) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: value });
      return true;
    } catch {
      return false;
    }
  },
  { params: { problem: "timeZone" } },
);
