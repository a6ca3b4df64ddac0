// A reachability test's message: "TEST — er is geen incident" first, then one button.
import type { TestMessageView } from "../../../core/practice/views.ts";
import { type Block, buttons, context, escapeMrkdwn, facts, header, section } from "./text.ts";

export function testBlocks(view: TestMessageView): Block[] {
  const blocks: Block[] = [
    header(`🧪 ${view.title}`),
    section(escapeMrkdwn(view.text)),
    facts(view.facts),
  ];
  if (view.answerText) blocks.push(context(`✅ ${escapeMrkdwn(view.answerText)}`));
  const actions = buttons(view.actions);
  if (actions) blocks.push(actions);
  return blocks;
}
