// The task card: one task's state, owner, deadline and the buttons its status allows.
import type { EngineContext } from "../context.ts";
import type { Task } from "../model.ts";
import { formatDateTime, formatRemaining } from "../time.ts";
import type { Labels } from "./labels.ts";
import type { TaskCardView, ViewAction } from "./types.ts";

export function taskCardView(
  ctx: EngineContext,
  L: Labels,
  task: Task,
  closed: boolean,
): TaskCardView {
  const { dir } = ctx;
  const now = ctx.clock.now();
  const service = task.serviceId ? dir.service(task.situation, task.serviceId) : undefined;
  const unfinished =
    task.status === "open" || task.status === "claimed" || task.status === "blocked";
  return {
    kind: "task",
    taskId: task.id,
    incidentId: task.incidentId,
    planTaskId: task.planTaskId,
    title: task.title,
    description: task.description,
    phase: task.phase,
    phaseLabel: L.phase(task.phase),
    service: service ? { id: service.id, name: service.name, priority: task.priority } : null,
    status: task.status,
    statusLabel: L.taskStatus(task.status),
    ownerId: task.ownerId,
    ownerName: task.ownerId ? dir.name(task.ownerId) : null,
    suggestedOwner: task.functionId ? dir.functionName(task.functionId) : null,
    deadline: formatDateTime(task.deadlineAt, dir.locale, dir.timeZone),
    deadlineAt: task.deadlineAt.toISOString(),
    remaining: unfinished ? formatRemaining(task.deadlineAt, now, dir.locale) : "",
    overdue: unfinished && now.getTime() > task.deadlineAt.getTime(),
    blockedReason: task.blockedReason,
    number: task.number,
    actions: closed ? [] : taskActions(L, task),
  };
}

/** "#3 " before a task's title on every platform (empty for a task stored before numbers). */
export function numberPrefix(view: Pick<TaskCardView, "number">): string {
  return view.number ? `#${view.number} ` : "";
}

function taskActions(L: Labels, task: Task): ViewAction[] {
  const a = (
    action: ViewAction["action"],
    label: string,
    extra: Partial<ViewAction> = {},
  ): ViewAction => ({
    action,
    subjectId: task.id,
    label,
    ...extra,
  });
  switch (task.status) {
    case "open":
      return [
        a("task.claim", L.text("claim"), { style: "primary" }),
        a("task.complete", L.text("complete")),
        a("task.block", L.text("block"), { needsReason: true, style: "danger" }),
      ];
    case "claimed":
      return [
        a("task.complete", L.text("complete"), { style: "primary" }),
        a("task.release", L.text("release")),
        a("task.block", L.text("block"), { needsReason: true, style: "danger" }),
      ];
    case "blocked":
      return [
        a("task.unblock", L.text("unblock"), { style: "primary" }),
        a("task.complete", L.text("complete")),
        a("task.release", L.text("release")),
      ];
    default:
      return [];
  }
}
