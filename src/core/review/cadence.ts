// How regularly communication was updated: the seed asks when the first communication went out
// and how often it was updated after that.
import type { Message } from "./messages.ts";

export interface Cadence {
  /** Updates after the first communication. */
  count: number;
  /** From the first communication to the last update, divided by the number of updates. */
  averageMs: number;
  /** The longest stretch without an update, counted from the first communication. */
  longestGapMs: number;
}

export function cadence(start: Date, updates: Message[]): Cadence {
  let previous = start.getTime();
  let longestGapMs = 0;
  for (const update of updates) {
    longestGapMs = Math.max(longestGapMs, update.at.getTime() - previous);
    previous = update.at.getTime();
  }
  return {
    count: updates.length,
    averageMs: updates.length === 0 ? 0 : (previous - start.getTime()) / updates.length,
    longestGapMs,
  };
}

/** Messages come sorted by time: the first of all, and the first that went outside. */
export function firstMessages(messages: Message[]): {
  first: Message | undefined;
  firstExternal: Message | undefined;
} {
  return {
    first: messages[0],
    firstExternal: messages.find((m) => m.direction === "external"),
  };
}
