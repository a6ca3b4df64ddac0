// What the practice schedule's problems say, in Dutch and English (see problem-catalog.ts).
import type { Wording } from "./problem-catalog.ts";
import type { Locale } from "./schema.ts";

export const PRACTICE_PROBLEMS = {
  "practice.hours": {
    nl: {
      message: (p) => `het begin (${p.from}) ligt niet vóór het einde (${p.until})`,
      hint: () =>
        'Een test start tussen from en until op dezelfde dag, bv. from: "09:00" en until: "16:00".',
    },
    en: {
      message: (p) => `the start (${p.from}) is not before the end (${p.until})`,
      hint: () =>
        'A test starts between from and until on the same day, e.g. from: "09:00" and until: "16:00".',
    },
  },
  "practice.window": {
    nl: {
      message: (p) => `een antwoordtijd van ${p.value} is te ${p.tooShort ? "kort" : "lang"}`,
      hint: () =>
        "Geef de mensen minstens 5 minuten en hoogstens 24 uur om te antwoorden, bv. window: 1h.",
    },
    en: {
      message: (p) => `an answer window of ${p.value} is too ${p.tooShort ? "short" : "long"}`,
      hint: () => "Give people at least 5 minutes and at most 24 hours to answer, e.g. window: 1h.",
    },
  },
  "practice.automaticWithoutCadence": {
    nl: {
      message: () => "automatic: true zonder every: Ramp weet niet hoe vaak te testen",
      hint: () => "Zeg hoe vaak, bv. every: kwartaal, of zet automatic: false.",
    },
    en: {
      message: () => "automatic: true without every: Ramp does not know how often to test",
      hint: () => "Say how often, e.g. every: kwartaal, or set automatic: false.",
    },
  },
  "practice.remindTooEarly": {
    nl: {
      message: (p) => `de herinnering (${p.value} vooraf) valt vóór de vorige oefening`,
      hint: () => "Kies een kortere remindBefore dan de tijd tussen twee oefeningen, bv. 30d.",
    },
    en: {
      message: (p) => `the reminder (${p.value} ahead) comes before the previous exercise`,
      hint: () => "Choose a remindBefore shorter than the time between exercises, e.g. 30d.",
    },
  },
} satisfies Record<string, Record<Locale, Wording>>;
