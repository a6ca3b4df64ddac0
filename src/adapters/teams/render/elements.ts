// Adaptive Card building blocks (schema 1.5, the version Teams renders on desktop and mobile).
import type { CardRef } from "../../../core/model.ts";
import type { ActionConfirm, Fact, ViewAction } from "../../../core/views/types.ts";
import { INPUTS, REFRESH_VERB, VERBS } from "../verbs.ts";
import { plain } from "./markdown.ts";

export { plain };

export type Element = Record<string, unknown>;
export type AdaptiveCard = Record<string, unknown> & { type: "AdaptiveCard" };

export function card(body: Element[], actions: Element[] = [], refresh?: CardRef): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length > 0 ? { actions } : {}),
    // Teams asks the bot for the current card when someone looks at it, so everyone sees the
    // state of the database, not of the moment the message was sent.
    ...(refresh
      ? {
          refresh: {
            action: { type: "Action.Execute", verb: REFRESH_VERB, data: { card: refresh } },
          },
        }
      : {}),
  };
}

export const heading = (text: string): Element => ({
  type: "TextBlock",
  text,
  weight: "Bolder",
  size: "Medium",
  wrap: true,
  style: "heading",
});
export const text = (value: string, options: Element = {}): Element => ({
  type: "TextBlock",
  text: value,
  wrap: true,
  ...options,
});
export const subtle = (value: string): Element =>
  text(value, { isSubtle: true, size: "Small", spacing: "Small" });
export const factSet = (facts: Fact[]): Element => ({
  type: "FactSet",
  // Teams reads Markdown in facts too.
  facts: facts.map((f) => ({ title: plain(f.label), value: plain(f.value) })),
});

export function actionData(action: ViewAction): Record<string, string> {
  return {
    subjectId: action.subjectId,
    ...(action.situation ? { situation: action.situation } : {}),
    ...(action.locationId ? { locationId: action.locationId } : {}),
    ...(action.meeting ? { meeting: action.meeting } : {}),
  };
}

/** Headings as paragraphs, "• item" lines as a list under them (Teams joins single newlines). */
function detailLines(lines: string[]): string {
  const blocks: string[] = [];
  for (const line of lines) {
    const item = line.startsWith("• ") ? `- ${plain(line.slice(2))}` : null;
    const last = blocks.at(-1);
    if (item && last?.startsWith("- ")) blocks[blocks.length - 1] = `${last}\n${item}`;
    else blocks.push(item ?? plain(line));
  }
  return blocks.join("\n\n");
}

/**
 * Action.Execute has no confirmation of its own: a changed decision opens a card in the card
 * with what it does, a required reason and the confirming button.
 */
export function confirmCard(
  action: ViewAction,
  confirm: ActionConfirm,
  execute: Element,
  reasonId: string = INPUTS.reason,
): Element {
  return {
    type: "Action.ShowCard",
    title: action.label,
    card: {
      type: "AdaptiveCard",
      body: [
        { type: "TextBlock", text: confirm.title, weight: "Bolder", wrap: true },
        { type: "TextBlock", text: plain(confirm.text), wrap: true },
        {
          type: "TextBlock",
          text: detailLines(confirm.details),
          wrap: true,
          size: "Small",
        },
        {
          type: "Input.Text",
          id: reasonId,
          label: confirm.reasonLabel,
          isMultiline: true,
          isRequired: true,
          errorMessage: confirm.reasonLabel,
          maxLength: 500,
        },
      ],
      actions: [
        {
          ...execute,
          title: confirm.yes,
          style: "destructive",
          data: { ...(execute.data as Record<string, string>), confirmed: "yes" },
        },
      ],
    },
  };
}

export function executeActions(actions: ViewAction[], nl: boolean): Element[] {
  const elements: Element[] = [];
  const grouped = new Set<string>();
  for (const action of actions) {
    const group = action.choice?.group;
    if (group === undefined) elements.push(executeAction(action, nl));
    else if (!grouped.has(group)) {
      grouped.add(group);
      elements.push(
        choiceCard(
          actions.filter((a) => a.choice?.group === group),
          nl,
        ),
      );
    }
  }
  return elements;
}

/**
 * Actions of one kind, one per function ("Ik kan niet als Adjunct financieel directeur"), are
 * too long for a Teams button: one button with the short label opens the functions as a choice.
 */
function choiceCard(actions: ViewAction[], nl: boolean): Element {
  const first = actions[0]!;
  const { subjectId: _chosen, ...data } = actionData(first);
  return {
    type: "Action.ShowCard",
    title: first.choice!.group,
    card: {
      type: "AdaptiveCard",
      body: [
        {
          type: "Input.ChoiceSet",
          id: INPUTS.subject,
          label: first.choice!.question,
          style: "expanded",
          wrap: true,
          isRequired: true,
          errorMessage: nl ? "Maak een keuze." : "Make a choice.",
          choices: actions.map((a) => ({ title: a.choice!.option, value: a.subjectId })),
        },
      ],
      actions: [
        {
          type: "Action.Execute",
          title: nl ? "Bevestigen" : "Confirm",
          verb: VERBS[first.action],
          data,
          ...(first.style === "danger" ? { style: "destructive" } : {}),
        },
      ],
    },
  };
}

function executeAction(action: ViewAction, nl: boolean): Element {
  const execute: Element = {
    type: "Action.Execute",
    title: action.label,
    verb: VERBS[action.action],
    data: actionData(action),
    ...(action.style === "primary"
      ? { style: "positive" }
      : action.style === "danger"
        ? { style: "destructive" }
        : {}),
  };
  if (action.confirm) return confirmCard(action, action.confirm, execute);
  if (!action.needsReason) return execute;
  // Blocking asks for a reason in the card itself before the action goes out.
  return {
    type: "Action.ShowCard",
    title: action.label,
    card: {
      type: "AdaptiveCard",
      body: [
        {
          type: "Input.Text",
          id: INPUTS.reason,
          label: nl ? "Wat houdt de taak tegen?" : "What is blocking the task?",
          isMultiline: true,
          isRequired: true,
          errorMessage: nl ? "Geef een reden." : "Give a reason.",
          maxLength: 500,
        },
      ],
      actions: [{ ...execute, title: nl ? "Opslaan" : "Save" }],
    },
  };
}
