// Calendar arithmetic in the plan's time zone, safe across daylight-saving changes: local dates
// and clock times are turned into instants through the zone's offset at that moment.
import { clockMinutes, WEEKDAYS, type Weekday } from "../../plan/practice-schema.ts";

export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: Weekday;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const EN_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function localParts(date: Date, timeZone: string): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[EN_WEEKDAYS.indexOf(String(parts.weekday))] ?? "ma",
  };
}

/** The instant of a local date and clock time (a time skipped by DST moves forward an hour). */
export function zonedInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  minutes: number,
): Date {
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  const first = guess - offsetMs(new Date(guess), timeZone);
  const second = guess - offsetMs(new Date(first), timeZone);
  return new Date(second);
}

function offsetMs(date: Date, timeZone: string): number {
  const p = localParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return asUtc - Math.floor(date.getTime() / 60_000) * 60_000;
}

/** The same local clock time `months` later (the 31st becomes the month's last day). */
export function addMonthsLocal(date: Date, months: number, timeZone: string): Date {
  const p = localParts(date, timeZone);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return zonedInstant(timeZone, year, month, Math.min(p.day, last), p.hour * 60 + p.minute);
}

/** Midnight of the first day of the date's month, local time. */
export function startOfMonthLocal(date: Date, timeZone: string): Date {
  const p = localParts(date, timeZone);
  return zonedInstant(timeZone, p.year, p.month, 1, 0);
}

export interface AllowedHours {
  days: readonly Weekday[];
  from: string;
  until: string;
}

export function withinHours(date: Date, hours: AllowedHours, timeZone: string): boolean {
  const p = localParts(date, timeZone);
  const minutes = p.hour * 60 + p.minute;
  return (
    hours.days.includes(p.weekday) &&
    minutes >= clockMinutes(hours.from) &&
    minutes < clockMinutes(hours.until)
  );
}

/** The first moment at or after `date` on an allowed day within the allowed hours. */
export function nextAllowed(date: Date, hours: AllowedHours, timeZone: string): Date {
  if (withinHours(date, hours, timeZone)) return date;
  const start = clockMinutes(hours.from);
  const p = localParts(date, timeZone);
  for (let i = 0; i <= 7; i++) {
    const day = new Date(Date.UTC(p.year, p.month - 1, p.day + i));
    const candidate = zonedInstant(
      timeZone,
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      start,
    );
    if (candidate.getTime() >= date.getTime() && withinHours(candidate, hours, timeZone))
      return candidate;
  }
  // Unreachable with at least one allowed day (the plan requires one).
  return date;
}
