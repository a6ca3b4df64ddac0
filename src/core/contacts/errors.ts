// What goes wrong with "Klopt dit nog?", in Dutch and English (spread into core/errors.ts).
import type { ErrorParams } from "../errors.ts";

export const CONTACT_ERRORS = {
  "contact-check-not-found": {
    nl: () => "Deze vraag om uw contactgegevens te bevestigen bestaat niet (meer).",
    en: () => "This request to confirm your contact details does not exist (any more).",
  },
  "contact-check-not-yours": {
    nl: (p: ErrorParams) => `Deze vraag is voor ${p.name}; enkel die persoon kan ze beantwoorden.`,
    en: (p: ErrorParams) => `This request is for ${p.name}; only they can answer it.`,
  },
  "contact-form-invalid": {
    nl: (p: ErrorParams) => `Er is niets gewijzigd. ${p.nl}`,
    en: (p: ErrorParams) => `Nothing was changed. ${p.en}`,
  },
  "contact-form-empty": {
    nl: () =>
      "Er is niets gewijzigd: vul een nieuw gsm-nummer, telefoonnummer of e-mailadres in, of schrijf in de opmerking wat er niet klopt.",
    en: () =>
      "Nothing was changed: fill in a new mobile number, phone number or e-mail address, or write in the remark what is not right.",
  },
};
