// The words an SMS to Ramp may say, Dutch first with English aliases (as the chat commands):
// short, case-free, forgiving of "#3" or "NEEM3". See README, "SMS".
import { CLASSIFICATIONS, type Classification } from "../../plan/schema.ts";

export type SmsCommand =
  /** "Ik kom" to the person's page, "Ontvangen" to a reachability test. */
  | { kind: "yes" }
  /** "Ik kan niet", with the rest of the text as the reason. */
  | { kind: "no"; reason?: string }
  | { kind: "claim"; task: number }
  | { kind: "complete"; task: number }
  | { kind: "block"; task: number; reason: string }
  | { kind: "tasks" }
  | { kind: "status" }
  | { kind: "report"; text: string }
  /** Needs the PIN. `classification` when typed; else the lowest that activates the plan. */
  | { kind: "declare"; pin: string; classification?: Classification; description?: string }
  /** Needs the PIN. For A, `rest` is the location and the reason; `confirmed`: "BEVESTIG" at the end. */
  | { kind: "decide"; pin: string; situation: "A" | "B"; rest?: string; confirmed: boolean }
  /** Needs the PIN. `confirmed`: close although tasks are open. */
  | { kind: "close"; pin: string; note?: string; confirmed: boolean }
  | { kind: "help" }
  /** Not understood: `usage` says how the word is used when the word was known. */
  | { kind: "unknown"; word: string; usage?: SmsWord };

export type SmsWord = Exclude<SmsCommand["kind"], "unknown">;
type Kind = SmsWord;

const WORDS: Record<string, Kind> = {
  "1": "yes",
  ja: "yes",
  j: "yes",
  kom: "yes",
  ok: "yes",
  ontvangen: "yes",
  yes: "yes",
  y: "yes",
  coming: "yes",
  received: "yes",
  "2": "no",
  nee: "no",
  neen: "no",
  n: "no",
  niet: "no",
  no: "no",
  neem: "claim",
  take: "claim",
  claim: "claim",
  klaar: "complete",
  done: "complete",
  blok: "block",
  blokkeer: "block",
  block: "block",
  taken: "tasks",
  tasks: "tasks",
  status: "status",
  stand: "status",
  melding: "report",
  meld: "report",
  report: "report",
  start: "declare",
  declare: "declare",
  beslis: "decide",
  besluit: "decide",
  decide: "decide",
  sluit: "close",
  close: "close",
  help: "help",
  hulp: "help",
  "?": "help",
};

/** How each word is used, in the plan's language (the reply to a text not understood lists them). */
export function usage(kind: Kind, nl: boolean): string {
  const u: Record<Kind, [string, string]> = {
    yes: ["1 of JA = ik kom", "1 or YES = coming"],
    no: ["2 of NEE [reden] = ik kan niet", "2 or NO [reason] = cannot come"],
    claim: ["NEEM <nr>", "TAKE <no>"],
    complete: ["KLAAR <nr>", "DONE <no>"],
    block: ["BLOK <nr> <reden>", "BLOCK <no> <reason>"],
    tasks: ["TAKEN", "TASKS"],
    status: ["STATUS", "STATUS"],
    report: ["MELDING <tekst>", "REPORT <text>"],
    declare: ["START <pin> [ernst] <omschrijving>", "DECLARE <pin> [level] <description>"],
    decide: ["BESLIS A|B <pin> [locatie/reden]", "DECIDE A|B <pin> [location/reason]"],
    close: ["SLUIT <pin> [opmerking]", "CLOSE <pin> [note]"],
    help: ["HELP", "HELP"],
  };
  return u[kind][nl ? 0 : 1];
}

const CONFIRM = new Set(["bevestig", "confirm"]);

export function parseSms(raw: string): SmsCommand {
  // "NEEM3", "neem #3" and "Neem 3." all mean NEEM 3; "Ik kom" and "Ik kan niet" as on the cards.
  const text = raw
    .trim()
    .replace(/^([A-Za-z]+)\s*#?\s*([0-9])/, "$1 $2")
    .replace(/[.!]+$/, "");
  if (/^ik\s+kom\b/i.test(text)) return { kind: "yes" };
  const cannot = /^ik\s+kan\s+niet\b[\s,.:;-]*/i.exec(text);
  if (cannot) return no(text.slice(cannot[0].length));
  const [first = "", ...rest] = text.split(/\s+/);
  const word = first.toLowerCase().replace(/[,.:;]+$/, "");
  const kind = WORDS[word];
  const tail = text.slice(first.length).trim();
  switch (kind) {
    case undefined:
      return { kind: "unknown", word: first };
    case "yes":
    case "tasks":
    case "status":
    case "help":
      return { kind };
    case "no":
      return no(tail);
    case "claim":
    case "complete": {
      const task = taskNumber(rest[0]);
      return task ? { kind, task } : { kind: "unknown", word: first, usage: kind };
    }
    case "block": {
      const task = taskNumber(rest[0]);
      const reason = rest.slice(1).join(" ").trim();
      return task && reason
        ? { kind, task, reason }
        : { kind: "unknown", word: first, usage: kind };
    }
    case "report":
      return tail ? { kind, text: tail } : { kind: "unknown", word: first, usage: kind };
    case "declare":
      return parseDeclare(first, rest);
    case "decide":
      return parseDecide(first, rest);
    case "close": {
      const [pin, ...words] = rest;
      if (!pin) return { kind: "unknown", word: first, usage: kind };
      const confirmed = CONFIRM.has(words.at(-1)?.toLowerCase() ?? "");
      const note = (confirmed ? words.slice(0, -1) : words).join(" ").trim();
      return { kind, pin, confirmed, ...(note ? { note } : {}) };
    }
  }
  return { kind: "unknown", word: first };
}

function no(reason: string): SmsCommand {
  const why = reason.trim();
  return why ? { kind: "no", reason: why } : { kind: "no" };
}

function taskNumber(word: string | undefined): number | null {
  const match = /^#?([0-9]{1,4})[.,:]?$/.exec(word ?? "");
  return match ? Number(match[1]) : null;
}

function parseDeclare(first: string, words: string[]): SmsCommand {
  const [pin, ...rest] = words;
  if (!pin) return { kind: "unknown", word: first, usage: "declare" };
  const level = rest[0]?.toLowerCase();
  const classification = CLASSIFICATIONS.find((c) => c === level);
  const description = (classification ? rest.slice(1) : rest).join(" ").trim();
  return {
    kind: "declare",
    pin,
    ...(classification ? { classification } : {}),
    ...(description ? { description } : {}),
  };
}

/** `BESLIS A 1234 …` as suggested, and `BESLIS 1234 A …` as people may type it. */
function parseDecide(first: string, words: string[]): SmsCommand {
  const [one, two, ...rest] = words;
  const isSituation = (w: string | undefined) =>
    w?.toUpperCase() === "A" || w?.toUpperCase() === "B";
  const [situation, pin] = isSituation(one) ? [one, two] : isSituation(two) ? [two, one] : [];
  if (!situation || !pin) return { kind: "unknown", word: first, usage: "decide" };
  const confirmed = CONFIRM.has(rest.at(-1)?.toLowerCase() ?? "");
  const text = (confirmed ? rest.slice(0, -1) : rest).join(" ").trim();
  return {
    kind: "decide",
    pin,
    situation: situation.toUpperCase() as "A" | "B",
    confirmed,
    ...(text ? { rest: text } : {}),
  };
}
