import type { PagingView } from "../../../core/views/types.ts";
import { type Block, context, escapeMrkdwn, header, section } from "./text.ts";

const ICON = { sent: "⏳", coming: "✅", declined: "❌", silent: "🔕", escalated: "↪️" } as const;

export function pagingBlocks(view: PagingView): Block[] {
  const lines = view.rows.map(
    (r) =>
      `${ICON[r.status]} *${escapeMrkdwn(r.functionName)}* — ${escapeMrkdwn(r.personName)}: ${escapeMrkdwn(r.statusLabel)}${r.answeredAt ? ` (${r.answeredAt})` : ""}${r.callPhone ? ` — 📞 ${escapeMrkdwn(r.callPhone)}` : ""}`,
  );
  return [
    header(view.title),
    section(lines.join("\n") || "—"),
    context(escapeMrkdwn(view.summaryText)),
  ];
}
