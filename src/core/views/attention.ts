// The attention strip's model: built from the status view alone (no database), so every adapter
// that has a StatusView can show the same "what needs attention now".
import { formatRemaining } from "../time.ts";
import type { Labels } from "./labels.ts";
import type {
  AttentionGroup,
  AttentionLine,
  AttentionView,
  StatusView,
  TaskCardView,
} from "./types.ts";

const unfinished = (t: TaskCardView) =>
  t.status === "open" || t.status === "claimed" || t.status === "blocked";

export function attentionView(
  L: Labels,
  status: StatusView,
  now: Date,
  viewerId: string | null,
): AttentionView {
  const tasks = status.groups.flatMap((g) => g.tasks).filter(unfinished);
  const byDeadline = (a: { deadlineAt: string }, b: { deadlineAt: string }) =>
    Date.parse(a.deadlineAt) - Date.parse(b.deadlineAt);
  const taskLine = (t: TaskCardView, detail: string): AttentionLine => ({
    kind: "task",
    id: t.taskId,
    title: t.title,
    who: t.ownerName ?? L.text("nobodyYet"),
    detail,
  });

  const blocked = tasks
    .filter((t) => t.status === "blocked")
    .sort(byDeadline)
    .map((t) =>
      taskLine(t, [t.blockedReason, t.overdue ? t.remaining : null].filter(Boolean).join(" — ")),
    );
  const lateServices = status.services.filter(
    (s) => !s.restored && Date.parse(s.deadlineAt) < now.getTime(),
  );
  const overdue: AttentionLine[] = [
    ...lateServices.map((s) => ({
      kind: "service" as const,
      id: s.serviceId,
      title: s.name,
      who: null,
      detail: s.remaining,
    })),
    ...tasks
      .filter((t) => t.overdue && t.status !== "blocked")
      .sort(byDeadline)
      .map((t) => taskLine(t, t.remaining)),
  ];
  const unanswered: AttentionLine[] = status.paging.rows
    .filter((r) => r.status === "sent")
    .map((r) => ({
      kind: "page",
      id: r.functionId,
      title: r.functionName,
      who: r.personName,
      detail: r.callPhone ? `${L.text("callNow")} ${r.callPhone}` : r.statusLabel,
    }));

  const groups: AttentionGroup[] = (
    [
      { key: "blocked", label: L.text("attentionBlocked"), lines: blocked },
      { key: "overdue", label: L.text("attentionOverdue"), lines: overdue },
      { key: "unanswered", label: L.text("attentionUnanswered"), lines: unanswered },
    ] as const
  ).filter((g) => g.lines.length > 0);

  return {
    kind: "attention",
    incidentId: status.incidentId,
    title: L.text("attention"),
    groups,
    next: nextDeadline(L, status, tasks, now),
    calm: groups.length === 0 ? L.text("attentionCalm") : null,
    summary: groups.map((g) => `${g.label}: ${g.lines.length}`).join(" · "),
    mine: viewerId
      ? {
          label: L.text("mine"),
          empty: L.text("mineEmpty"),
          tasks: tasks.filter((t) => t.ownerId === viewerId).sort(byDeadline),
        }
      : null,
  };
}

/** The nearest deadline still ahead: an unfinished task's or an unrestored service's. */
function nextDeadline(
  L: Labels,
  status: StatusView,
  tasks: TaskCardView[],
  now: Date,
): AttentionView["next"] {
  const ahead = (iso: string) => Date.parse(iso) >= now.getTime();
  const candidates = [
    ...tasks
      .filter((t) => ahead(t.deadlineAt))
      .map((t) => ({
        deadline: t.deadline,
        deadlineAt: t.deadlineAt,
        line: {
          kind: "task" as const,
          id: t.taskId,
          title: t.title,
          who: t.ownerName ?? L.text("nobodyYet"),
          detail: t.remaining,
        },
      })),
    ...status.services
      .filter((s) => !s.restored && ahead(s.deadlineAt))
      .map((s) => ({
        deadline: s.deadline,
        deadlineAt: s.deadlineAt,
        line: {
          kind: "service" as const,
          id: s.serviceId,
          title: s.name,
          who: null,
          detail: formatRemaining(new Date(s.deadlineAt), now, L.locale),
        },
      })),
  ].sort((a, b) => Date.parse(a.deadlineAt) - Date.parse(b.deadlineAt));
  const first = candidates[0];
  return first ? { label: L.text("attentionNext"), ...first } : null;
}
