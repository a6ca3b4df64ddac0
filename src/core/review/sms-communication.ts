// The review's count of SMS: texts Ramp sent and the gateway took (and, with an SMS provider that
// gives delivery receipts, how many of those the phone confirmed), texts from the staff answered,
// and what the staff did by text (from the timeline's entries with source `sms`).
import type { Analysis } from "./analysis.ts";
import { onPhone } from "./delivered.ts";
import { count } from "./draft.ts";

const DONE_BY_SMS: Array<{ types: string[]; nl: [string, string]; en: [string, string] }> = [
  {
    types: ["page.answered"],
    nl: ["oproep beantwoord", "oproepen beantwoord"],
    en: ["page answered", "pages answered"],
  },
  {
    types: ["task.claimed"],
    nl: ["taak opgenomen", "taken opgenomen"],
    en: ["task claimed", "tasks claimed"],
  },
  {
    types: ["task.completed"],
    nl: ["taak klaar", "taken klaar"],
    en: ["task completed", "tasks completed"],
  },
  {
    types: ["task.blocked"],
    nl: ["taak geblokkeerd", "taken geblokkeerd"],
    en: ["task blocked", "tasks blocked"],
  },
  { types: ["log"], nl: ["melding", "meldingen"], en: ["report", "reports"] },
  {
    types: ["incident.declared", "decision.made", "incident.closed"],
    nl: ["start, beslissing of afsluiting met PIN", "starts, beslissingen of afsluitingen met PIN"],
    en: [
      "declaration, decision or closing with a PIN",
      "declarations, decisions or closings with a PIN",
    ],
  },
];

/** One sentence, or null when SMS played no part in the incident. */
export function smsSentence(a: Analysis): string | null {
  const texts = a.data.outbox.filter((m) => m.channel === "sms");
  const byStaff = a.data.timeline.filter((e) => e.source === "sms" && e.actorId);
  if (texts.length === 0 && byStaff.length === 0) return null;
  const delivered = texts.filter((m) => m.outcome?.status === "sent" || onPhone(m)).length;
  const confirmed = texts.filter(onPhone).length;
  // Only where receipts exist: a gateway without them cannot tell a phone that was off.
  const nlPhone = a.smsReceipts
    ? ` (${confirmed} aangekomen op de gsm, bevestigd door de operator; ${delivered - confirmed} enkel aanvaard door de gateway)`
    : "";
  const enPhone = a.smsReceipts
    ? ` (${confirmed} reached the phone, confirmed by the operator; ${delivered - confirmed} only accepted by the gateway)`
    : "";
  const answers = texts.filter(
    (m) => m.delivery.type === "notice" && m.delivery.notice.kind === "sms-reply",
  ).length;
  const done = DONE_BY_SMS.map((d) => ({
    n: byStaff.filter((e) => d.types.includes(e.type)).length,
    nl: d.nl,
    en: d.en,
  })).filter((d) => d.n > 0);
  const refused = byStaff.filter(
    (e) =>
      e.type === "sms.received" &&
      e.data.outcome !== "answered" &&
      e.data.outcome !== "not-understood",
  ).length;
  const nlDone = done.map((d) => count(d.n, d.nl[0], d.nl[1])).join(", ");
  const enDone = done.map((d) => count(d.n, d.en[0], d.en[1])).join(", ");
  return a.say(
    `Sms: ${count(texts.length, "bericht", "berichten")} verstuurd, ${delivered} afgeleverd bij de sms-gateway${nlPhone}, waarvan ${count(answers, "antwoord", "antwoorden")} op sms'en van de staf.${nlDone ? ` Per sms gedaan: ${nlDone}.` : ""}${refused ? ` ${count(refused, "sms", "sms'en")} geweigerd (foute PIN, vergrendeld nummer of niet toegelaten).` : ""}`,
    `SMS: ${count(texts.length, "message", "messages")} sent, ${delivered} delivered to the SMS gateway${enPhone}, of which ${count(answers, "answer", "answers")} to texts from the staff.${enDone ? ` Done by SMS: ${enDone}.` : ""}${refused ? ` ${count(refused, "text", "texts")} refused (wrong PIN, locked number or not allowed).` : ""}`,
  );
}
