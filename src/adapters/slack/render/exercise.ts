// First in every Slack message about an exercise: a header nobody reads past, and what it means.
import type { ExerciseMark } from "../../../core/model.ts";
import { type Block, context, escapeMrkdwn, header } from "./text.ts";

export function exerciseBlocks(mark: ExerciseMark): Block[] {
  return [header(`🟧 ${mark.label} 🟧`), context(`*${escapeMrkdwn(mark.text)}*`)];
}
