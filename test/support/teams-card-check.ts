// Checks an Adaptive Card the way Teams will read it. Two halves:
// 1. Microsoft's own parser and validator (the `adaptivecards` package) at schema 1.5, the
//    version Teams renders on desktop and mobile: any parse event (unknown element or action
//    type, bad value, property above 1.5) or validation event (duplicate id, required input
//    without an error message, …) is a problem.
// 2. What "Format cards in Microsoft Teams" says Teams does with a TextBlock's (and a fact's)
//    text, which the parser does not know: HTML is not supported (`<tekst>` disappears), a single
//    newline joins two lines unless both are list items (paragraphs need "\n\n"), headers,
//    tables, images, preformatted text and block quotes are not Markdown Teams shows.
//    Plus what Teams' layout does with buttons: titles are cut off in narrow layouts.
import { createRequire } from "node:module";

type Json = Record<string, unknown>;

/**
 * Longest button title. Teams puts a card's buttons side by side and cuts a title off with "…"
 * when it does not fit; in the narrow layouts (phone, meeting side panel, Agents Playground) a
 * row of buttons leaves about 20 characters each: "A — Woonzorgcentrum Ter Heide – polyva…"
 * became indistinguishable from the second location. Detail belongs in the card's body.
 */
export const MAX_ACTION_TITLE = 20;
/** A bot message, card included, may be at most 40 KB (Teams: "Format your bot messages"). */
export const MAX_CARD_BYTES = 40 * 1024;

// The ESM build does not load in Node (extensionless imports); the UMD build does.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
  };
  SerializationContext: new (
    version: unknown,
  ) => { eventCount: number; getEventAt(i: number): { message: string } };
  Versions: { v1_5: unknown };
};

const LIST_ITEM = /^\s*(?:[-*+]|\d+\.)\s/;

/** What Teams would show wrongly or refuse in a card; empty when the card is fine. */
export function teamsCardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(card) || card.type !== "AdaptiveCard") return ["not an AdaptiveCard"];
  const version = Number(card.version);
  if (!(version > 0 && version <= 1.5))
    problems.push(`version ${String(card.version)}: Teams renders up to 1.5`);
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > MAX_CARD_BYTES)
    problems.push(`${bytes} bytes: a bot message holds ${MAX_CARD_BYTES}`);

  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i += 1)
    problems.push(`adaptivecards parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`adaptivecards validation: ${event.message}`);

  const inputIds = new Set<string>();
  walkCard(card, "card", problems, inputIds);
  return problems;
}

/** Throws with every problem of the card, and where it was seen. */
export function assertTeamsCard(card: unknown, where: string): void {
  const problems = teamsCardProblems(card);
  if (problems.length > 0)
    throw new Error(`a card Teams would garble (${where}):\n- ${problems.join("\n- ")}`);
}

/** The Teams formatting problems of a TextBlock's or fact's text. */
export function textProblems(value: string): string[] {
  const problems: string[] = [];
  const tag = /<[^<>]*>/.exec(value);
  if (tag) problems.push(`"${tag[0]}": Teams drops HTML, and the text between < and > with it`);
  const lines = value.split(/\r\n|\r|\n/);
  for (let i = 1; i < lines.length; i += 1) {
    const [before, after] = [lines[i - 1]!, lines[i]!];
    if (before.trim() === "" || after.trim() === "") continue;
    if (LIST_ITEM.test(before) && LIST_ITEM.test(after)) continue;
    problems.push(
      `a single newline between "${before.slice(-30)}" and "${after.slice(0, 30)}": Teams joins them (use "\\n\\n", or "- " list items)`,
    );
  }
  for (const line of lines) {
    if (/^\s*#{1,6}\s/.test(line)) problems.push(`header "${line}": not Markdown Teams shows`);
    if (/^\s*>/.test(line)) problems.push(`block quote "${line}": not Markdown Teams shows`);
    if (/^\s*\|.*\|\s*$/.test(line)) problems.push(`table row "${line}": not Markdown Teams shows`);
  }
  if (/(^|[^\\])`/.test(value))
    problems.push("backticks: Teams does not show preformatted text (they stay as typed)");
  if (/!\[[^\]]*\]\(/.test(value)) problems.push("a Markdown image: Teams does not show it");
  return problems;
}

