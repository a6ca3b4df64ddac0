import { numberPrefix } from "../../../core/views/task-view.ts";
import type { TaskCardView } from "../../../core/views/types.ts";
import { type Block, buttons, context, escapeMrkdwn, section } from "./text.ts";

const ICON = { open: "⬜", claimed: "🟦", blocked: "🟥", done: "✅", cancelled: "➖" } as const;

/** One task as its own message in the incident channel, updated in place. */
export function taskBlocks(view: TaskCardView, nl: boolean): Block[] {
  const blocks: Block[] = [section(taskLine(view, nl))];
  if (view.description) blocks.push(context(escapeMrkdwn(view.description)));
  const actions = buttons(view.actions, `task:${view.taskId}`);
  if (actions) blocks.push(actions);
  return blocks;
}

export function taskLine(view: TaskCardView, nl: boolean): string {
  const service = view.service
    ? ` · P${view.service.priority} ${escapeMrkdwn(view.service.name)}`
    : "";
  const owner = view.ownerName
    ? `${nl ? "Eigenaar" : "Owner"}: *${escapeMrkdwn(view.ownerName)}*`
    : `${nl ? "Voorgesteld" : "Suggested"}: ${escapeMrkdwn(view.suggestedOwner ?? "—")}`;
  const deadline = `${view.overdue ? "⚠️ " : ""}${nl ? "Deadline" : "Due"} ${view.deadline}${view.remaining ? ` (${view.remaining})` : ""}`;
  const blocked = view.blockedReason ? `\n🟥 ${escapeMrkdwn(view.blockedReason)}` : "";
  return `${ICON[view.status]} *${numberPrefix(view)}${escapeMrkdwn(view.title)}* — ${escapeMrkdwn(view.statusLabel)}\n${escapeMrkdwn(view.phaseLabel)}${service}\n${owner} · ${deadline}${blocked}`;
}
