// The words for an amendment's field and source, in Dutch and English ([nl, en]).
import type { AmendmentSource, ContactField } from "./model.ts";

export const FIELD_LABELS: Record<ContactField | "note", [string, string]> = {
  mobile: ["gsm", "mobile"],
  phone: ["telefoon", "phone"],
  email: ["e-mail", "e-mail"],
  note: ["opmerking", "note"],
};

export const SOURCE_LABELS: Record<AmendmentSource, [string, string]> = {
  confirmation: ["bevestiging door de persoon", "the person's confirmation"],
  "reachability-test": ["alarmeringstest", "reachability test"],
  delivery: ["geweigerd bericht", "refused message"],
  review: ["evaluatie", "review"],
};
