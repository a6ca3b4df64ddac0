// The words on cards, in the plan's language.
import type { Classification, Locale } from "../../plan/schema.ts";
import type { PageStatus, Phase, Scope, TaskStatus } from "../model.ts";

type Words = Record<Locale, string>;
const w = (nl: string, en: string): Words => ({ nl, en });

const CLASSIFICATION: Record<Classification, Words> = {
  zwak: w("Zwak", "Weak"),
  klein: w("Klein", "Minor"),
  groot: w("Groot", "Major"),
  crisis: w("Crisis", "Crisis"),
};
const SCOPE: Record<Scope, Words> = {
  totaal: w("Totaal", "Total"),
  gedeeltelijk: w("Gedeeltelijk", "Partial"),
  onbekend: w("Nog onbekend", "Not known yet"),
};
const TASK_STATUS: Record<TaskStatus, Words> = {
  open: w("Open", "Open"),
  claimed: w("Opgenomen", "Claimed"),
  blocked: w("Geblokkeerd", "Blocked"),
  done: w("Klaar", "Done"),
  cancelled: w("Geannuleerd", "Cancelled"),
};
const PAGE_STATUS: Record<PageStatus | "escalated", Words> = {
  sent: w("Opgeroepen, nog geen antwoord", "Paged, no answer yet"),
  coming: w("Komt", "Coming"),
  declined: w("Kan niet", "Cannot come"),
  silent: w("Geen antwoord", "No answer"),
  escalated: w("Vervanger opgeroepen", "Alternate paged"),
};
const PHASE: Record<Phase, Words> = {
  technisch: w("Technische fase", "Technical phase"),
  organisatorisch: w("Organisatorische fase", "Organisational phase"),
};
const TEXT = {
  claim: w("Opnemen", "Claim"),
  release: w("Vrijgeven", "Release"),
  complete: w("Klaar", "Done"),
  // A button names what it does: it opens the form that asks why.
  block: w("Blokkeren…", "Block…"),
  unblock: w("Deblokkeren", "Unblock"),
  coming: w("Ik kom", "I'm coming"),
  declined: w("Ik kan niet", "I can't come"),
  declineAfterAll: w("Ik kan toch niet", "I can't come after all"),
  comeAfterAll: w("Ik kom toch", "I'm coming after all"),
  active: w("Actief", "Active"),
  closed: w("Afgesloten", "Closed"),
  scope: w("Omvang", "Scope"),
  classification: w("Ernst", "Classification"),
  // When the incident started (declared in Ramp); "Gemeld door" is who reported it.
  declared: w("Gestart", "Declared"),
  by: w("Door", "By"),
  meeting: w("Contactadres", "Meeting address"),
  arriveBy: w("Aanwezig tegen", "Arrive by"),
  decision: w("Beslissing", "Decision"),
  noDecision: w("Nog geen beslissing (situatie A of B)", "No decision yet (situation A or B)"),
  officeHours: w("Tijdens de diensturen", "During office hours"),
  yes: w("ja", "yes"),
  no: w("nee", "no"),
  reportedBy: w("Gemeld door", "Reported by"),
  function: w("Functie", "Function"),
  paging: w("Oproeping crisisstaf", "Crisis staff paging"),
  callOnBoard: w(
    "bellen: het nummer vindt u met status (alleen voor u) of op het crisisbord",
    "call them: find the number with status (for you only) or on the crisis board",
  ),
  decide: w("Evaluatie en beslissing", "Evaluation and decision"),
  notActivated: w("Plan niet geactiveerd", "Plan not activated"),
  attention: w("Nu aandacht nodig", "Needs attention now"),
  attentionBlocked: w("Geblokkeerd", "Blocked"),
  attentionOverdue: w("Deadline verstreken", "Deadline passed"),
  attentionUnanswered: w("Oproepen zonder antwoord", "Pages without an answer"),
  attentionNext: w("Volgende deadline", "Next deadline"),
  attentionCalm: w(
    "Niets geblokkeerd of te laat, en elke oproep is beantwoord.",
    "Nothing blocked or overdue, and every page is answered.",
  ),
  mine: w("Mijn taken", "My tasks"),
  mineEmpty: w(
    "U heeft geen taken opgenomen. Neem er een op bij Taken.",
    "You have not claimed any tasks. Claim one under Tasks.",
  ),
  nobodyYet: w("nog niemand", "nobody yet"),
  callNow: w("bel", "call"),
} as const;

export class Labels {
  constructor(readonly locale: Locale) {}
  classification = (c: Classification) => CLASSIFICATION[c][this.locale];
  scope = (s: Scope) => (SCOPE[s] ?? w(s, s))[this.locale];
  taskStatus = (s: TaskStatus) => TASK_STATUS[s][this.locale];
  pageStatus = (s: PageStatus | "escalated") => PAGE_STATUS[s][this.locale];
  phase = (p: Phase) => PHASE[p][this.locale];
  text = (key: keyof typeof TEXT) => TEXT[key][this.locale];
}
