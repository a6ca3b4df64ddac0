// The review's overviews as plain rows: tasks, who did what, services against the RTO, paging
// per function, communications. Built only when a section (or the overviews part) shows them.

import { Labels } from "../views/labels.ts";
import { type Analysis, actorName } from "./analysis.ts";
import { reachText } from "./delivered.ts";
import type { ReviewTable, ReviewTableId } from "./model.ts";
import type { PageOutcome } from "./paging-outcomes.ts";
import type { ServiceOutcome, TaskOutcome } from "./work-outcomes.ts";

export type OverviewId = Exclude<
  ReviewTableId,
  "decisions" | "timeline" | "injects" | `reachability-${string}`
>;
export const OVERVIEWS: OverviewId[] = [
  "tasks",
  "resources",
  "services",
  "communications",
  "paging",
];

export function overviewTable(a: Analysis, id: OverviewId): ReviewTable {
  switch (id) {
    case "tasks":
      return tasksTable(a);
    case "resources":
      return resourcesTable(a);
    case "services":
      return servicesTable(a);
    case "communications":
      return communicationsTable(a);
    case "paging":
      return pagingTable(a);
  }
}

function tasksTable(a: Analysis): ReviewTable {
  const { say } = a;
  return {
    id: "tasks",
    title: say("Taken", "Tasks"),
    columns: [
      say("Taak", "Task"),
      say("Eigenaar", "Owner"),
      say("Opgenomen", "Claimed"),
      say("Klaar", "Done"),
      say("Deadline", "Deadline"),
      say("Resultaat", "Result"),
    ],
    rows: a.tasks.map((t) => [
      t.task.title,
      t.task.ownerId ? a.dir.name(t.task.ownerId) : "—",
      t.takenAt ? a.when(t.takenAt) : "—",
      t.task.completedAt && t.task.status === "done" ? a.when(t.task.completedAt) : "—",
      a.when(t.task.deadlineAt),
      taskResult(a, t),
    ]),
    empty: say("Er werden geen taken gepland.", "No tasks were planned."),
  };
}

function taskResult(a: Analysis, t: TaskOutcome): string {
  const status = new Labels(a.locale).taskStatus(t.task.status).toLowerCase();
  switch (t.result) {
    case "on-time":
      return a.say("Op tijd", "On time");
    case "late":
      return a.say(`Te laat (${a.span(t.lateByMs)})`, `Late (${a.span(t.lateByMs)})`);
    case "overdue":
      return a.say(
        `Deadline gemist: niet klaar (${status}, ${a.span(t.lateByMs)} over tijd)`,
        `Deadline missed: not done (${status}, ${a.span(t.lateByMs)} overdue)`,
      );
    case "unfinished":
      return a.say(
        `Niet klaar (${status}); deadline nog niet verstreken`,
        `Not done (${status}); deadline still ahead`,
      );
  }
}

function resourcesTable(a: Analysis): ReviewTable {
  const { say } = a;
  const roles = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, personId: string, value: string) => {
    const list = map.get(personId);
    if (list) list.push(value);
    else map.set(personId, [value]);
  };
  const labels = new Labels(a.locale);
  for (const fn of a.paging) {
    for (const outcome of fn.pages) {
      const answer = outcome.comingAtOnce ? "coming" : outcome.page.status;
      add(roles, outcome.page.personId, `${fn.name} (${labels.pageStatus(answer).toLowerCase()})`);
    }
  }
  const tasks = new Map<string, string[]>();
  for (const t of a.tasks) {
    if (t.task.ownerId)
      add(
        tasks,
        t.task.ownerId,
        `${t.task.title} (${labels.taskStatus(t.task.status).toLowerCase()})`,
      );
  }
  const entries = new Map<string, number>();
  for (const entry of a.data.timeline) {
    if (entry.actorId) entries.set(entry.actorId, (entries.get(entry.actorId) ?? 0) + 1);
  }
  // The plan's order of people, so the table reads the same every time.
  const people = a.dir.plan.people
    .map((p) => p.id)
    .filter((id) => roles.has(id) || tasks.has(id) || entries.has(id));
  return {
    id: "resources",
    title: say("Wie deed wat", "Who did what"),
    columns: [
      say("Persoon", "Person"),
      say("Opgeroepen als", "Paged as"),
      say("Taken", "Tasks"),
      say("Tijdlijnregels", "Timeline entries"),
    ],
    rows: people.map((id) => [
      a.dir.name(id),
      roles.get(id)?.join("; ") ?? "—",
      tasks.get(id)?.join("; ") ?? "—",
      String(entries.get(id) ?? 0),
    ]),
    empty: say("Niemand kwam in actie.", "Nobody took action."),
  };
}

