// Contact data that stays true (issue 15): the requests to confirm one's own details, and the
// plan amendments that corrections and tests propose.
import type { ContactField } from "../../plan/amend.ts";

export type { ContactField };

/** What a person sent with "Wijzigen": the new values as typed (empty: unchanged). */
export interface ContactForm {
  mobile?: string;
  phone?: string;
  email?: string;
  /** Anything else, e.g. "niet meer vervanger voor de communicatieverantwoordelijke". */
  remark?: string;
}

export interface ContactCheck {
  id: string;
  personId: string;
  /** 1 for the first request to this person, then one more each term. */
  round: number;
  planHash: string;
  channel: string | null;
  askedAt: Date;
  answer: "confirmed" | "changed" | null;
  answeredAt: Date | null;
  answerData: ContactForm | null;
  /** The last reminder to answer (the plan's contacts.remindAfter); null: none yet. */
  remindedAt: Date | null;
}

export const AMENDMENT_SOURCES = [
  "confirmation",
  "reachability-test",
  "delivery",
  "review",
] as const;
export type AmendmentSource = (typeof AMENDMENT_SOURCES)[number];
export type AmendmentStatus = "open" | "applied" | "dismissed";

export interface PlanAmendment {
  id: string;
  source: AmendmentSource;
  sourceId: string;
  personId: string;
  field: ContactField | "note";
  oldValue: string | null;
  newValue: string | null;
  note: string | null;
  planHash: string;
  planVersion: string;
  status: AmendmentStatus;
  createdAt: Date;
  resolvedAt: Date | null;
}
