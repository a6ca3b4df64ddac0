import type { DecisionView, ViewAction } from "../../../core/views/types.ts";
import { INPUTS, VERBS } from "../verbs.ts";
import {
  type AdaptiveCard,
  actionData,
  card,
  type Element,
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
  for (const h of view.history) body.push(subtle(`${h.at} — ${plain(h.by)}: ${plain(h.text)}`));
  const { choice, actions } = decisionActions(view.actions, nl);
  if (choice) body.push(choice);
  return card(body, actions, { kind: "decision", incidentId: view.incidentId });
}

/**
 * Teams cuts long button titles off mid-word, so the fallback locations (name, address, seats)
 * are a choice in the card, with one short button per situation. The B button ignores the
 * choice (associatedInputs "none"): nobody has to pick a location to decide B.
 */
function decisionActions(
  viewActions: ViewAction[],
  nl: boolean,
): { choice: Element | null; actions: Element[] } {
  const fallbacks = viewActions.filter((a) => a.situation === "A" && a.locationId);
  const actions: Element[] = [];
  let choice: Element | null = null;
  const first = fallbacks[0];
  if (first) {
    choice = {
      type: "Input.ChoiceSet",
      id: INPUTS.location,
      label: nl ? "Uitwijklocatie bij situatie A" : "Fallback location for situation A",
      style: "expanded",
      wrap: true,
      isRequired: true,
      errorMessage: nl ? "Kies een uitwijklocatie." : "Choose a fallback location.",
      // Choice titles are plain text, not Markdown: nothing to escape.
      choices: fallbacks.map((a) => ({
        title: a.location
          ? `${a.location.name} — ${a.location.address} (${a.location.capacity})`
          : a.label,
        value: a.locationId,
      })),
      ...(fallbacks.length === 1 ? { value: first.locationId } : {}),
    };
    const { locationId: _chosen, ...data } = actionData(first);
    actions.push({
      type: "Action.Execute",
      title: nl ? "A: uitwijklocatie" : "A: fallback location",
      verb: VERBS[first.action],
      data,
      associatedInputs: "auto",
    });
  }
  for (const action of viewActions) {
    if (fallbacks.includes(action)) continue;
    actions.push({
      type: "Action.Execute",
      title:
        action.situation === "B" ? (nl ? "B: eigen gebouwen" : "B: own buildings") : action.label,
      verb: VERBS[action.action],
      data: actionData(action),
      associatedInputs: "none",
    });
  }
  return { choice, actions };
}