function servicesTable(a: Analysis): ReviewTable {
  const { say } = a;
  const h = say("u", "h");
  return {
    id: "services",
    title: say("Prioritaire diensten tegenover de RTO", "Priority services against the RTO"),
    columns: [
      say("Prioriteit", "Priority"),
      say("Dienst", "Service"),
      "RTO",
      say("Deadline", "Deadline"),
      say("Hersteld", "Restored"),
      say("Na de melding", "After declaration"),
      say("Resultaat", "Result"),
    ],
    rows: a.services.map((s) => [
      String(s.service.priority),
      s.name,
      `${s.service.rtoHours} ${h}`,
      a.when(s.service.deadlineAt),
      s.service.restoredAt
        ? `${a.when(s.service.restoredAt)} (${
            s.service.restoredBy === "tasks"
              ? say("alle taken klaar", "all tasks done")
              : actorName(a, s.service.restoredById)
          })`
        : "—",
      s.restoredAfterMs === null ? "—" : a.span(s.restoredAfterMs),
      serviceResult(a, s),
    ]),
    empty: say(
      "Geen prioritaire diensten: er werd geen beslissing genomen.",
      "No priority services: no decision was taken.",
    ),
  };
}

function serviceResult(a: Analysis, s: ServiceOutcome): string {
  switch (s.result) {
    case "met":
      return a.say("Binnen de RTO", "Within the RTO");
    case "late":
      return a.say(
        `RTO gemist (${a.span(s.lateByMs)} te laat)`,
        `RTO missed (${a.span(s.lateByMs)} late)`,
      );
    case "overdue":
      return a.say(
        `RTO gemist: niet hersteld (${a.span(s.lateByMs)} over tijd)`,
        `RTO missed: not restored (${a.span(s.lateByMs)} overdue)`,
      );
    case "not-restored":
      return a.say(
        "Niet hersteld gemeld bij de afsluiting; RTO nog niet verstreken",
        "Not marked restored at closing; RTO not yet reached",
      );
    case "pending":
      return a.say(
        `Nog niet hersteld; RTO loopt nog (${a.span(s.service.deadlineAt.getTime() - a.end.getTime())})`,
        `Not restored yet; RTO still running (${a.span(s.service.deadlineAt.getTime() - a.end.getTime())} left)`,
      );
  }
}

function communicationsTable(a: Analysis): ReviewTable {
  const { say } = a;
  return {
    id: "communications",
    title: say("Communicatie", "Communication"),
    columns: [
      say("Tijdstip", "Time"),
      say("Richting", "Direction"),
      say("Soort", "Kind"),
      say("Aan", "To"),
      say("Inhoud", "Content"),
      say("Afgeleverd", "Delivered"),
    ],
    rows: a.messages.map((m) => [
      a.when(m.at),
      m.direction === "internal" ? say("Intern", "Internal") : say("Extern", "External"),
      m.kind,
      m.to,
      m.text,
      reachText(m.reach, m.at, say, a.span),
    ]),
    empty: say("Er werd niets gecommuniceerd.", "Nothing was communicated."),
  };
}

function pagingTable(a: Analysis): ReviewTable {
  const { say } = a;
  return {
    id: "paging",
    title: say("Oproeping van de crisisstaf", "Paging the crisis staff"),
    columns: [
      say("Functie", "Function"),
      say("Persoon", "Person"),
      say("Opgeroepen", "Paged"),
      say("Antwoord", "Answer"),
      say("Reactietijd", "Time to answer"),
    ],
    rows: a.paging.flatMap((fn) =>
      fn.pages.map((p) => [
        p.page.attempt === 0
          ? fn.name
          : `${fn.name} (${say("vervanger", "alternate")} ${p.page.attempt})`,
        a.dir.name(p.page.personId),
        a.when(p.page.sentAt),
        pageAnswer(a, p),
        p.comingAtOnce
          ? a.span(0)
          : p.answers[0]
            ? a.span(p.answers[0].at.getTime() - p.page.sentAt.getTime())
            : "—",
      ]),
    ),
    empty: say("De crisisstaf werd niet opgeroepen.", "The crisis staff was not paged."),
  };
}

function pageAnswer(a: Analysis, p: PageOutcome): string {
  const labels = new Labels(a.locale);
  if (p.comingAtOnce) {
    return p.declarer
      ? a.say("Komt (meldde het incident)", "Coming (declared the incident)")
      : a.say(
          "Komt (al onderweg voor een andere functie)",
          "Coming (already coming for another function)",
        );
  }
  const parts = p.answers.map(
    (e) => `${labels.pageStatus(e.data.answer as "coming")} (${a.when(e.at)})`,
  );
  if (p.silent) parts.unshift(`${labels.pageStatus("silent")} (${a.when(p.silent.at)})`);
  return parts.length > 0 ? parts.join("; ") : labels.pageStatus(p.page.status);
}
