import type { Notice } from "../../../core/model.ts";
import { type Block, escapeMrkdwn, section } from "./text.ts";

const ICON: Record<Notice["kind"], string> = {
  "task-reminder": "⏰",
  "task-overdue": "⚠️",
  "task-assigned": "📌",
  "task-cancelled": "✖️",
  "service-reminder": "⏰",
  "service-overdue": "⚠️",
  "page-exhausted": "🆘",
  decision: "🧭",
  "incident-closed": "🏁",
  "meeting-changed": "📍",
  log: "📝",
  report: "🚨",
  "plan-copy": "📘",
  "contact-check": "📇",
  "chat-problem": "⚠️",
  "plan-file": "📄",
  "plan-amendment": "📝",
  "test-result": "🧪",
  "exercise-due": "📅",
  "exercise-inject": "🎭",
  "exercise-ended": "🛑",
  "delivery-failed": "📵",
  "sms-reply": "💬",
};

export function noticeBlocks(notice: Notice): Block[] {
  return [section(`${ICON[notice.kind]} ${escapeMrkdwn(notice.text)}`)];
}
