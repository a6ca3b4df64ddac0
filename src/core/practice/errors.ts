// What goes wrong with reachability tests, in Dutch and English (spread into core/errors.ts).
import type { ErrorParams } from "../errors.ts";

export const PRACTICE_ERRORS = {
  "test-open": {
    nl: (p: ErrorParams) =>
      `Test ${p.number} loopt nog (tot ${p.until}). Sluit hem eerst af met /ramp test stop.`,
    en: (p: ErrorParams) =>
      `Test ${p.number} is still running (until ${p.until}). Close it first with /ramp test stop.`,
  },
  "test-during-incident": {
    nl: (p: ErrorParams) =>
      `Er loopt een echt incident (${p.number}): geen test nu, zodat niemand een test met het incident verwart.`,
    en: (p: ErrorParams) =>
      `A real incident is active (${p.number}): no test now, so nobody mistakes a test for the incident.`,
  },
  "no-open-test": {
    nl: () => "Er loopt geen bereikbaarheidstest. Start er een met /ramp test.",
    en: () => "No reachability test is running. Start one with /ramp test.",
  },
  "test-not-found": {
    nl: () => "Deze test bestaat niet (meer).",
    en: () => "This test does not exist (any more).",
  },
  "test-not-yours": {
    nl: (p: ErrorParams) => `Dit testbericht is voor ${p.name}.`,
    en: (p: ErrorParams) => `This test message is for ${p.name}.`,
  },
};
