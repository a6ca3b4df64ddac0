import type { PageCardView } from "../../../core/views/types.ts";
import { type Block, buttons, context, escapeMrkdwn, facts, header, section } from "./text.ts";

export function pageBlocks(view: PageCardView, nl: boolean): Block[] {
  const blocks: Block[] = [
    header(`🚨 ${view.title}`),
    section(escapeMrkdwn(view.text)),
    facts(view.facts),
  ];
  if (view.answerText)
    blocks.push(context(`${nl ? "Uw antwoord" : "Your answer"}: ${escapeMrkdwn(view.answerText)}`));
  const actions = buttons(view.actions);
  if (actions) blocks.push(actions);
  return blocks;
}
