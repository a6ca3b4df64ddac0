import type { PagingRow, PagingView } from "../../../core/views/types.ts";
import { type AdaptiveCard, card, type Element, heading, plain, subtle, text } from "./elements.ts";

const ICON = { sent: "⏳", coming: "✅", declined: "❌", silent: "🔕", escalated: "↪️" } as const;

/** The number to call, or where it is when the card goes where more people read (views/personal.ts). */
function call(r: PagingRow): string {
  const what = r.callPhone ?? r.callHint;
  return what ? ` — 📞 ${plain(what)}` : "";
}

export function pagingBody(view: PagingView): Element[] {
  return [
    heading(view.title),
    ...view.rows.map((r) =>
      text(
        `${ICON[r.status]} **${plain(r.functionName)}** — ${plain(r.personName)}: ${r.statusLabel}${r.answeredAt ? ` (${r.answeredAt})` : ""}${call(r)}`,
        { spacing: "None" },
      ),
    ),
    subtle(view.summaryText),
  ];
}

export function pagingCard(view: PagingView): AdaptiveCard {
  return card(pagingBody(view), [], { kind: "paging", incidentId: view.incidentId });
}
