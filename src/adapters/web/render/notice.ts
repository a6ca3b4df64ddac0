// Notice → HTML: reminders, escalations and other one-off messages, with a word for their kind
// (no emoji: a crisis-room PC may lack the font).
import type { Notice } from "../../../core/model.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";
import type { WordKey } from "./words.ts";

const KIND: Record<Notice["kind"], WordKey> = {
  "task-reminder": "noticeReminder",
  "task-overdue": "noticeOverdue",
  "task-assigned": "noticeAssigned",
  "task-cancelled": "noticeCancelled",
  "service-reminder": "noticeReminder",
  "service-overdue": "noticeOverdue",
  "page-exhausted": "noticeExhausted",
  decision: "decision",
  "incident-closed": "closedAt",
  "meeting-changed": "meeting",
  log: "noticeLog",
  report: "noticeReport",
  "plan-copy": "planCopy",
  "contact-check": "contactCheck",
  "chat-problem": "noticeChatProblem",
  "plan-file": "noticePlanFile",
  "plan-amendment": "noticePlanAmendment",
  "test-result": "noticeTestResult",
  "exercise-due": "noticeExerciseDue",
  "exercise-inject": "noticeInject",
  "exercise-ended": "noticeExerciseEnded",
  "delivery-failed": "noticeDeliveryFailed",
  // Sent by SMS only (core/work.ts); named here so every kind has a word.
  "sms-reply": "noticeLog",
};

export function noticeCard(ctx: RenderContext, notice: Notice, personal: boolean): Html {
  return html`<div class="card card-notice notice-${notice.kind}"><p><span class="notice-kind">${ctx.w(KIND[notice.kind])}</span>${personal ? html` · <span class="to-you">${ctx.w("toYou")}</span>` : ""}</p><p>${notice.text}</p></div>`;
}