function walkCard(card: Json, where: string, problems: string[], inputIds: Set<string>): void {
  walkElements(card.body, where, problems, inputIds);
  walkActions(card.actions, `${where} actions`, problems, inputIds);
  const refresh = isObject(card.refresh) ? card.refresh.action : undefined;
  if (refresh !== undefined) {
    if (!isObject(refresh) || refresh.type !== "Action.Execute" || !nonEmpty(refresh.verb))
      problems.push(`${where}: refresh must be an Action.Execute with a verb`);
  }
}

function walkElements(
  elements: unknown,
  where: string,
  problems: string[],
  inputIds: Set<string>,
): void {
  if (elements === undefined) return;
  if (!Array.isArray(elements)) {
    problems.push(`${where}: body/items is not a list`);
    return;
  }
  elements.forEach((element, index) => {
    if (!isObject(element)) return;
    const at = `${where} > ${String(element.type)}[${index}]`;
    const type = String(element.type);
    if (type === "TextBlock") {
      if (!nonEmpty(element.text)) problems.push(`${at}: empty text`);
      else for (const p of textProblems(element.text)) problems.push(`${at}: ${p}`);
      if (element.wrap !== true && String(element.text).length > 40)
        problems.push(`${at}: long text without wrap is cut off to one line`);
    }
    // "Media elements are currently not supported in Adaptive Cards on Teams platform."
    if (type === "Media") problems.push(`${at}: Teams does not show media in cards`);
    if (type === "FactSet") {
      for (const fact of (element.facts as Json[] | undefined) ?? []) {
        for (const p of [...textProblems(String(fact.title)), ...textProblems(String(fact.value))])
          problems.push(`${at} "${String(fact.title)}": ${p}`);
      }
    }
    if (type.startsWith("Input.")) {
      const id = String(element.id ?? "");
      if (id === "") problems.push(`${at}: an input without id`);
      else if (inputIds.has(id)) problems.push(`${at}: input id "${id}" used twice`);
      inputIds.add(id);
      // A toggle's title is the text beside its box; other inputs need a label.
      const named = type === "Input.Toggle" ? element.title : element.label;
      if (!nonEmpty(named)) problems.push(`${at} "${id}": no label (screen readers)`);
      if (element.isRequired === true && !nonEmpty(element.errorMessage))
        problems.push(`${at} "${id}": required without errorMessage`);
    }
    if (type === "Input.ChoiceSet") {
      const values = ((element.choices as Json[] | undefined) ?? []).map((c) => String(c.value));
      if (new Set(values).size !== values.length)
        problems.push(`${at}: two choices with the same value`);
    }
    if (type === "Container") walkElements(element.items, at, problems, inputIds);
    if (type === "ColumnSet") {
      for (const column of (element.columns as Json[] | undefined) ?? [])
        walkElements(column.items, at, problems, inputIds);
    }
    if (type === "ActionSet") walkActions(element.actions, at, problems, inputIds);
  });
}

function walkActions(
  actions: unknown,
  where: string,
  problems: string[],
  inputIds: Set<string>,
): void {
  if (actions === undefined) return;
  if (!Array.isArray(actions)) {
    problems.push(`${where}: actions is not a list`);
    return;
  }
  const titles = new Set<string>();
  const targets = new Set<string>();
  for (const action of actions) {
    if (!isObject(action)) continue;
    const title = String(action.title ?? "");
    const at = `${where} > ${String(action.type)} "${title}"`;
    if (title.trim() === "") problems.push(`${at}: a button without title`);
    if ([...title].length > MAX_ACTION_TITLE)
      problems.push(
        `${at}: ${[...title].length} characters; Teams cuts titles over ${MAX_ACTION_TITLE} off in narrow layouts`,
      );
    if (titles.has(title)) problems.push(`${at}: two buttons with the same title`);
    titles.add(title);
    if (action.type === "Action.Execute") {
      if (!nonEmpty(action.verb)) problems.push(`${at}: no verb`);
      const target = `${String(action.verb)} ${JSON.stringify(action.data ?? {})}`;
      if (targets.has(target)) problems.push(`${at}: does the same as another button`);
      targets.add(target);
    }
    if (action.type === "Action.OpenUrl" && !/^https?:\/\//.test(String(action.url)))
      problems.push(`${at}: url ${String(action.url)} is not http(s)`);
    if (action.type === "Action.ShowCard") {
      if (!isObject(action.card)) problems.push(`${at}: no card`);
      else walkCard(action.card, at, problems, inputIds);
    }
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}
