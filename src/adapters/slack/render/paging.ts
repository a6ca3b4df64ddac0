import type { PagingView } from "../../../core/views/types.ts";
import { type Block, context, escape, header, section } from "./text.ts";

const ICON = { sent: "⏳", coming: "✅", declined: "❌", silent: "🔕", escalated: "↪️" } as const;

export function pagingBlocks(view: PagingView): Block[] {
  const lines = view.rows.map(
    (r) =>
      `${ICON[r.status]} *${escape(r.functionName)}* — ${escape(r.personName)}: ${escape(r.statusLabel)}${r.answeredAt ? ` (${r.answeredAt})` : ""}${r.callPhone ? ` — 📞 ${escape(r.callPhone)}` : ""}`,
  );
  return [header(view.title), section(lines.join("\n") || "—"), context(escape(view.summaryText))];
}
