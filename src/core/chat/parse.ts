// The words people type after /ramp (Slack), @Ramp (Teams) or in the local chat.
// Dutch first, English aliases; the same parser for every platform.
import { CLASSIFICATIONS, type Classification } from "../../plan/schema.ts";
import { parseLogText } from "../logbook.ts";
import type { LogTag, Meeting, Scope } from "../model.ts";

export type ChatCommand =
  | {
      kind: "start";
      classification?: Classification;
      scope?: Scope;
      /** `uitwijk`: meet at the plan's fallback address (the incident hit the primary one). */
      meeting?: Meeting;
      description?: string;
    }
  /** Move the crisis staff's meeting to the plan's primary or fallback address. */
  | { kind: "meeting"; meeting: Meeting; reason?: string }
  | { kind: "status"; incident?: string }
  | { kind: "tasks"; mine: boolean }
  /**
   * For A, `location` is everything after the A: the location's name or id, then the reason.
   * `confirmed`: the typed second step of a change (`… bevestig`), after seeing what it does.
   */
  | {
      kind: "decide";
      situation: "A" | "B";
      location?: string;
      reason?: string;
      confirmed?: boolean;
    }
  | { kind: "evaluate"; text: string }
  /** `unknownTags`: #words that are no known tag (kept in the text; the reply names them). */
  | { kind: "log"; text: string; tags: LogTag[]; unknownTags: string[] }
  /** The service as typed: its id, its name or the start of either. */
  | { kind: "restored"; service: string }
  | { kind: "reclassify"; classification: Classification }
  /** The scope once known: totaal, gedeeltelijk (or back to onbekend). */
  | { kind: "scope"; scope: Scope }
  /** `confirmed`: `stop … bevestig`, closing although tasks are still open. */
  | { kind: "stop"; note?: string; confirmed?: boolean }
  | { kind: "board" }
  | { kind: "review"; incident?: string }
  /** A staff member reports what may be an incident: the coordinator and deputies are alerted. */
  | { kind: "report"; text: string }
  /** Whether the crisis team could be assembled now: the board's readiness page, in the chat. */
  | { kind: "readiness" }
  /** A reachability test (alarmeringstest): start one, or close the open one early. */
  | { kind: "test"; stop: boolean }
  /**
   * An exercise: `start [scenario | omschrijving]`, `stop [opmerking]`, `inject <tekst>`; `list`
   * (the word alone) shows the plan's scenarios.
   */
  | { kind: "exercise"; action: "start" | "stop" | "inject" | "list"; text?: string }
  /** `bare`: nothing after the command (`/ramp`, `@Ramp`); the coordinator may mean "declare". */
  | { kind: "help"; bare?: boolean }
  | {
      kind: "invalid";
      word: string;
      problem: "unknown-command" | "missing-argument" | "bad-argument";
      usage: string;
    };

const WORDS: Record<string, Exclude<ChatCommand["kind"], "invalid">> = {
  start: "start",
  begin: "start",
  alarm: "start",
  declare: "start",
  status: "status",
  stand: "status",
  taken: "tasks",
  tasks: "tasks",
  mijn: "tasks",
  mine: "tasks",
  besluit: "decide",
  beslissing: "decide",
  decide: "decide",
  decision: "decide",
  evaluatie: "evaluate",
  evaluation: "evaluate",
  log: "log",
  logboek: "log",
  note: "log",
  hersteld: "restored",
  restored: "restored",
  ernst: "reclassify",
  classify: "reclassify",
  omvang: "scope",
  scope: "scope",
  stop: "stop",
  sluit: "stop",
  afsluiten: "stop",
  close: "stop",
  bord: "board",
  board: "board",
  crisisbord: "board",
  review: "review",
  rapport: "review",
  melding: "report",
  melden: "report",
  meld: "report",
  report: "report",
  gereed: "readiness",
  paraat: "readiness",
  paraatheid: "readiness",
  readiness: "readiness",
  ready: "readiness",
  test: "test",
  alarmeringstest: "test",
  bereikbaarheidstest: "test",
  contactadres: "meeting",
  meeting: "meeting",
  oefening: "exercise",
  oefenen: "exercise",
  exercise: "exercise",
  drill: "exercise",
  help: "help",
  hulp: "help",
  "?": "help",
};

