import type { IncidentCardView } from "../../../core/views/types.ts";
import { INPUTS, VERBS } from "../verbs.ts";
import {
  type AdaptiveCard,
  actionData,
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

/**
 * Moving the meeting reaches everyone paged: the button opens what will happen, with room for
 * a reason, and only the second click changes it. Teams cuts button titles over 20 characters,
 * so the title is short and the text inside names the address in full.
 */
function meetingActions(view: IncidentCardView, nl: boolean): Element[] {
  return view.actions.map((action) => ({
    type: "Action.ShowCard",
    title: nl ? "Ander contactadres" : "Move the meeting",
    card: {
      type: "AdaptiveCard",
      body: [
        text(plain(action.confirm?.text ?? action.label)),
        {
          type: "Input.Text",
          id: INPUTS.reason,
          label: nl ? "Reden (niet verplicht)" : "Reason (optional)",
          maxLength: 500,
        },
      ],
      actions: [
        {
          type: "Action.Execute",
          title: nl ? "Wijzigen" : "Change",
          verb: VERBS[action.action],
          data: actionData(action),
          style: "positive",
        },
      ],
    },
  }));
}

export function incidentCard(view: IncidentCardView, nl: boolean): AdaptiveCard {
  return card(incidentBody(view, nl), meetingActions(view, nl), {
    kind: "incident",
    incidentId: view.incidentId,
  });
}
