// Slack action ids, callback ids and the slash command, in one place.
import type { ActionKind } from "../../core/views/types.ts";

export const SLASH_COMMAND = "/ramp";

export const ACTION_IDS: Record<ActionKind, string> = {
  "page.coming": "ramp_page_coming",
  "page.declined": "ramp_page_declined",
  "task.claim": "ramp_task_claim",
  "task.release": "ramp_task_release",
  "task.complete": "ramp_task_complete",
  "task.block": "ramp_task_block",
  "task.unblock": "ramp_task_unblock",
  "decision.decide": "ramp_decide",
  "meeting.change": "ramp_meeting",
  "test.received": "ramp_test_received",
  "test.stop": "ramp_test_stop",
};

export const ACTION_KIND_BY_ID: Record<string, ActionKind> = Object.fromEntries(
  Object.entries(ACTION_IDS).map(([kind, id]) => [id, kind as ActionKind]),
);

/** Matches every Ramp button, for one listener that routes by kind ("Klopt dit nog?" has its own). */
export const ANY_RAMP_ACTION = /^ramp_(?!contact_)/;

/** "Klopt dit nog?": the two answers in the person's DM (the value is the request's id). */
export const CONTACT_ACTIONS = {
  confirm: "ramp_contact_ok",
  change: "ramp_contact_change",
} as const;

export const CALLBACK_IDS = {
  startForm: "ramp_start_form",
  blockReason: "ramp_block_reason",
  decisionChange: "ramp_decision_change",
  contactForm: "ramp_contact_form",
} as const;

export const FIELDS = {
  classification: { block: "classification", action: "value" },
  scope: { block: "scope", action: "value" },
  description: { block: "description", action: "value" },
  officeHours: { block: "office_hours", action: "value" },
  meeting: { block: "meeting", action: "value" },
  reason: { block: "reason", action: "value" },
  mobile: { block: "mobile", action: "value" },
  phone: { block: "phone", action: "value" },
  email: { block: "email", action: "value" },
  remark: { block: "remark", action: "value" },
} as const;
