import type { DecisionView } from "../../../core/views/types.ts";
import {
  type AdaptiveCard,
  card,
  type Element,
  executeActions,
  heading,
  plain,
  subtle,
  text,
} from "./elements.ts";

export function decisionCard(view: DecisionView, nl: boolean): AdaptiveCard {
  const body: Element[] = [heading(view.title)];
  if (view.evaluation)
    body.push(text(`**${nl ? "Evaluatie" : "Evaluation"}:** ${plain(view.evaluation)}`));
  body.push(
    text(
      view.current
        ? `**${nl ? "Huidige beslissing" : "Current decision"}:** ${plain(view.current)}`
        : nl
          ? "Na de evaluatie beslist de coördinator: **A** voortzetting op een uitwijklocatie (basisdiensten binnen 72 uur) of **B** in de eigen gebouwen (binnen 48 uur)."
          : "After the evaluation the coordinator decides: **A** continue at a fallback location (basic services within 72 hours) or **B** in the own buildings (within 48 hours).",
    ),
  );
  const change = view.lastChange;
  if (change) {
    body.push(
      text(
        `**${nl ? "Laatste wijziging" : "Last change"}** (${change.at}, ${plain(change.by)}): ${plain(change.from)} → ${plain(change.to)}` +
          (change.reason ? `. **${nl ? "Reden" : "Reason"}:** ${plain(change.reason)}` : ""),
      ),
    );
    const list = (label: string, lines: string[]) => {
      if (lines.length > 0)
        body.push(text(`**${label}:**\n\n${lines.map((l) => `- ${plain(l)}`).join("\n")}`));
    };
    list(nl ? "Geannuleerd" : "Cancelled", change.cancelled);
    list(nl ? "Lopen door" : "Carried over", change.carried);
  }
  for (const h of view.history) body.push(subtle(`${h.at} — ${plain(h.by)}: ${plain(h.text)}`));
  return card(body, executeActions(view.actions, nl), {
    kind: "decision",
    incidentId: view.incidentId,
  });
}
