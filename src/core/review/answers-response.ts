// Section "Beoordeling en acties": the classification, the plan's activation, the decision, the
// tasks against their deadlines and who did them.
import type { Decision } from "../model.ts";
import { type Analysis, actorName } from "./analysis.ts";
import {
  type Answerer,
  afterDeclaration,
  classificationLabel,
  count,
  noteFacts,
  open,
  seqOf,
  situationLabel,
} from "./draft.ts";
import type { ReviewFact } from "./model.ts";

export const RESPONSE_ANSWERS: Record<string, Answerer> = {
  "correct-ingeschat": (a) => {
    const declared = a.index.declared;
    const initial =
      (declared?.data.classification as string | undefined) ?? a.data.incident.classification;
    const changes = a.index.reclassified.map((e) =>
      a.say(
        `${classificationLabel(a, e.data.from)} → ${classificationLabel(a, e.data.to)} op ${a.when(e.at)}`,
        `${classificationLabel(a, e.data.from)} → ${classificationLabel(a, e.data.to)} on ${a.when(e.at)}`,
      ),
    );
    return {
      status: "partial",
      text: [
        changes.length === 0
          ? a.say(
              `Ingeschat als ${classificationLabel(a, initial)} bij de melding; de ernst werd tijdens het incident niet gewijzigd.`,
              `Classified as ${classificationLabel(a, initial)} at the declaration; the classification did not change during the incident.`,
            )
          : a.say(
              `Ingeschat als ${classificationLabel(a, initial)} bij de melding; daarna gewijzigd: ${changes.join("; ")}.`,
              `Classified as ${classificationLabel(a, initial)} at the declaration; changed later: ${changes.join("; ")}.`,
            ),
      ],
    };
  },

  "informatie-beschikbaar": (a) => {
    const facts = [
      ...a.index.evaluations.map((entry) => ({
        label: `${a.say("Evaluatie", "Evaluation")}, ${a.when(entry.at)} — ${actorName(a, entry.actorId)}`,
        value: String((a.index.corrections.get(entry.id) ?? entry).data.text),
        seq: entry.seq,
      })),
      ...noteFacts(a, a.notes.tagged("evaluatie")),
    ];
    if (facts.length === 0) return open();
    return {
      status: "partial",
      text: [
        a.say(
          `De crisisstaf legde ${count(a.index.evaluations.length, "evaluatie", "evaluaties")} van de toestand vast.`,
          `The crisis staff recorded ${count(a.index.evaluations.length, "evaluation", "evaluations")} of the situation.`,
        ),
      ],
      facts,
    };
  },

  "bcp-geactiveerd": (a) => {
    const { incident } = a.data;
    const from = classificationLabel(a, a.dir.plan.classification.activatesPlanFrom);
    const level = classificationLabel(a, incident.classification);
    // Paged at the declaration, or later when a reclassification raised the level.
    const firstPage = a.paging.reduce<Date | null>(
      (first, fn) => (first && first <= fn.firstSentAt ? first : fn.firstSentAt),
      null,
    );
    const text = [
      firstPage
        ? a.say(
            `Ja. Ernst ${level} (het plan wordt geactiveerd vanaf ${from}); de crisisstaf werd opgeroepen op ${a.when(firstPage)}.`,
            `Yes. Classification ${level} (the plan is activated from ${from}); the crisis staff was paged on ${a.when(firstPage)}.`,
          )
        : a.say(
            `Nee. Ernst ${level}: het plan wordt pas geactiveerd vanaf ${from}.`,
            `No. Classification ${level}: the plan is activated only from ${from}.`,
          ),
    ];
    if (a.data.decisions.length === 0) {
      text.push(
        a.say(
          "Er werd geen beslissing over situatie A of B genomen.",
          "No decision on situation A or B was taken.",
        ),
      );
    }
    return {
      status: "answered",
      text,
      facts: a.data.decisions.map((d) => decisionFact(a, d)),
    };
  },

  "andere-acties": (a) => {
    const tasks = a.tasks;
    const tally = (result: string) => tasks.filter((t) => t.result === result).length;
    const done = tally("on-time") + tally("late");
    const text =
      tasks.length === 0
        ? [a.say("Er werden geen taken gepland.", "No tasks were planned.")]
        : [
            a.say(
              `${count(tasks.length, "taak", "taken")} uit het plan: ${done} klaar (${tally("on-time")} op tijd, ${tally("late")} te laat), ${tally("overdue")} niet klaar na de deadline, ${tally("unfinished")} niet klaar bij ${endWord(a)} met de deadline nog niet verstreken.`,
              `${count(tasks.length, "task", "tasks")} from the plan: ${done} done (${tally("on-time")} on time, ${tally("late")} late), ${tally("overdue")} not done after their deadline, ${tally("unfinished")} not done at ${endWord(a)} with the deadline still ahead.`,
            ),
          ];
    if (a.cancelledTasks > 0) {
      text.push(
        a.say(
          `${count(a.cancelledTasks, "taak", "taken")} geannuleerd door een gewijzigde beslissing.`,
          `${count(a.cancelledTasks, "task", "tasks")} cancelled by a changed decision.`,
        ),
      );
    }
    return {
      status: "answered",
      text,
      facts: noteFacts(a, a.notes.tagged("actie")),
      tables: ["tasks"],
    };
  },

  resources: (a) => {
    const declared = a.index.declared?.data.meeting as
      | { name?: string; address?: string }
      | undefined;
    const coming = a.paging.filter((f) => f.coming).length;
    const owners = new Set(a.tasks.flatMap((t) => (t.task.ownerId ? [t.task.ownerId] : [])));
    const text = [
      a.say(
        `Crisisstaf: voor ${coming} van de ${a.paging.length} opgeroepen functies kwam iemand; ${count(owners.size, "persoon nam", "personen namen")} taken op.`,
        `Crisis staff: someone came for ${coming} of the ${a.paging.length} functions paged; ${count(owners.size, "person", "people")} took on tasks.`,
      ),
    ];
    const facts: ReviewFact[] = [];
    if (declared?.name) {
      facts.push({
        label: a.say("Contactadres", "Meeting address"),
        value: `${declared.name}, ${declared.address}`,
        ...(a.index.declared ? { seq: a.index.declared.seq } : {}),
      });
    }
    for (const moved of a.data.timeline.filter((e) => e.type === "meeting.changed")) {
      const d = moved.data;
      facts.push({
        label: a.say("Contactadres gewijzigd", "Meeting address changed"),
        value: `${d.name}, ${d.address} (${a.when(moved.at)}, ${actorName(a, moved.actorId)}${d.reason ? `: ${d.reason}` : ""})`,
        seq: moved.seq,
      });
    }
    const location = a.data.incident.locationId
      ? a.dir.location(a.data.incident.locationId)
      : undefined;
    if (location) {
      facts.push({
        label: a.say("Uitwijklocatie", "Fallback location"),
        value: `${location.name}, ${location.address}`,
      });
    }
    return { status: "answered", text, facts, tables: ["resources"] };
  },

  "plan-flexibel": (a) => {
    const changes = a.data.decisions.length > 1 ? a.data.decisions.length - 1 : 0;
    const facts: ReviewFact[] = a.index.taskBlocked.map((e) => ({
      label: `${a.say("Geblokkeerd", "Blocked")}: ${String(e.data.title)}`,
      value: `${String(e.data.reason)} — ${actorName(a, e.actorId)}, ${a.when(e.at)}`,
      seq: e.seq,
    }));
    if (changes === 0 && facts.length === 0) return open();
    return {
      status: "partial",
      text: [
        a.say(
          `De beslissing werd ${count(changes, "keer", "keer")} gewijzigd; ${count(facts.length, "taak werd", "taken werden")} geblokkeerd.`,
          `The decision was changed ${changes === 1 ? "once" : `${changes} times`}; ${count(facts.length, "task was", "tasks were")} blocked.`,
        ),
      ],
      facts,
    };
  },

  "acties-tijdig": (a) => {
    const late = a.tasks.filter((t) => t.result === "late" || t.result === "overdue");
    const done = a.tasks.filter((t) => t.result === "on-time" || t.result === "late").length;
    const onTime = a.tasks.filter((t) => t.result === "on-time").length;
    const text = [
      a.say(
        `${onTime} van de ${done} afgewerkte taken waren op tijd klaar.`,
        `${onTime} of the ${done} tasks done were done on time.`,
      ),
    ];
    const first = a.data.decisions[0];
    if (first) {
      text.push(
        a.say(
          `De beslissing (situatie ${first.situation}) viel ${afterDeclaration(a, first.decidedAt)}.`,
          `The decision (situation ${first.situation}) was taken ${afterDeclaration(a, first.decidedAt)}.`,
        ),
      );
    }
    return {
      status: late.length === 0 ? "answered" : "partial",
      text,
      facts: late.map((t) => ({
        ...seqOf(a.index.taskCompleted.get(t.task.id)),
        label: t.task.title,
        value:
          t.result === "late"
            ? a.say(`${a.span(t.lateByMs)} te laat klaar`, `done ${a.span(t.lateByMs)} late`)
            : a.say(
                `niet klaar, deadline ${a.span(t.lateByMs)} overschreden`,
                `not done, deadline exceeded by ${a.span(t.lateByMs)}`,
              ),
      })),
      tables: ["tasks"],
      ...(late.length > 0
        ? {
            note: a.say(
              "Waarom deze taken te laat waren, vult het team aan.",
              "Why these tasks were late is for the team to add.",
            ),
          }
        : {}),
    };
  },
};

function decisionFact(a: Analysis, d: Decision): ReviewFact {
  const entry = a.index.decisions.get(d.id);
  const location = d.locationId ? a.dir.location(d.locationId) : undefined;
  const changes = entry?.data.changes as { situation?: string } | null | undefined;
  const parts = [
    `${situationLabel(a, d.situation)}${location ? ` — ${location.name}` : ""}`,
    `${a.dir.name(d.decidedById)}, ${a.when(d.decidedAt)} (${afterDeclaration(a, d.decidedAt)})`,
  ];
  if (d.reason) parts.push(`${a.say("reden", "reason")}: ${d.reason}`);
  if (changes?.situation)
    parts.push(
      a.say(
        `wijziging van situatie ${changes.situation}`,
        `changed from situation ${changes.situation}`,
      ),
    );
  return {
    label: a.say(`Beslissing ${d.seq}`, `Decision ${d.seq}`),
    value: parts.join("; "),
    ...(entry ? { seq: entry.seq } : {}),
  };
}

export function endWord(a: Analysis): string {
  return a.data.incident.status === "closed"
    ? a.say("de afsluiting", "closing")
    : a.say("het opmaken van deze review", "the drafting of this review");
}
