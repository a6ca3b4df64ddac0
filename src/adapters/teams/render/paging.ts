import type { PagingView } from "../../../core/views/types.ts";
import { type AdaptiveCard, card, type Element, heading, plain, subtle, text } from "./elements.ts";

const ICON = { sent: "⏳", coming: "✅", declined: "❌", silent: "🔕", escalated: "↪️" } as const;

export function pagingBody(view: PagingView): Element[] {
  return [
    heading(view.title),
    ...view.rows.map((r) =>
      text(
        `${ICON[r.status]} **${plain(r.functionName)}** — ${plain(r.personName)}: ${r.statusLabel}${r.answeredAt ? ` (${r.answeredAt})` : ""}${r.callPhone ? ` — 📞 ${plain(r.callPhone)}` : ""}`,
        { spacing: "None" },
      ),
    ),
    subtle(view.summaryText),
  ];
}

export function pagingCard(view: PagingView): AdaptiveCard {
  return card(pagingBody(view), [], { kind: "paging", incidentId: view.incidentId });
}
