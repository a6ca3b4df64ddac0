// Errors a person can act on: a stable code for adapters and logs, and a Dutch and an English sentence.
import { CONTACT_ERRORS } from "./contacts/errors.ts";
import { PRACTICE_ERRORS } from "./practice/errors.ts";

export type ErrorParams = Record<string, string | number>;

const MESSAGES = {
  "not-in-plan": {
    nl: () => "U staat niet in het crisisplan. Vraag de coördinator om u toe te voegen.",
    en: () => "You are not in the crisis plan. Ask the coordinator to add you.",
  },
  "identity-unavailable": {
    nl: (p) =>
      `Ramp kon niet nagaan wie u bent: ${p.platform} antwoordt nu niet. Er is niets gewijzigd; probeer het over een minuut opnieuw.`,
    en: (p) =>
      `Ramp could not check who you are: ${p.platform} is not answering right now. Nothing was changed; try again in a minute.`,
  },
  "not-coordinator": {
    nl: (p) => `Enkel de coördinator of een plaatsvervanger kan ${p.action}.`,
    en: (p) => `Only the coordinator or a deputy can ${p.actionEn ?? p.action}.`,
  },
  "incident-active": {
    nl: (p) =>
      `Er loopt al een incident (${p.number}). Open een tweede enkel als het echt een ander incident is.`,
    en: (p) =>
      `An incident is already active (${p.number}). Open a second one only if it really is a different incident.`,
  },
  "no-active-incident": {
    nl: () => "Er loopt geen incident. Start er een met /ramp start.",
    en: () => "There is no active incident. Start one with /ramp start.",
  },
  "several-active-incidents": {
    nl: (p) => `Er lopen meerdere incidenten (${p.numbers}). Zeg welk incident u bedoelt.`,
    en: (p) => `Several incidents are active (${p.numbers}). Say which incident you mean.`,
  },
  "incident-not-found": {
    nl: (p) => `Incident ${p.id} bestaat niet.`,
    en: (p) => `Incident ${p.id} does not exist.`,
  },
  "incident-closed": {
    nl: (p) => `Incident ${p.number} is afgesloten; er kan niets meer veranderen.`,
    en: (p) => `Incident ${p.number} is closed; nothing can change any more.`,
  },
  "invalid-input": {
    nl: (p) => `${p.field}: ${p.nl}`,
    en: (p) => `${p.field}: ${p.en}`,
  },
  "unknown-location": {
    nl: (p) => `Uitwijklocatie "${p.id}" staat niet in het plan. Kies uit: ${p.known}.`,
    en: (p) => `Fallback location "${p.id}" is not in the plan. Choose from: ${p.known}.`,
  },
  "name-ambiguous": {
    nl: (p) =>
      `"${p.query}" past bij meer dan één ${p.kind}: ${p.candidates}. Typ meer van de naam.`,
    en: (p) =>
      `"${p.query}" fits more than one ${p.kindEn}: ${p.candidates}. Type more of the name.`,
  },
  "location-required": {
    nl: (p) => `Situatie A vraagt een uitwijklocatie. Kies uit: ${p.known}.`,
    en: (p) => `Situation A needs a fallback location. Choose from: ${p.known}.`,
  },
  "decision-unchanged": {
    nl: () => "Dat is al de huidige beslissing.",
    en: () => "That is already the current decision.",
  },
  "decision-change-reason": {
    nl: (p) =>
      `De huidige beslissing is ${p.current}. Een wijziging vraagt een reden: zeg waarom, zodat de crisisstaf en de review het weten.`,
    en: (p) =>
      `The current decision is ${p.current}. A change needs a reason: say why, so the crisis staff and the review know.`,
  },
  "decision-change-unconfirmed": {
    nl: (p) =>
      `De huidige beslissing is ${p.current}. Een wijziging annuleert taken die niet gedeeld worden: bekijk eerst wat er verandert en bevestig dan.`,
    en: (p) =>
      `The current decision is ${p.current}. A change cancels the tasks that are not shared: look at what changes first, then confirm.`,
  },
  "meeting-unchanged": {
    nl: (p) => `Het contactadres is al ${p.place}.`,
    en: (p) => `The meeting address already is ${p.place}.`,
  },
  "page-not-found": {
    nl: () => "Deze oproep bestaat niet (meer).",
    en: () => "This page does not exist (any more).",
  },
  "page-not-yours": {
    nl: (p) => `Deze oproep is voor ${p.name}.`,
    en: (p) => `This page is for ${p.name}.`,
  },
  "page-already-answered": {
    nl: (p) => `U antwoordde al: ${p.answer}.`,
    en: (p) => `You already answered: ${p.answer}.`,
  },
  "task-not-found": {
    nl: () => "Deze taak bestaat niet (meer).",
    en: () => "This task does not exist (any more).",
  },
  "task-claimed": {
    nl: (p) =>
      `Al opgenomen door ${p.name}.${p.leaders ? ` Overnemen kan als ${p.name} de taak vrijgeeft, of via de coördinator of een plaatsvervanger: ${p.leaders}.` : ""}`,
    en: (p) =>
      `Already claimed by ${p.name}.${p.leadersEn ? ` To take it over, ask ${p.name} to release it, or ask the coordinator or a deputy: ${p.leadersEn}.` : ""}`,
  },
  "task-not-yours": {
    nl: (p) =>
      `Deze taak is van ${p.name}. Enkel ${p.name}${p.leaders ? ` of de coördinator of een plaatsvervanger (${p.leaders})` : ""} kan dit doen.`,
    en: (p) =>
      `This task belongs to ${p.name}. Only ${p.name}${p.leadersEn ? ` or the coordinator or a deputy (${p.leadersEn})` : ""} can do this.`,
  },
  "task-state": {
    nl: (p) => `Dat kan niet: de taak is ${p.status}.`,
    en: (p) => `Not possible: the task is ${p.statusEn ?? p.status}.`,
  },
  "reason-required": {
    nl: () => "Geef een reden: wat houdt de taak tegen?",
    en: () => "Give a reason: what is blocking the task?",
  },
  "service-not-found": {
    nl: (p) => `Dienst "${p.id}" hoort niet bij de huidige situatie. Kies uit: ${p.known}.`,
    en: (p) => `Service "${p.id}" is not part of the current situation. Choose from: ${p.known}.`,
  },
  "service-restored": {
    nl: (p) => `${p.name} is al hersteld gemeld.`,
    en: (p) => `${p.name} was already marked restored.`,
  },
  "no-decision": {
    nl: () => "Er is nog geen beslissing (situatie A of B); de taken komen er na de beslissing.",
    en: () => "No decision yet (situation A or B); the tasks follow the decision.",
  },
  "entry-not-found": {
    nl: () => "Die tijdlijnregel bestaat niet in dit incident.",
    en: () => "That timeline entry does not exist in this incident.",
  },
  "database-unavailable": {
    nl: () =>
      "Ramp kan zijn databank nu niet bereiken, dus dit is niet gelukt. Probeer opnieuw over een halve minuut; de beheerder ziet het probleem in /healthz.",
    en: () =>
      "Ramp cannot reach its database right now, so this did not go through. Try again in half a minute; the administrator sees the problem in /healthz.",
  },
  "exercise-during-incident": {
    nl: (p) =>
      `Er loopt een echt incident (${p.number}): een oefening kan pas als het afgesloten is.`,
    en: (p) => `A real incident is active (${p.number}): an exercise can start once it is closed.`,
  },
  "exercise-active": {
    nl: (p) =>
      `Oefening ${p.number} loopt al. Stop ze eerst met /ramp oefening stop, of stuur een inject met /ramp oefening inject <tekst>.`,
    en: (p) =>
      `Exercise ${p.number} is already running. Stop it first with /ramp oefening stop, or send an inject with /ramp oefening inject <text>.`,
  },
  "no-active-exercise": {
    nl: () => "Er loopt geen oefening. Start er een met /ramp oefening start [scenario].",
    en: () => "No exercise is running. Start one with /ramp oefening start [scenario].",
  },
  "unknown-scenario": {
    nl: (p) => `Scenario "${p.id}" staat niet in het plan. Kies uit: ${p.known}.`,
    en: (p) => `Scenario "${p.id}" is not in the plan. Choose from: ${p.known}.`,
  },
  "person-not-found": {
    nl: (p) => `Persoon "${p.id}" staat niet in het plan.`,
    en: (p) => `Person "${p.id}" is not in the plan.`,
  },
  ...PRACTICE_ERRORS,
  ...CONTACT_ERRORS,
} satisfies Record<string, { nl: (p: ErrorParams) => string; en: (p: ErrorParams) => string }>;

