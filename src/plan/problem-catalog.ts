// What each plan problem says, in Dutch and English: the message and a hint to fix it.

import { PRACTICE_PROBLEMS } from "./practice-problems.ts";
import {
  FORMAT_EN,
  FORMAT_HINT_EN,
  FORMAT_HINT_NL,
  FORMAT_NL,
  type FormatName,
  type IdKind,
  KIND_NL,
  typeNl,
} from "./problem-words.ts";
import type { Params } from "./problems.ts";
import type { Locale } from "./schema.ts";

type Text = (p: Params) => string;
export interface Wording {
  message: Text;
  hint: Text;
}

/** An id that names nothing in `section`: add it there, or use an existing one (a guess, if close). */
function unknownReference(kind: Record<Locale, string>, section: string): Record<Locale, Wording> {
  const guess = (p: Params, ask: string) => (p.suggestion ? ` (${ask} "${p.suggestion}"?)` : "");
  return {
    nl: {
      message: (p) => `onbekende ${kind.nl} "${p.id}"`,
      hint: (p) =>
        `Voeg "${p.id}" toe onder ${section}, of gebruik een bestaande id${guess(p, "bedoelde u")}.`,
    },
    en: {
      message: (p) => `unknown ${kind.en} "${p.id}"`,
      hint: (p) =>
        `Add "${p.id}" under ${section}, or use an existing id${guess(p, "did you mean")}.`,
    },
  };
}

