// Adaptive Card Action.Execute verbs, in one place.
import type { ActionKind } from "../../core/views/types.ts";

export const VERBS: Record<ActionKind, string> = {
  "page.coming": "ramp.page.coming",
  "page.declined": "ramp.page.declined",
  "task.claim": "ramp.task.claim",
  "task.release": "ramp.task.release",
  "task.complete": "ramp.task.complete",
  "task.block": "ramp.task.block",
  "task.unblock": "ramp.task.unblock",
  "decision.decide": "ramp.decide",
  "meeting.change": "ramp.meeting",
  "test.received": "ramp.test.received",
  "test.stop": "ramp.test.stop",
};

export const KIND_BY_VERB: Record<string, ActionKind> = Object.fromEntries(
  Object.entries(VERBS).map(([kind, verb]) => [verb, kind as ActionKind]),
);

/** Teams asks for a card's current state, per user, with this verb (Universal Actions refresh). */
export const REFRESH_VERB = "ramp.refresh";
/** The start form's submit button. */
export const START_VERB = "ramp.start";

export const INPUTS = {
  classification: "classification",
  scope: "scope",
  description: "description",
  officeHours: "officeHours",
  meeting: "meeting",
  reason: "reason",
  /** The decision card's choice of fallback location, sent as the action's `locationId`. */
  location: "locationId",
  /** A choice between actions of one kind (a decline per function), sent as `subjectId`. */
  subject: "subjectId",
} as const;

/** "Klopt dit nog?": the answers on the person's card (data: the request's `checkId`). */
export const CONTACT_VERBS = {
  confirm: "ramp.contact.confirm",
  change: "ramp.contact.change",
} as const;

/** The "Wijzigen" form's inputs. */
export const CONTACT_INPUTS = {
  mobile: "contactMobile",
  phone: "contactPhone",
  email: "contactEmail",
  remark: "contactRemark",
} as const;
