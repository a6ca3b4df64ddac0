import type { IncidentCardView } from "../../../core/views/types.ts";
import {
  type AdaptiveCard,
  card,
  type Element,
  factSet,
  heading,
  plain,
  subtle,
  text,
} from "./elements.ts";

export function incidentBody(view: IncidentCardView, nl: boolean): Element[] {
  const body: Element[] = [heading(plain(view.title)), factSet(view.facts)];
  const m = view.meeting;
  if (view.status === "active" && view.planActivated) {
    body.push(
      text(
        `📍 **${nl ? "Contactadres" : "Meeting address"}:** ${plain(m.name)}, ${plain(m.address)}${m.room ? ` (${plain(m.room)})` : ""}\n\n` +
          `⏰ **${nl ? "Aanwezig tegen" : "Arrive by"}:** ${m.arriveBy}`,
      ),
    );
  }
  body.push(
    text(
      `**${nl ? "Beslissing" : "Decision"}:** ${plain(view.decision ?? (nl ? "nog geen (situatie A of B)" : "none yet (situation A or B)"))}`,
    ),
  );
  if (view.services.length > 0) {
    body.push(
      text(`**${nl ? "Prioritaire diensten" : "Priority services"}**`, { spacing: "Medium" }),
    );
    for (const s of view.services) {
      const state = s.restored
        ? `✅ ${s.restoredAt}${s.withinRto === false ? (nl ? " (na RTO)" : " (after RTO)") : ""}`
        : `⏳ ${s.deadline} (${s.remaining})`;
      body.push(
        text(`${s.priority}. ${plain(s.name)} — RTO ${s.rtoHours} u — ${state}`, {
          spacing: "None",
        }),
      );
    }
  }
  body.push(subtle(`${view.statusLabel} · ${view.number}`));
  return body;
}

export function incidentCard(view: IncidentCardView, nl: boolean): AdaptiveCard {
  return card(incidentBody(view, nl), [], { kind: "incident", incidentId: view.incidentId });
}
