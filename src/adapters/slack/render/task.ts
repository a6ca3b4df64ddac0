import type { TaskCardView } from "../../../core/views/types.ts";
import { type Block, buttons, context, escape, section } from "./text.ts";

const ICON = { open: "⬜", claimed: "🟦", blocked: "🟥", done: "✅", cancelled: "➖" } as const;

/** One task as its own message in the incident channel, updated in place. */
export function taskBlocks(view: TaskCardView, nl: boolean): Block[] {
  const blocks: Block[] = [section(taskLine(view, nl))];
  if (view.description) blocks.push(context(escape(view.description)));
  const actions = buttons(view.actions, `task:${view.taskId}`);
  if (actions) blocks.push(actions);
  return blocks;
}

export function taskLine(view: TaskCardView, nl: boolean): string {
  const service = view.service ? ` · P${view.service.priority} ${escape(view.service.name)}` : "";
  const owner = view.ownerName
    ? `${nl ? "Eigenaar" : "Owner"}: *${escape(view.ownerName)}*`
    : `${nl ? "Voorgesteld" : "Suggested"}: ${escape(view.suggestedOwner ?? "—")}`;
  const deadline = `${view.overdue ? "⚠️ " : ""}${nl ? "Deadline" : "Due"} ${view.deadline}${view.remaining ? ` (${view.remaining})` : ""}`;
  const blocked = view.blockedReason ? `\n🟥 ${escape(view.blockedReason)}` : "";
  return `${ICON[view.status]} *${escape(view.title)}* — ${escape(view.statusLabel)}\n${escape(view.phaseLabel)}${service}\n${owner} · ${deadline}${blocked}`;
}
