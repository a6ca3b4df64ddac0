// One pass over the timeline that sorts its entries by what the review asks about, so that
// every later look-up is a map access and the review stays linear in the timeline's size.
import type { TimelineEntry } from "../model.ts";

export interface TimelineIndex {
  declared: TimelineEntry | undefined;
  closed: TimelineEntry | undefined;
  reclassified: TimelineEntry[];
  evaluations: TimelineEntry[];
  /** decision.made by decisionId. */
  decisions: Map<string, TimelineEntry>;
  /** page.sent by pageId. */
  pageSent: Map<string, TimelineEntry>;
  /** Every page.answered by pageId, in order: someone may answer "ik kom" and later "ik kan niet". */
  pageAnswers: Map<string, TimelineEntry[]>;
  pageSilent: Map<string, TimelineEntry>;
  /** page.exhausted by functionId. */
  exhausted: Map<string, TimelineEntry>;
  /** When each task was first planned (tasks.planned). */
  taskPlanned: Map<string, TimelineEntry>;
  /** The first time someone took a task: claim, assignment, block or completion. */
  taskTaken: Map<string, TimelineEntry>;
  taskCompleted: Map<string, TimelineEntry>;
  taskBlocked: TimelineEntry[];
  /** service.restored by incident-service key "situation:serviceId". */
  restored: Map<string, TimelineEntry>;
  logs: TimelineEntry[];
  /** The latest correction of each corrected entry, by the corrected entry's id. */
  corrections: Map<string, TimelineEntry>;
}

const TAKEN = new Set(["task.claimed", "task.assigned", "task.blocked", "task.completed"]);

export function indexTimeline(entries: TimelineEntry[]): TimelineIndex {
  const index: TimelineIndex = {
    declared: undefined,
    closed: undefined,
    reclassified: [],
    evaluations: [],
    decisions: new Map(),
    pageSent: new Map(),
    pageAnswers: new Map(),
    pageSilent: new Map(),
    exhausted: new Map(),
    taskPlanned: new Map(),
    taskTaken: new Map(),
    taskCompleted: new Map(),
    taskBlocked: [],
    restored: new Map(),
    logs: [],
    corrections: new Map(),
  };
  for (const entry of entries) {
    const data = entry.data;
    const taskId = typeof data.taskId === "string" ? data.taskId : undefined;
    if (taskId && TAKEN.has(entry.type) && !index.taskTaken.has(taskId))
      index.taskTaken.set(taskId, entry);
    switch (entry.type) {
      case "incident.declared":
        index.declared ??= entry;
        break;
      case "incident.closed":
        index.closed = entry;
        break;
      case "incident.reclassified":
        index.reclassified.push(entry);
        break;
      case "evaluation.recorded":
        index.evaluations.push(entry);
        break;
      case "decision.made":
        index.decisions.set(String(data.decisionId), entry);
        break;
      case "page.sent":
        index.pageSent.set(String(data.pageId), entry);
        break;
      case "page.answered": {
        const list = index.pageAnswers.get(String(data.pageId));
        if (list) list.push(entry);
        else index.pageAnswers.set(String(data.pageId), [entry]);
        break;
      }
      case "page.silent":
        index.pageSilent.set(String(data.pageId), entry);
        break;
      case "page.exhausted":
        index.exhausted.set(String(data.functionId), entry);
        break;
      case "tasks.planned":
        for (const id of (data.tasks as string[] | undefined) ?? []) {
          if (!index.taskPlanned.has(id)) index.taskPlanned.set(id, entry);
        }
        break;
      case "task.completed":
        if (taskId) index.taskCompleted.set(taskId, entry);
        break;
      case "task.blocked":
        index.taskBlocked.push(entry);
        break;
      case "service.restored":
        index.restored.set(`${data.situation}:${data.serviceId}`, entry);
        break;
      case "log":
        index.logs.push(entry);
        break;
      case "correction":
        if (entry.correctsId) index.corrections.set(entry.correctsId, entry);
        break;
      default:
        break;
    }
  }
  return index;
}

/** An entry's text as last corrected, and when it was corrected. */
export function correctedText(
  index: TimelineIndex,
  entry: TimelineEntry,
): { text: string; correction: TimelineEntry | undefined } {
  const correction = index.corrections.get(entry.id);
  return { text: String((correction ?? entry).data.text ?? ""), correction };
}
