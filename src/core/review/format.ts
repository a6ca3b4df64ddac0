// Times and durations as the review prints them. A review is read months later, so dates carry
// the year; durations are in hours and minutes (no days) and come from UTC instants, so a
// daylight-saving change inside an incident neither adds nor removes an hour.
import type { Locale } from "../../plan/schema.ts";

const MINUTE = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale === "nl" ? "nl-BE" : "en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, found);
  }
  return found;
}

/** "za 21 nov 2026 22:00" / "Sat 21 Nov 2026 22:00" in the plan's time zone. */
export function reviewDateTime(date: Date, locale: Locale, timeZone: string): string {
  // Built from parts: the locales disagree on commas, and a document should read the same everywhere.
  const parts: Record<string, string> = {};
  for (const part of formatter(locale, timeZone).formatToParts(date)) parts[part.type] = part.value;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute}`;
}

/** "3 u 25 min", "26 u", "45 min" (English "h"); the sign is dropped, callers say early or late. */
export function hoursMinutes(ms: number, locale: Locale): string {
  const total = Math.round(Math.abs(ms) / MINUTE);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const h = locale === "nl" ? "u" : "h";
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} ${h}` : `${hours} ${h} ${minutes} min`;
}

/** Picks the sentence in the plan's language; keeps each text next to its translation. */
export type Say = (nl: string, en: string) => string;
export const sayIn =
  (locale: Locale): Say =>
  (nl, en) =>
    locale === "nl" ? nl : en;

/** "a, b en c" / "a, b and c". */
export function joinList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join("");
  const and = locale === "nl" ? "en" : "and";
  return `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}
