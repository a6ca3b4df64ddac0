// One text from a person in the plan, carried out: the word read, the PIN checked where one is
// needed, the core's own operation run with the person as actor (source `sms`), and the answer
// written in the plan's language within two SMS segments. See README, "SMS".
import type { Actor } from "../actor.ts";
import type { CrisisEngine } from "../engine.ts";
import { RampError } from "../errors.ts";
import { formatTime } from "../time.ts";
import { answerBySms, answerContactCheckBySms, answerTestBySms, type SmsReply } from "./answer.ts";
import { closeBySms, decideBySms, declareBySms, PinRefused, requirePin } from "./leader.ts";
import { lockedUntil } from "./pin.ts";
import { fitSegments } from "./segments.ts";
import { statusBySms } from "./status.ts";
import { taskBySms, tasksBySms } from "./tasks.ts";
import { noteSms, type SmsNote } from "./timeline.ts";
import { parseSms, type SmsCommand, type SmsWord, usage } from "./words.ts";

/** The most segments an answer may take. */
export const MAX_REPLY_SEGMENTS = 2;

/**
 * Runs the text `body` that `number` (the sender, international form) sent for `personId`.
 * Returns the reply (already cut to two segments) and the incident it is about.
 */
export async function runSms(
  engine: CrisisEngine,
  personId: string,
  number: string,
  body: string,
): Promise<SmsReply> {
  const actor: Actor = { personId, source: "sms" };
  const command = parseSms(body);
  const reply = await answer(engine, actor, number, command);
  return { ...reply, text: fitSegments(reply.text, MAX_REPLY_SEGMENTS) };
}

async function answer(
  engine: CrisisEngine,
  actor: Actor,
  number: string,
  command: SmsCommand,
): Promise<SmsReply> {
  const { dir } = engine.ctx;
  const nl = dir.locale === "nl";
  const locked = await lockedUntil(engine.ctx, number);
  if (locked) {
    const at = formatTime(locked, dir.locale, dir.timeZone);
    engine.ctx.log.warn({ personId: actor.personId, number }, "sms: refused, number locked");
    return noted(
      engine,
      actor,
      { command: command.kind, outcome: "locked" },
      {
        text: nl
          ? `Sms-acties van dit nummer zijn vergrendeld tot ${at} na foute PIN's. Gebruik Slack, Teams of het crisisbord.`
          : `SMS actions from this number are locked until ${at} after wrong PINs. Use Slack, Teams or the crisis board.`,
        incidentId: null,
      },
    );
  }
  try {
    switch (command.kind) {
      case "help":
        return noted(
          engine,
          actor,
          { command: "help", outcome: "answered" },
          {
            text: wordList(nl),
            incidentId: null,
          },
        );
      case "unknown":
        return noted(
          engine,
          actor,
          { command: "unknown", outcome: "not-understood" },
          {
            text: command.usage
              ? nl
                ? `Gebruik: ${usage(command.usage, nl)}. ${wordList(nl)}`
                : `Use: ${usage(command.usage, nl)}. ${wordList(nl)}`
              : nl
                ? `"${command.word}" begrijp ik niet. ${wordList(nl)}`
                : `I don't understand "${command.word}". ${wordList(nl)}`,
            incidentId: null,
          },
        );
      case "yes":
      case "no": {
        const answered =
          (await answerBySms(
            engine,
            actor,
            command.kind === "yes" ? "coming" : "declined",
            command.kind === "no" ? command.reason : undefined,
          )) ??
          (await answerTestBySms(engine, actor)) ??
          (await answerContactCheckBySms(engine, actor, command.kind));
        if (answered) return answered;
        return {
          text: nl
            ? "Er staat geen oproep of test voor u open. STATUS toont het lopende incident."
            : "There is no page or test open for you. STATUS shows the running incident.",
          incidentId: null,
        };
      }
      case "claim":
      case "complete":
        return await taskBySms(engine, actor, command.kind, command.task);
      case "block":
        return await taskBySms(engine, actor, "block", command.task, command.reason);
      case "tasks":
        return noted(
          engine,
          actor,
          { command: "tasks", outcome: "answered" },
          await tasksBySms(engine, actor),
        );
      case "status":
        return noted(
          engine,
          actor,
          { command: "status", outcome: "answered" },
          await statusBySms(engine),
        );
      case "report":
        return await reportBySms(engine, actor, command.text);
      case "declare":
      case "decide":
      case "close":
        await requirePin(engine, actor, number, command);
        if (command.kind === "declare") return await declareBySms(engine, actor, command);
        if (command.kind === "decide") return await decideBySms(engine, actor, command);
        return await closeBySms(engine, actor, command);
    }
  } catch (error) {
    if (error instanceof PinRefused)
      return noted(engine, actor, error.note, { text: error.reply, incidentId: null });
    if (error instanceof RampError) {
      const view = error.view();
      return noted(
        engine,
        actor,
        { command: command.kind, outcome: "refused", code: view.code },
        {
          text: smsError(view.code, nl) ?? (nl ? view.nl : view.en),
          incidentId: null,
        },
      );
    }
    throw error;
  }
}

/**
 * On the running incident's timeline (the only active one), for a text that changed nothing
 * itself; then the reply, tied to that incident for the review's count.
 */
async function noted(
  engine: CrisisEngine,
  actor: Actor,
  note: SmsNote,
  reply: SmsReply,
): Promise<SmsReply> {
  const active = await engine.activeIncidents();
  const incidentId = reply.incidentId ?? (active.length === 1 ? active[0]!.id : null);
  if (incidentId && active.some((i) => i.id === incidentId))
    await noteSms(engine.ctx, incidentId, actor, note);
  return { ...reply, incidentId };
}

async function reportBySms(engine: CrisisEngine, actor: Actor, text: string): Promise<SmsReply> {
  const nl = engine.directory.locale === "nl";
  const result = await engine.report(actor, text);
  if (result.kind === "logged") {
    return {
      text: nl
        ? `Er loopt al een incident (${result.incident.number}): uw melding staat in het logboek.`
        : `An incident is active (${result.incident.number}): your report is in its log.`,
      incidentId: result.incident.id,
    };
  }
  const names = result.alerted.map((id) => engine.directory.name(id)).join(", ");
  return {
    text: nl
      ? `Uw melding is doorgegeven aan ${names || "de coördinator"}. Wie beslist, start zo nodig het incident.`
      : `Your report was passed on to ${names || "the coordinator"}. They decide whether to start an incident.`,
    incidentId: null,
  };
}

/** Chat wording that names /ramp commands, said the SMS way. */
function smsError(code: string, nl: boolean): string | null {
  if (code === "no-active-incident")
    return nl
      ? "Er loopt geen incident. MELDING <tekst> meldt er een; START <pin> <omschrijving> start het."
      : "There is no active incident. REPORT <text> reports one; DECLARE <pin> <description> starts it.";
  return null;
}

const WORDS: SmsWord[] = ["yes", "no", "claim", "complete", "block", "tasks", "status", "report"];
const PIN_WORDS: SmsWord[] = ["declare", "decide", "close"];

/** Every word, in one text: what a text not understood gets back. */
export function wordList(nl: boolean): string {
  const list = WORDS.map((w) => usage(w, nl)).join(", ");
  const pin = PIN_WORDS.map((w) => usage(w, nl)).join(", ");
  return nl ? `Woorden: ${list}. Met PIN: ${pin}.` : `Words: ${list}. With PIN: ${pin}.`;
}
