import type { PagingRow, PagingView } from "../../../core/views/types.ts";
import { type Block, context, escapeMrkdwn, header, section } from "./text.ts";

const ICON = { sent: "⏳", coming: "✅", declined: "❌", silent: "🔕", escalated: "↪️" } as const;

/** The number to call, or where it is when the card goes where more people read (views/personal.ts). */
function call(r: PagingRow): string {
  const what = r.callPhone ?? r.callHint;
  return what ? ` — 📞 ${escapeMrkdwn(what)}` : "";
}

export function pagingBlocks(view: PagingView): Block[] {
  const lines = view.rows.map(
    (r) =>
      `${ICON[r.status]} *${escapeMrkdwn(r.functionName)}* — ${escapeMrkdwn(r.personName)}: ${escapeMrkdwn(r.statusLabel)}${r.answeredAt ? ` (${r.answeredAt})` : ""}${call(r)}`,
  );
  return [
    header(view.title),
    section(lines.join("\n") || "—"),
    context(escapeMrkdwn(view.summaryText)),
  ];
}