export const USAGE: Record<Exclude<ChatCommand["kind"], "invalid">, string> = {
  start: "start [zwak|klein|groot|crisis] [totaal|gedeeltelijk] [uitwijk] [omschrijving]",
  status: "status",
  tasks: "taken [mijn]",
  decide: "besluit A <uitwijklocatie> [reden] | besluit B [reden]",
  evaluate: "evaluatie <toestand na de ramp>",
  log: "log [#oorzaak|#externe-communicatie|…] <tekst>",
  restored: "hersteld <dienst>",
  reclassify: "ernst <zwak|klein|groot|crisis>",
  scope: "omvang <totaal|gedeeltelijk|onbekend>",
  stop: "stop [slotopmerking]",
  board: "bord",
  review: "review [incident]",
  report: "melding <wat er gebeurt en waar>",
  meeting: "contactadres <primair|uitwijk> [reden]",
  readiness: "gereed",
  test: "test [stop]",
  exercise: "oefening start [scenario] | oefening inject <tekst> | oefening stop [opmerking]",
  help: "help",
};

export function parseChatCommand(raw: string): ChatCommand {
  const text = raw
    .trim()
    .replace(/^\/?ramp\b/i, "")
    .trim();
  if (text === "") return { kind: "help", bare: true };
  const [first = "", ...rest] = text.split(/\s+/);
  const word = first.toLowerCase();
  const kind = WORDS[word];
  const tail = text.slice(first.length).trim();
  switch (kind) {
    case undefined:
      return { kind: "invalid", word: first, problem: "unknown-command", usage: USAGE.help };
    case "start":
      return parseStart(rest);
    case "status":
      return tail ? { kind: "status", incident: tail } : { kind: "status" };
    case "tasks":
      return {
        kind: "tasks",
        mine: word === "mijn" || word === "mine" || /^(mijn|mine)$/i.test(tail),
      };
    case "decide":
      return parseDecide(first, rest);
    case "evaluate":
      return tail ? { kind: "evaluate", text: tail } : missing(first, "evaluate");
    case "log": {
      const { text: body, tags, unknownTags } = parseLogText(tail);
      return body ? { kind: "log", text: body, tags, unknownTags } : missing(first, "log");
    }
    case "restored":
      return tail ? { kind: "restored", service: tail } : missing(first, "restored");
    case "reclassify": {
      const level = rest[0]?.toLowerCase();
      if (!level) return missing(first, "reclassify");
      return isClassification(level)
        ? { kind: "reclassify", classification: level }
        : { kind: "invalid", word: rest[0]!, problem: "bad-argument", usage: USAGE.reclassify };
    }
    case "scope": {
      if (!rest[0]) return missing(first, "scope");
      const scope = scopeWord(rest[0]);
      return scope
        ? { kind: "scope", scope }
        : { kind: "invalid", word: rest[0], problem: "bad-argument", usage: USAGE.scope };
    }
    case "stop": {
      const { words: note, confirmed } = confirmation(rest);
      const text = note.join(" ").trim();
      return {
        kind: "stop",
        ...(text ? { note: text } : {}),
        ...(confirmed ? { confirmed } : {}),
      };
    }
    case "board":
      return { kind: "board" };
    case "review":
      return tail ? { kind: "review", incident: tail } : { kind: "review" };
    case "report":
      return tail ? { kind: "report", text: tail } : missing(first, "report");
    case "meeting":
      return parseMeeting(first, rest);
    case "test": {
      if (!tail) return { kind: "test", stop: false };
      return /^(stop|sluit|afsluiten|close)$/i.test(tail)
        ? { kind: "test", stop: true }
        : { kind: "invalid", word: rest[0]!, problem: "bad-argument", usage: USAGE.test };
    }
    case "readiness":
      return { kind: "readiness" };
    case "exercise":
      return parseExercise(rest);
    case "help":
      return { kind: "help" };
  }
  return { kind: "invalid", word: first, problem: "unknown-command", usage: USAGE.help };
}

const EXERCISE_ACTIONS: Record<string, "start" | "stop" | "inject"> = {
  start: "start",
  begin: "start",
  stop: "stop",
  einde: "stop",
  end: "stop",
  inject: "inject",
};

