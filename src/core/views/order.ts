// The one order of tasks within a phase, for the board, the chats' task lists and the cards
// posted after a decision: what still has to happen before what is done, then the nearest
// deadline first (the service's priority breaks a tie).
import type { Task } from "../model.ts";

export function byUrgency(
  a: Pick<Task, "status" | "deadlineAt" | "priority">,
  b: Pick<Task, "status" | "deadlineAt" | "priority">,
): number {
  const finished = (t: Pick<Task, "status">) =>
    t.status === "done" || t.status === "cancelled" ? 1 : 0;
  return (
    finished(a) - finished(b) ||
    a.deadlineAt.getTime() - b.deadlineAt.getTime() ||
    a.priority - b.priority
  );
}
