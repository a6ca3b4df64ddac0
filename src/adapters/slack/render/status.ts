import { amount } from "../../../core/views/plural.ts";
import type { StatusView, TaskGroup } from "../../../core/views/types.ts";
import { incidentBlocks } from "./incident.ts";
import { pagingBlocks } from "./paging.ts";
import { taskLine } from "./task.ts";
import {
  type Block,
  buttons,
  context,
  divider,
  escapeMrkdwn,
  header,
  MAX_MESSAGE_BLOCKS,
  section,
} from "./text.ts";

export function statusBlocks(view: StatusView, nl: boolean): Block[] {
  const blocks = [...incidentBlocks(view.incident, nl), divider(), ...pagingBlocks(view.paging)];
  if (view.decisions.length > 0) {
    blocks.push(
      section(
        `*${nl ? "Besluitenlijst" : "Decisions"}*\n${view.decisions.map((d) => `${d.at} — ${escapeMrkdwn(d.by)}: ${escapeMrkdwn(d.text)}`).join("\n")}`,
      ),
    );
  }
  blocks.push(
    context(
      nl
        ? `${amount(view.openTasks, "taak", "taken")} nog niet klaar`
        : `${amount(view.openTasks, "task", "tasks")} not done yet`,
    ),
  );
  return blocks.slice(0, MAX_MESSAGE_BLOCKS);
}

/** The task list for `/ramp taken`: one section per task with its first action as a button. */
export function taskListBlocks(title: string, groups: TaskGroup[], nl: boolean): Block[] {
  const blocks: Block[] = [header(title)];
  for (const group of groups) {
    if (group.tasks.length === 0) continue;
    blocks.push(section(`*${escapeMrkdwn(group.label)}*`));
    for (const task of group.tasks) {
      const block: Block = section(taskLine(task, nl));
      const first = buttons(task.actions.slice(0, 1));
      if (first) {
        // Action ids are unique within a message: each task's button names its task.
        const button = (first.elements as Block[])[0]!;
        block.accessory = { ...button, action_id: `${String(button.action_id)}:${task.taskId}` };
      }
      blocks.push(block);
    }
  }
  if (blocks.length === 1) blocks.push(section(nl ? "Geen taken." : "No tasks."));
  if (blocks.length > MAX_MESSAGE_BLOCKS) {
    return [
      ...blocks.slice(0, MAX_MESSAGE_BLOCKS - 1),
      context(nl ? "… meer taken op het bord." : "… more tasks on the board."),
    ];
  }
  return blocks;
}
