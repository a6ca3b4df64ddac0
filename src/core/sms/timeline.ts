// An SMS that changed nothing by itself (a question, a refusal) still goes on the running
// incident's timeline with source `sms`: the review counts what was asked and refused by text.
// What an SMS changed (a claim, an answer) is on the timeline as that change, with source `sms`.

import type { Locale } from "../../plan/schema.ts";
import type { Actor } from "../actor.ts";
import type { EngineContext } from "../context.ts";
import { onIncident } from "../run.ts";
import { formatTime } from "../time.ts";

export type SmsOutcome =
  /** A question answered: STATUS, TAKEN, HELP. */
  | "answered"
  /** Not understood: the reply listed the words. */
  | "not-understood"
  /** The core refused it (a task that does not exist, not the person's to do). */
  | "refused"
  | "wrong-pin"
  | "no-pin"
  /** The number is locked after too many wrong PINs. */
  | "locked";

export interface SmsNote {
  /** The SMS word (status, tasks, declare, …) or "unknown"; never the PIN or the text. */
  command: string;
  outcome: SmsOutcome;
  /** For a refusal: the error's code. For a wrong PIN: the count, and the lock if it locked. */
  code?: string;
  failures?: number;
  lockedUntil?: string;
}

/** On the incident's timeline (with the person as actor, source `sms`). */
export async function noteSms(
  ctx: EngineContext,
  incidentId: string,
  actor: Actor,
  note: SmsNote,
): Promise<void> {
  await onIncident(ctx, incidentId, async (work) => {
    work.record({
      type: "sms.received",
      actorId: actor.personId,
      source: "sms",
      data: { ...note },
    });
  });
}

const COMMAND: Record<string, [string, string]> = {
  status: ["STATUS", "STATUS"],
  tasks: ["TAKEN", "TASKS"],
  help: ["HELP", "HELP"],
  declare: ["START", "DECLARE"],
  decide: ["BESLIS", "DECIDE"],
  close: ["SLUIT", "CLOSE"],
  yes: ["JA", "YES"],
  no: ["NEE", "NO"],
  claim: ["NEEM", "TAKE"],
  complete: ["KLAAR", "DONE"],
  block: ["BLOK", "BLOCK"],
  report: ["MELDING", "REPORT"],
};

/** One sentence for the timeline and the review's appendix. */
export function smsReceivedText(
  d: Record<string, unknown>,
  locale: Locale,
  timeZone: string,
): string {
  const nl = locale === "nl";
  const word = COMMAND[String(d.command)]?.[nl ? 0 : 1] ?? String(d.command);
  switch (d.outcome) {
    case "answered":
      return nl ? `Sms ${word}: beantwoord per sms` : `SMS ${word}: answered by SMS`;
    case "not-understood":
      return nl
        ? "Sms niet begrepen: de lijst met woorden teruggestuurd"
        : "SMS not understood: the list of words sent back";
    case "refused":
      return nl
        ? `Sms ${word} geweigerd (${String(d.code)})`
        : `SMS ${word} refused (${String(d.code)})`;
    case "wrong-pin": {
      const until =
        typeof d.lockedUntil === "string"
          ? formatTime(new Date(d.lockedUntil), locale, timeZone)
          : null;
      return nl
        ? `Sms ${word} geweigerd: foute PIN (poging ${String(d.failures)})${until ? `; sms van dit nummer vergrendeld tot ${until}` : ""}`
        : `SMS ${word} refused: wrong PIN (attempt ${String(d.failures)})${until ? `; texts from this number locked until ${until}` : ""}`;
    }
    case "no-pin":
      return nl
        ? `Sms ${word} geweigerd: geen sms-PIN ingesteld`
        : `SMS ${word} refused: no SMS PIN set`;
    case "locked":
      return nl
        ? `Sms ${word} geweigerd: nummer vergrendeld na foute PIN's`
        : `SMS ${word} refused: number locked after wrong PINs`;
    default:
      return nl ? `Sms ${word}` : `SMS ${word}`;
  }
}
