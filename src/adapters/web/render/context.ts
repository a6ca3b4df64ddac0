// What every renderer needs besides its view model: the words, the clock, and whether (and as
// whom) the reader can act: without a CSRF token there is nobody to act as, so no forms.
import type { Locale } from "../../../plan/schema.ts";
import type { Words } from "./words.ts";

export interface RenderContext {
  w: Words;
  locale: Locale;
  timeZone: string;
  now: Date;
  /** The session's CSRF token; null when the reader cannot act (no person chosen). */
  csrf: string | null;
  /** Where a form returns to when the browser runs no JavaScript. */
  back: string;
  actorId: string | null;
  /** The coordinator or a deputy: decides, creates sign-in links. */
  leader: boolean;
  /** Element ids unique within one response. */
  nextId(prefix: string): string;
  /** The answer to the last click without script, shown in the card (by id) that caused it. */
  note?: { text: string; near: string } | null;
}

export function renderContext(base: Omit<RenderContext, "nextId">): RenderContext {
  let counter = 0;
  return {
    ...base,
    nextId: (prefix) => {
      counter += 1;
      return `${prefix}-${counter}`;
    },
  };
}
