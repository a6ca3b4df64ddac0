import { numberPrefix } from "../../../core/views/task-view.ts";
import type { TaskCardView } from "../../../core/views/types.ts";
import {
  type AdaptiveCard,
  card,
  type Element,
  executeActions,
  plain,
  subtle,
  text,
} from "./elements.ts";

const ICON = { open: "⬜", claimed: "🟦", blocked: "🟥", done: "✅", cancelled: "➖" } as const;

export function taskBody(view: TaskCardView, nl: boolean): Element[] {
  const service = view.service ? ` · P${view.service.priority} ${plain(view.service.name)}` : "";
  const owner = view.ownerName
    ? `${nl ? "Eigenaar" : "Owner"}: **${plain(view.ownerName)}**`
    : `${nl ? "Voorgesteld" : "Suggested"}: ${plain(view.suggestedOwner ?? "—")}`;
  const deadline = `${view.overdue ? "⚠️ " : ""}${nl ? "Deadline" : "Due"} ${view.deadline}${view.remaining ? ` (${view.remaining})` : ""}`;
  const body: Element[] = [
    text(
      `${ICON[view.status]} **${numberPrefix(view)}${plain(view.title)}** — ${view.statusLabel}`,
      { size: "Medium" },
    ),
    subtle(`${view.phaseLabel}${service}`),
    text(`${owner} · ${deadline}`, { spacing: "Small" }),
  ];
  if (view.blockedReason)
    body.push(text(`🟥 ${plain(view.blockedReason)}`, { color: "Attention" }));
  if (view.description) body.push(subtle(plain(view.description)));
  return body;
}

export function taskCard(view: TaskCardView, nl: boolean): AdaptiveCard {
  return card(taskBody(view, nl), executeActions(view.actions, nl), {
    kind: "task",
    taskId: view.taskId,
  });
}