export type ErrorCode = keyof typeof MESSAGES;

export class RampError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(MESSAGES[code].en(params));
    this.name = "RampError";
  }

  /** Dutch and English sentence, for adapters to show (ephemeral where the platform allows). */
  view(): ErrorView {
    const wording = MESSAGES[this.code] as {
      nl: (p: ErrorParams) => string;
      en: (p: ErrorParams) => string;
    };
    return { code: this.code, nl: wording.nl(this.params), en: wording.en(this.params) };
  }
}

/**
 * The database could not be reached or is locked (PostgreSQL gone, connection cut, SQLite file
 * locked by another process). The store raises it in place of the driver's error. Not a
 * RampError on purpose: code that turns a person's mistake into an answer (`instanceof
 * RampError`) must not swallow an outage; each platform's failure handler shows its view
 * ("probeer opnieuw") and logs `detail`, which /healthz shows too.
 */
export class DatabaseUnavailableError extends Error {
  readonly code = "database-unavailable" satisfies ErrorCode;

  constructor(
    readonly detail: string,
    options: { cause?: unknown } = {},
  ) {
    super(MESSAGES["database-unavailable"].en(), options);
    this.name = "DatabaseUnavailableError";
  }

  view(): ErrorView {
    const wording = MESSAGES[this.code];
    return { code: this.code, nl: wording.nl(), en: wording.en() };
  }
}

export interface ErrorView {
  code: ErrorCode;
  nl: string;
  en: string;
}

/** Typed text that must say something: trimmed, or invalid-input with what to write where. */
export function requiredText(
  text: string,
  field: string,
  hint: { nl: string; en: string },
): string {
  const body = text.trim();
  if (!body) throw new RampError("invalid-input", { field, ...hint });
  return body;
}