function parseExercise(words: string[]): ChatCommand {
  const [first, ...rest] = words;
  if (!first) return { kind: "exercise", action: "list" };
  const action = EXERCISE_ACTIONS[first.toLowerCase()];
  if (!action)
    return { kind: "invalid", word: first, problem: "bad-argument", usage: USAGE.exercise };
  const text = rest.join(" ").trim();
  if (action === "inject" && !text)
    return { kind: "invalid", word: first, problem: "missing-argument", usage: USAGE.exercise };
  return { kind: "exercise", action, ...(text ? { text } : {}) };
}

function parseStart(words: string[]): ChatCommand {
  const command: Extract<ChatCommand, { kind: "start" }> = { kind: "start" };
  let rest = words;
  const level = rest[0]?.toLowerCase();
  if (level && isClassification(level)) {
    command.classification = level;
    rest = rest.slice(1);
  }
  const scope = rest[0] ? scopeWord(rest[0]) : undefined;
  if (scope) {
    command.scope = scope;
    rest = rest.slice(1);
  }
  if (FALLBACK_WORDS.has(rest[0]?.toLowerCase() ?? "")) {
    command.meeting = "fallback";
    rest = rest.slice(1);
  }
  const description = rest.join(" ").trim();
  if (description) command.description = description;
  return command;
}

/** The second step of a command that needs one: its last word is "bevestig" (or "confirm"). */
export const CONFIRM_WORD = "bevestig";

function confirmation(words: string[]): { words: string[]; confirmed: boolean } {
  const last = words.at(-1)?.toLowerCase();
  return last === CONFIRM_WORD || last === "confirm"
    ? { words: words.slice(0, -1), confirmed: true }
    : { words, confirmed: false };
}

/** The words for the plan's fallback meeting address, in `start` and `contactadres`. */
const FALLBACK_WORDS = new Set(["uitwijk", "uitwijkadres", "fallback"]);
const PRIMARY_WORDS = new Set(["primair", "hoofdadres", "primary"]);

function parseMeeting(word: string, words: string[]): ChatCommand {
  const choice = words[0]?.toLowerCase();
  if (!choice) return missing(word, "meeting");
  const meeting = FALLBACK_WORDS.has(choice)
    ? "fallback"
    : PRIMARY_WORDS.has(choice)
      ? "primary"
      : null;
  if (!meeting)
    return { kind: "invalid", word: words[0]!, problem: "bad-argument", usage: USAGE.meeting };
  const reason = words.slice(1).join(" ").trim();
  return { kind: "meeting", meeting, ...(reason ? { reason } : {}) };
}

function parseDecide(word: string, typed: string[]): ChatCommand {
  const { words, confirmed } = confirmation(typed);
  const then = confirmed ? { confirmed } : {};
  const situation = words[0]?.toUpperCase();
  if (situation !== "A" && situation !== "B") {
    return words[0]
      ? { kind: "invalid", word: words[0], problem: "bad-argument", usage: USAGE.decide }
      : missing(word, "decide");
  }
  if (situation === "A") {
    // The location's name may have several words: where it ends and the reason starts is for
    // the runner to tell, which knows the plan's locations.
    const location = words.slice(1).join(" ").trim();
    return { kind: "decide", situation, ...(location ? { location } : {}), ...then };
  }
  const reason = words.slice(1).join(" ").trim();
  return { kind: "decide", situation, ...(reason ? { reason } : {}), ...then };
}

function missing(word: string, kind: keyof typeof USAGE): ChatCommand {
  return { kind: "invalid", word, problem: "missing-argument", usage: USAGE[kind] };
}

/** The scope in Dutch or English; undefined for any other word. */
function scopeWord(word: string): Scope | undefined {
  const scopes: Record<string, Scope> = {
    totaal: "totaal",
    total: "totaal",
    gedeeltelijk: "gedeeltelijk",
    partial: "gedeeltelijk",
    onbekend: "onbekend",
    unknown: "onbekend",
  };
  return scopes[word.toLowerCase()];
}

function isClassification(value: string): value is Classification {
  return (CLASSIFICATIONS as readonly string[]).includes(value);
}
