import type { ActionConfirm, DecisionView, ViewAction } from "../../../core/views/types.ts";
import { INPUTS, VERBS } from "../verbs.ts";
import {
  type AdaptiveCard,
  actionData,
  card,
  confirmCard,
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
  const { choice, actions } = decisionActions(view.actions, nl);
  if (choice) body.push(choice);
  return card(body, actions, { kind: "decision", incidentId: view.incidentId });
}

/**
 * Teams cuts long button titles off mid-word, so the fallback locations (name, address, seats)
 * are a choice in the card, with one short button per situation. The B button ignores the
 * choice (associatedInputs "none"): nobody has to pick a location to decide B.
 *
 * A change of decision (the actions carry a confirmation) puts each button behind a card in the
 * card: what the change does, a required reason and the confirming button; for A the location
 * choice moves into that card, so a B confirmation never waits for a location.
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
    const title = nl ? "A: uitwijklocatie" : "A: fallback location";
    const execute = executeButton(first, title, data, "auto");
    if (first.confirm) {
      actions.push(behindConfirmation(first, aConfirmation(first, fallbacks), execute, [choice]));
      choice = null;
    } else actions.push(execute);
  }
  for (const action of viewActions) {
    if (fallbacks.includes(action)) continue;
    const title =
      action.situation === "B" ? (nl ? "B: eigen gebouwen" : "B: own buildings") : action.label;
    const execute = executeButton(action, title, actionData(action), "none");
    actions.push(action.confirm ? behindConfirmation(action, action.confirm, execute) : execute);
  }
  return { choice, actions };
}

function executeButton(
  action: ViewAction,
  title: string,
  data: Element["data"],
  associatedInputs: "auto" | "none",
): Element {
  return { type: "Action.Execute", title, verb: VERBS[action.action], data, associatedInputs };
}

/** The change's card in the card, under the same short title; `before`: inputs asked first. */
function behindConfirmation(
  action: ViewAction,
  confirm: ActionConfirm,
  execute: Element,
  before: Element[] = [],
): Element {
  // Input ids are unique in the whole card, across its cards in the card.
  const reasonId = `${INPUTS.reason}-${action.situation}`;
  const shown = confirmCard(action, confirm, { ...execute, associatedInputs: "auto" }, reasonId);
  const inner = shown.card as AdaptiveCard & { body: Element[] };
  const [head, ...rest] = inner.body;
  return {
    ...shown,
    title: execute.title,
    card: { ...inner, body: [...(head ? [head] : []), ...before, ...rest] },
  };
}

/**
 * The A confirmation names the first location ("naar situatie A (Bibliotheek)"); with several
 * to choose from in the card, the text names none: the choice above it does.
 */
function aConfirmation(first: ViewAction, fallbacks: ViewAction[]): ActionConfirm {
  const confirm = first.confirm!;
  const name = first.location?.name;
  if (fallbacks.length < 2 || !name) return confirm;
  return { ...confirm, text: confirm.text.replace(` (${name})`, "") };
}
