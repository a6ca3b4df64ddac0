// Times are stored in UTC and shown in the plan's time zone (Europe/Brussels by default).
import type { Locale } from "../plan/schema.ts";

const HOUR = 3_600_000;
const MINUTE = 60_000;

export const addHours = (date: Date, hours: number) => new Date(date.getTime() + hours * HOUR);
export const addMinutes = (date: Date, minutes: number) =>
  new Date(date.getTime() + minutes * MINUTE);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withDate}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale === "nl" ? "nl-BE" : "en-GB", {
      timeZone,
      ...(withDate ? { weekday: "short", day: "numeric", month: "short" } : {}),
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, found);
  }
  return found;
}

/** "za 22 nov. 14:30" / "Sat 22 Nov 14:30" in the plan's time zone. */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, true).format(date).replace(",", "");
}

/** "14:30" in the plan's time zone. */
export function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, false).format(date);
}

/** "2 u 15 min" / "2 h 15 min"; durations are absolute, so daylight-saving changes do not affect them. */
export function formatDuration(ms: number, locale: Locale): string {
  const totalMinutes = Math.round(Math.abs(ms) / MINUTE);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const h = locale === "nl" ? "u" : "h";
  const d = locale === "nl" ? "d" : "d";
  const parts: string[] = [];
  if (days) parts.push(`${days} ${d}`);
  if (hours) parts.push(`${hours} ${h}`);
  if (minutes || parts.length === 0) parts.push(`${minutes} min`);
  return parts.join(" ");
}

/** "nog 3 u 10 min" / "3 u 10 min te laat" relative to now. */
export function formatRemaining(deadline: Date, now: Date, locale: Locale): string {
  const ms = deadline.getTime() - now.getTime();
  const span = formatDuration(ms, locale);
  if (ms >= 0) return locale === "nl" ? `nog ${span}` : `${span} left`;
  return locale === "nl" ? `${span} te laat` : `${span} overdue`;
}

/** Year of a date in the plan's time zone (for incident numbers such as 2026-003). */
export function yearIn(date: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(date));
}
