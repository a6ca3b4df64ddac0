// The loaded data, worked out once into what the questions ask about: paging per function, tasks
// and services against their deadlines, messages, the team's notes. Answers and tables read this.
import type { Locale } from "../../plan/schema.ts";
import type { PlanDirectory } from "../directory.ts";
import { onPhone } from "./delivered.ts";
import { hoursMinutes, reviewDateTime, type Say, sayIn } from "./format.ts";
import type { ReviewData } from "./load.ts";
import { collectMessages, type Message } from "./messages.ts";
import { collectNotes, type Notes } from "./notes.ts";
import { type FunctionPaging, pagingOutcomes } from "./paging-outcomes.ts";
import { indexTimeline, type TimelineIndex } from "./timeline-index.ts";
import {
  type ServiceOutcome,
  serviceOutcomes,
  type TaskOutcome,
  taskOutcomes,
} from "./work-outcomes.ts";

/** Tasks nobody took up for longer than this are named under staff preparedness. */
export const UNCLAIMED_TOO_LONG_MS = 60 * 60_000;

export interface Analysis {
  data: ReviewData;
  dir: PlanDirectory;
  index: TimelineIndex;
  locale: Locale;
  say: Say;
  /** A moment in the plan's time zone, with the date. */
  when(date: Date): string;
  /** A duration in hours and minutes. */
  span(ms: number): string;
  /** The incident's end: its closing, or the moment of drafting while it still runs. */
  end: Date;
  notes: Notes;
  paging: FunctionPaging[];
  tasks: TaskOutcome[];
  cancelledTasks: number;
  services: ServiceOutcome[];
  messages: Message[];
  /**
   * Whether the review can tell texts on the phone from texts the gateway only took: the provider
   * gives receipts, or some text was confirmed. Without it, nothing is claimed about the phone.
   */
  smsReceipts: boolean;
}

export function analyse(data: ReviewData, dir: PlanDirectory): Analysis {
  const { locale, timeZone } = dir;
  const say = sayIn(locale);
  const index = indexTimeline(data.timeline);
  const end = data.incident.closedAt ?? data.now;
  const notes = collectNotes(index);
  const paging = pagingOutcomes(dir, data.incident, data.pages, index);
  const { outcomes, cancelled } = taskOutcomes(data.tasks, index, end);
  const smsReceipts = data.smsReceipts || data.outbox.some(onPhone);
  return {
    data,
    dir,
    index,
    locale,
    say,
    when: perMinute((date) => reviewDateTime(date, locale, timeZone)),
    span: (ms) => hoursMinutes(ms, locale),
    end,
    notes,
    paging,
    tasks: outcomes,
    cancelledTasks: cancelled,
    services: serviceOutcomes(dir, data.incident, data.services, end),
    messages: collectMessages(
      dir,
      say,
      paging,
      data.outbox,
      notes.tagged("interne-communicatie"),
      notes.tagged("externe-communicatie"),
      smsReceipts,
    ),
    smsReceipts,
  };
}

/**
 * Formatting a moment in a time zone is the costliest step of a long review; entries come in
 * bursts, and the printed form only shows the minute, so each minute is formatted once.
 */
function perMinute(format: (date: Date) => string): (date: Date) => string {
  const cache = new Map<number, string>();
  return (date) => {
    const minute = Math.floor(date.getTime() / 60_000);
    let text = cache.get(minute);
    if (text === undefined) {
      text = format(date);
      cache.set(minute, text);
    }
    return text;
  };
}

/** "Bart Lannoo" or "Ramp" for the engine's own entries. */
export function actorName(a: Analysis, actorId: string | null): string {
  return actorId ? a.dir.name(actorId) : "Ramp";
}