export const CATALOG = {
  "file.unreadable": {
    nl: {
      message: (p) => `kan het bestand niet lezen (${p.detail})`,
      hint: () => "Controleer het pad en de rechten op het bestand.",
    },
    en: {
      message: (p) => `cannot read the file (${p.detail})`,
      hint: () => "Check the path and the file's permissions.",
    },
  },
  "yaml.syntax": {
    nl: {
      message: (p) => `ongeldige YAML: ${p.detail}`,
      hint: () =>
        "Kijk naar inspringing, dubbele punten en aanhalingstekens op die regel of de regel erboven.",
    },
    en: {
      message: (p) => `invalid YAML: ${p.detail}`,
      hint: () => "Look at indentation, colons and quotes on that line or the one above.",
    },
  },
  "yaml.empty": {
    nl: {
      message: () => "het bestand is leeg of bevat geen YAML-object",
      hint: () => "Vertrek van plans/ocmw-zonnebeke.yaml en pas het aan.",
    },
    en: {
      message: () => "the file is empty or holds no YAML mapping",
      hint: () => "Start from plans/ocmw-zonnebeke.yaml and adapt it.",
    },
  },
  "shape.missing": {
    nl: { message: () => "verplicht veld ontbreekt", hint: (p) => `Voeg "${p.field}" toe.` },
    en: { message: () => "required field is missing", hint: (p) => `Add "${p.field}".` },
  },
  "shape.type": {
    nl: {
      message: (p) => `verwacht ${typeNl(p.expected)}, maar gevonden: ${typeNl(p.received)}`,
      hint: () => "Pas de waarde aan naar het verwachte type.",
    },
    en: {
      message: (p) => `expected ${p.expected}, got ${p.received}`,
      hint: () => "Change the value to the expected type.",
    },
  },
  "shape.unknownField": {
    nl: {
      message: (p) => `onbekend veld "${p.field}"`,
      hint: (p) =>
        p.suggestion
          ? `Bedoelde u "${p.suggestion}"?`
          : "Verwijder het veld of controleer de spelling.",
    },
    en: {
      message: (p) => `unknown field "${p.field}"`,
      hint: (p) =>
        p.suggestion
          ? `Did you mean "${p.suggestion}"?`
          : "Remove the field or check its spelling.",
    },
  },
  "shape.enum": {
    nl: { message: (p) => `ongeldige waarde "${p.value}"`, hint: (p) => `Kies uit: ${p.options}.` },
    en: {
      message: (p) => `invalid value "${p.value}"`,
      hint: (p) => `Choose one of: ${p.options}.`,
    },
  },
  "shape.format": {
    nl: {
      message: (p) =>
        `"${p.value}" is geen geldige ${FORMAT_NL[p.format as FormatName] ?? p.format}`,
      hint: (p) => FORMAT_HINT_NL[p.format as FormatName] ?? "",
    },
    en: {
      message: (p) =>
        `"${p.value}" is not a valid ${FORMAT_EN[p.format as FormatName] ?? p.format}`,
      hint: (p) => FORMAT_HINT_EN[p.format as FormatName] ?? "",
    },
  },
  "shape.tooFew": {
    nl: {
      message: (p) =>
        `minstens ${p.minimum} ${Number(p.minimum) === 1 ? "element" : "elementen"} nodig`,
      hint: () => "Vul deze lijst aan.",
    },
    en: {
      message: (p) => `needs at least ${p.minimum} ${Number(p.minimum) === 1 ? "item" : "items"}`,
      hint: () => "Add items to this list.",
    },
  },
  "shape.count": {
    nl: {
      message: (p) => `precies ${p.expected} elementen nodig`,
      hint: () => "Beschrijf zwak, klein, groot en crisis, elk één keer.",
    },
    en: {
      message: (p) => `needs exactly ${p.expected} items`,
      hint: () => "Describe zwak, klein, groot and crisis, once each.",
    },
  },
  "shape.number": {
    nl: {
      message: (p) => `moet groter zijn dan ${p.minimum}${p.integer ? " en een geheel getal" : ""}`,
      hint: () => "Geef een positief getal.",
    },
    en: {
      message: (p) => `must be greater than ${p.minimum}${p.integer ? " and a whole number" : ""}`,
      hint: () => "Give a positive number.",
    },
  },
  "shape.literal": {
    nl: {
      message: (p) => `moet ${p.expected} zijn`,
      hint: () => "Deze versie van Ramp leest plannen in formaat 1.",
    },
    en: {
      message: (p) => `must be ${p.expected}`,
      hint: () => "This version of Ramp reads plans in format 1.",
    },
  },
  "shape.other": {
    nl: {
      message: (p) => `ongeldige waarde (${p.detail})`,
      hint: () => "Vergelijk met het voorbeeldplan plans/ocmw-zonnebeke.yaml.",
    },
    en: {
      message: (p) => `invalid value (${p.detail})`,
      hint: () => "Compare with the sample plan plans/ocmw-zonnebeke.yaml.",
    },
  },
  "ref.person": unknownReference({ nl: "persoon", en: "person" }, "people"),
  "ref.function": unknownReference({ nl: "functie", en: "function" }, "functions"),
  "ref.service": {
    nl: {
      message: (p) => `onbekende dienst "${p.id}"`,
      hint: (p) => `Diensten van situatie ${p.situation}: ${p.known}.`,
    },
    en: {
      message: (p) => `unknown service "${p.id}"`,
      hint: (p) => `Services of situation ${p.situation}: ${p.known}.`,
    },
  },
  "task.sameAsUnknown": {
    nl: {
      message: (p) =>
        `sameAs verwijst naar "${p.id}", maar situatie ${p.other} heeft geen taak met die id`,
      hint: (p) =>
        `sameAs noemt dezelfde taak in de andere situatie. Taken van situatie ${p.other}: ${p.known}.`,
    },
    en: {
      message: (p) =>
        `sameAs refers to "${p.id}", but situation ${p.other} has no task with that id`,
      hint: (p) =>
        `sameAs names the same task in the other situation. Tasks of situation ${p.other}: ${p.known}.`,
    },
  },
  "task.sameAsTwice": {
    nl: {
      message: (p) => `taak "${p.id}" van situatie ${p.other} is al dezelfde als "${p.first}"`,
      hint: () =>
        "Een taak kan maar met één taak van de andere situatie dezelfde zijn; verwijder een van beide sameAs.",
    },
    en: {
      message: (p) => `task "${p.id}" of situation ${p.other} is already the same as "${p.first}"`,
      hint: () =>
        "A task can be the same as only one task of the other situation; remove one of the two sameAs.",
    },
  },
  "task.sameAsMismatch": {
    nl: {
      message: (p) =>
        `"${p.task}" is dezelfde als "${p.id}", maar "${p.id}" noemt zelf "${p.other}" als dezelfde`,
      hint: (p) =>
        `Laat beide taken naar elkaar verwijzen, of schrijf sameAs maar op één ervan (bij "${p.task}" of bij "${p.id}").`,
    },
    en: {
      message: (p) =>
        `"${p.task}" is the same as "${p.id}", but "${p.id}" names "${p.other}" as its own counterpart`,
      hint: (p) =>
        `Let both tasks point to each other, or write sameAs on only one of them ("${p.task}" or "${p.id}").`,
    },
  },
  "duplicate.id": {
    nl: {
      message: (p) => `dubbele ${KIND_NL[p.kind as IdKind] ?? p.kind}-id "${p.id}"`,
      hint: (p) => `De id werd al gebruikt in ${p.first}; elke id moet uniek zijn.`,
    },
    en: {
      message: (p) => `duplicate ${p.kind} id "${p.id}"`,
      hint: (p) => `The id is already used at ${p.first}; every id must be unique.`,
    },
  },
  "function.noAlternate": {
    nl: {
      message: (p) => `functie "${p.id}" heeft geen vervanger`,
      hint: () => "Duid minstens één vervanger aan onder alternates (afwezigheid, ziekte, …).",
    },
    en: {
      message: (p) => `function "${p.id}" has no alternate`,
      hint: () => "Name at least one alternate under alternates (absence, illness, …).",
    },
  },
  "function.alternateIsHolder": {
    nl: {
      message: (p) => `"${p.id}" is zowel titularis als vervanger`,
      hint: () => "Een vervanger moet een andere persoon zijn dan de titularis.",
    },
    en: {
      message: (p) => `"${p.id}" is both holder and alternate`,
      hint: () => "An alternate must be someone other than the holder.",
    },
  },
  "coordination.emptyCrisisStaff": {
    nl: {
      message: () => "de crisisstaf is leeg",
      hint: () => "Som onder coordination.crisisStaff de functies op die opgeroepen worden.",
    },
    en: {
      message: () => "the crisis staff is empty",
      hint: () => "List the functions to page under coordination.crisisStaff.",
    },
  },
  "coordination.deputyIsCoordinator": {
    nl: {
      message: (p) => `"${p.id}" is al coördinator`,
      hint: () => "Een plaatsvervanger moet een andere persoon zijn.",
    },
    en: {
      message: (p) => `"${p.id}" is already the coordinator`,
      hint: () => "A deputy must be someone else.",
    },
  },
  "situation.rtoBeyondTarget": {
    nl: {
      message: (p) =>
        `RTO van ${p.hours} uur is langer dan de doelstelling van situatie ${p.situation} (${p.target} uur)`,
      hint: () => "Verkort de RTO of verleng de doelstelling (targetHours) van de situatie.",
    },
    en: {
      message: (p) =>
        `RTO of ${p.hours} hours exceeds situation ${p.situation}'s target (${p.target} hours)`,
      hint: () => "Shorten the RTO or lengthen the situation's targetHours.",
    },
  },
  "situation.deadlineBeyondTarget": {
    nl: {
      message: (p) =>
        `deadline van ${p.hours} uur valt na de doelstelling van situatie ${p.situation} (${p.target} uur)`,
      hint: () => "Verkort deadlineHours of laat het weg om de RTO van de dienst te volgen.",
    },
    en: {
      message: (p) =>
        `deadline of ${p.hours} hours falls after situation ${p.situation}'s target (${p.target} hours)`,
      hint: () => "Shorten deadlineHours, or leave it out to follow the service's RTO.",
    },
  },
  "situation.serviceWithoutTask": {
    nl: {
      message: (p) => `dienst "${p.id}" heeft geen taken`,
      hint: () =>
        "Zonder taken kan de dienst enkel manueel als hersteld gemeld worden; koppel taken via service.",
    },
    en: {
      message: (p) => `service "${p.id}" has no tasks`,
      hint: () =>
        "Without tasks the service can only be marked restored by hand; link tasks through service.",
    },
  },
  "classification.levels": {
    nl: {
      message: (p) => `niveau "${p.id}" ontbreekt`,
      hint: () => "Beschrijf zwak, klein, groot en crisis, elk één keer.",
    },
    en: {
      message: (p) => `level "${p.id}" is missing`,
      hint: () => "Describe zwak, klein, groot and crisis, once each.",
    },
  },
  "reminders.duplicateLeadTime": {
    nl: {
      message: (p) => `herinneringstijdstip ${p.value} staat er twee keer`,
      hint: () => "Laat het dubbele tijdstip weg.",
    },
    en: {
      message: (p) => `lead time ${p.value} appears twice`,
      hint: () => "Remove the duplicate lead time.",
    },
  },
  "scenario.injectTarget": {
    nl: {
      message: (p) => `onbekende ontvanger "${p.id}" voor een inject van scenario "${p.scenario}"`,
      hint: (p) =>
        `Schrijf bij "to" een functie-id (${p.known}), "coordinator" of "channel"${p.suggestion ? ` (bedoelde u "${p.suggestion}"?)` : ""}.`,
    },
    en: {
      message: (p) => `unknown recipient "${p.id}" for an inject of scenario "${p.scenario}"`,
      hint: (p) =>
        `Write a function id (${p.known}), "coordinator" or "channel" under "to"${p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ""}.`,
    },
  },
  "scenario.injectAtStart": {
    nl: {
      message: (p) => `een inject van scenario "${p.scenario}" valt op de start van de oefening`,
      hint: () =>
        'Geef een tijd na de start, bv. "at: 30m"; wat bij de start geldt, staat in de omschrijving van het scenario.',
    },
    en: {
      message: (p) => `an inject of scenario "${p.scenario}" falls on the start of the exercise`,
      hint: () =>
        'Give a time after the start, e.g. "at: 30m"; what holds at the start belongs in the scenario\'s description.',
    },
  },
  "person.unreachable": {
    nl: {
      message: (p) => `"${p.id}" is niet bereikbaar via Slack, Teams of telefoon`,
      hint: () =>
        "Vul slackUserId, teamsUserId of mobile in, anders kan Ramp deze persoon niet oproepen.",
    },
    en: {
      message: (p) => `"${p.id}" cannot be reached by Slack, Teams or phone`,
      hint: () =>
        "Fill in slackUserId, teamsUserId or mobile, otherwise Ramp cannot page this person.",
    },
  },
  ...PRACTICE_PROBLEMS,
} satisfies Record<string, Record<Locale, Wording>>;
