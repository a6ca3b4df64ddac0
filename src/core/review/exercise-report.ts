// The oefenverslag: an exercise's report, built from the same analysis as the review, but about
// practice: how fast the crisis staff assembled and decided, tasks and services against the RTOs,
// how each inject was handled (what followed it on the timeline), what went wrong, and the
// questions for the team's debriefing.
import { formatDurationMinutes } from "../../plan/duration.ts";
import type { TimelineEntry } from "../model.ts";
import { type Analysis, actorName } from "./analysis.ts";
import type { ReviewAnswer, ReviewSection, ReviewTable } from "./model.ts";
import { overviewTable } from "./tables.ts";
import { describer } from "./timeline-appendix.ts";
import { RTO_MISSED } from "./work-outcomes.ts";

/** What counts as the team's answer to an inject: what people did before the next one, at most this long. */
const REACTION_WINDOW_MS = 30 * 60_000;
/** Entries listed per inject; the rest is in the timeline appendix. */
const LISTED_REACTIONS = 5;

export function exerciseSections(a: Analysis): ReviewSection[] {
  return [course(a), work(a), injects(a), wentWrong(a), debriefing(a)];
}

export function exerciseIntro(a: Analysis): string[] {
  const { incident, now } = a.data;
  const lines = [
    a.say(
      `Oefenverslag van oefening ${incident.number}, door Ramp opgesteld op ${a.when(now)} uit de tijdlijn van de oefening en het plan. Dit was een OEFENING, geen echt incident: ze telt niet mee in het incidentenregister.`,
      `Report of exercise ${incident.number}, written by Ramp on ${a.when(now)} from the exercise's timeline and the plan. This was an EXERCISE, not a real incident: it does not count in the incident log.`,
    ),
    a.say(
      "Ramp meet wat er gebeurde en wanneer; de vragen voor de nabespreking beantwoordt het team samen.",
      "Ramp measures what happened and when; the team answers the debriefing questions together.",
    ),
  ];
  const stopped = a.data.timeline.find(
    (e) => e.type === "exercise.ended" && e.data.reason === "real-incident",
  );
  if (stopped)
    lines.push(
      a.say(
        `De oefening werd gestopt omdat er een echt incident (${String(stopped.data.incident)}) gestart werd: de cijfers gelden tot ${a.when(stopped.at)}.`,
        `The exercise was stopped because a real incident (${String(stopped.data.incident)}) was declared: the figures hold until ${a.when(stopped.at)}.`,
      ),
    );
  return lines;
}

function answer(
  id: string,
  question: string,
  text: string[],
  tables: ReviewTable[] = [],
): {
  answer: ReviewAnswer;
  tables: ReviewTable[];
} {
  return {
    answer: {
      questionId: id,
      question,
      options: [],
      chosenOption: null,
      status: "answered",
      text,
      facts: [],
      note: null,
    },
    tables,
  };
}

function section(
  id: string,
  title: string,
  parts: Array<ReturnType<typeof answer>>,
): ReviewSection {
  return {
    id,
    title,
    answers: parts.map((p) => p.answer),
    tables: parts.flatMap((p) => p.tables),
  };
}

function course(a: Analysis): ReviewSection {
  const { say } = a;
  const { incident, decisions } = a.data;
  const declared = incident.declaredAt.getTime();
  const functions = a.paging.length;
  const coming = a.paging.filter((f) => f.coming);
  const lastComing = Math.max(...coming.map((f) => f.coming!.at.getTime()));
  const assembled =
    functions === 0
      ? say("Er werd niemand opgeroepen.", "Nobody was paged.")
      : coming.length === functions
        ? say(
            `Voor alle ${functions} functies van de crisisstaf zei iemand "ik kom", de laatste ${a.span(lastComing - declared)} na de start (${a.when(new Date(lastComing))}).`,
            `For all ${functions} crisis-staff functions someone said "coming", the last ${a.span(lastComing - declared)} after the start (${a.when(new Date(lastComing))}).`,
          )
        : say(
            `Voor ${coming.length} van de ${functions} functies zei iemand "ik kom"; niemand kwam voor: ${a.paging
              .filter((f) => !f.coming)
              .map((f) => f.name)
              .join(", ")}.`,
            `For ${coming.length} of the ${functions} functions someone said "coming"; nobody came for: ${a.paging
              .filter((f) => !f.coming)
              .map((f) => f.name)
              .join(", ")}.`,
          );
  const first = decisions[0];
  const evaluation = a.data.timeline.find((e) => e.type === "evaluation.recorded");
  const decided = first
    ? say(
        `Beslissing situatie ${first.situation} ${a.span(first.decidedAt.getTime() - declared)} na de start (${a.when(first.decidedAt)})${evaluation ? `, de evaluatie ${a.span(evaluation.at.getTime() - declared)} na de start` : ", zonder vastgelegde evaluatie"}.`,
        `Decision situation ${first.situation} ${a.span(first.decidedAt.getTime() - declared)} after the start (${a.when(first.decidedAt)})${evaluation ? `, the evaluation ${a.span(evaluation.at.getTime() - declared)} after the start` : ", without a recorded evaluation"}.`,
      )
    : say("Er werd geen beslissing (A of B) genomen.", "No decision (A or B) was taken.");
  return section("verloop", say("Verloop van de oefening", "Course of the exercise"), [
    answer(
      "samenkomen",
      say("Hoe snel was de crisisstaf samen?", "How fast did the crisis staff assemble?"),
      [assembled],
      [overviewTable(a, "paging")],
    ),
    answer("beslissen", say("Hoe snel werd beslist?", "How fast was the decision taken?"), [
      decided,
    ]),
  ]);
}

function work(a: Analysis): ReviewSection {
  const { say } = a;
  const done = a.tasks.filter((t) => t.result === "on-time").length;
  const late = a.tasks.filter((t) => t.result === "late" || t.result === "overdue").length;
  const met = a.services.filter((s) => s.result === "met").length;
  const missed = a.services.filter((s) => RTO_MISSED.includes(s.result)).length;
  return section(
    "taken-diensten",
    say("Taken en diensten tegen de RTO", "Tasks and services against the RTO"),
    [
      answer(
        "taken",
        say("Werden de taken op tijd gedaan?", "Were the tasks done on time?"),
        [
          say(
            `${done} van ${a.tasks.length} taken op tijd klaar, ${late} na hun deadline of nog open na de deadline.`,
            `${done} of ${a.tasks.length} tasks done on time, ${late} after their deadline or still open past it.`,
          ),
        ],
        [overviewTable(a, "tasks")],
      ),
      answer(
        "diensten",
        say(
          "Werden de prioritaire diensten binnen de RTO hersteld?",
          "Were the priority services restored within the RTO?",
        ),
        [
          say(
            `${met} van ${a.services.length} diensten binnen de RTO hersteld gemeld; ${missed} RTO gemist.`,
            `${met} of ${a.services.length} services marked restored within the RTO; ${missed} missed the RTO.`,
          ),
        ],
        [overviewTable(a, "services")],
      ),
    ],
  );
}

interface InjectRow {
  entry: TimelineEntry;
  reactions: TimelineEntry[];
}

function injectRows(a: Analysis): InjectRow[] {
  const timeline = a.data.timeline;
  const injects = timeline.filter((e) => e.type === "exercise.inject" && e.data.kind !== "start");
  return injects.map((entry, i) => {
    const next = injects[i + 1]?.at.getTime() ?? Number.POSITIVE_INFINITY;
    const until = Math.min(next, entry.at.getTime() + REACTION_WINDOW_MS);
    // What people did (not Ramp's own reminders) after the inject, before the next one.
    const reactions = timeline.filter(
      (e) => e.seq > entry.seq && e.at.getTime() <= until && e.actorId !== null,
    );
    return { entry, reactions };
  });
}

function injects(a: Analysis): ReviewSection {
  const { say } = a;
  const describe = describer(a);
  const rows = injectRows(a);
  const table: ReviewTable = {
    id: "injects",
    title: say("Injects en wat erop volgde", "Injects and what followed"),
    columns: [
      say("Tijd", "Time"),
      say("Aan", "To"),
      "Inject",
      say("Wat volgde (binnen 30 min)", "What followed (within 30 min)"),
    ],
    rows: rows.map(({ entry, reactions }) => [
      `T+${formatDurationMinutes(Number(entry.data.at) || 0)} (${a.when(entry.at)})`,
      String(entry.data.toName ?? ""),
      String(entry.data.text ?? ""),
      reactions.length === 0
        ? say("niets op de tijdlijn", "nothing on the timeline")
        : [
            ...reactions
              .slice(0, LISTED_REACTIONS)
              .map((r) => `#${r.seq} ${a.when(r.at)} ${actorName(a, r.actorId)}: ${describe(r)}`),
            ...(reactions.length > LISTED_REACTIONS
              ? [
                  say(
                    `en ${reactions.length - LISTED_REACTIONS} meer`,
                    `and ${reactions.length - LISTED_REACTIONS} more`,
                  ),
                ]
              : []),
          ].join("\n"),
    ]),
    empty: say("Er werden geen injects gestuurd.", "No injects were sent."),
  };
  const silent = rows.filter((r) => r.reactions.length === 0).length;
  return section("injects", say("Injects", "Injects"), [
    answer(
      "injects",
      say("Hoe werden de injects opgevangen?", "How were the injects handled?"),
      [
        say(
          `${rows.length} injects; na ${silent} ervan kwam binnen 30 minuten niets op de tijdlijn.`,
          `${rows.length} injects; after ${silent} of them nothing reached the timeline within 30 minutes.`,
        ),
      ],
      [table],
    ),
  ]);
}

function wentWrong(a: Analysis): ReviewSection {
  const { say } = a;
  const lines: string[] = [];
  for (const f of a.paging) {
    if (!f.coming) lines.push(say(`Niemand kwam voor ${f.name}.`, `Nobody came for ${f.name}.`));
    if (f.silent > 0)
      lines.push(
        say(
          `${f.name}: ${f.silent} oproep(en) bleven onbeantwoord.`,
          `${f.name}: ${f.silent} page(s) went unanswered.`,
        ),
      );
  }
  for (const t of a.tasks) {
    if (t.result === "late" || t.result === "overdue")
      lines.push(
        say(
          `Taak "${t.task.title}" ${t.result === "late" ? "na de deadline klaar" : "niet klaar voor de deadline"} (${a.span(t.lateByMs)} te laat).`,
          `Task "${t.task.title}" ${t.result === "late" ? "done after its deadline" : "not done by its deadline"} (${a.span(t.lateByMs)} late).`,
        ),
      );
    if (t.task.status === "blocked")
      lines.push(
        say(
          `Taak "${t.task.title}" bleef geblokkeerd: ${t.task.blockedReason ?? ""}`,
          `Task "${t.task.title}" stayed blocked: ${t.task.blockedReason ?? ""}`,
        ),
      );
  }
  for (const s of a.services)
    if (RTO_MISSED.includes(s.result))
      lines.push(say(`${s.name}: RTO gemist.`, `${s.name}: RTO missed.`));
  for (const { entry, reactions } of injectRows(a))
    if (reactions.length === 0)
      lines.push(
        say(
          `Op de inject T+${formatDurationMinutes(Number(entry.data.at) || 0)} voor ${String(entry.data.toName)} volgde niets op de tijdlijn.`,
          `Nothing followed the inject T+${formatDurationMinutes(Number(entry.data.at) || 0)} for ${String(entry.data.toName)} on the timeline.`,
        ),
      );
  if (a.data.decisions.length === 0)
    lines.push(say("Er werd geen beslissing genomen.", "No decision was taken."));
  return section("wat-liep-mis", say("Wat liep er mis", "What went wrong"), [
    answer(
      "wat-liep-mis",
      say("Wat liep er volgens de tijdlijn mis?", "What went wrong according to the timeline?"),
      lines.length > 0
        ? lines
        : [
            say(
              "De tijdlijn toont geen gemiste deadlines of onbeantwoorde oproepen.",
              "The timeline shows no missed deadlines or unanswered pages.",
            ),
          ],
    ),
  ]);
}

function debriefing(a: Analysis): ReviewSection {
  const { say } = a;
  const questions = [
    say(
      "Wist iedereen wat zijn rol was, zonder het plan te moeten opzoeken?",
      "Did everyone know their role without looking it up in the plan?",
    ),
    say(
      "Bereikte de oproep iedereen, en via welk kanaal het snelst?",
      "Did the page reach everyone, and which channel was fastest?",
    ),
    say(
      "Klopt het contactadres nog, en was iedereen er op tijd?",
      "Is the meeting address still right, and was everyone there on time?",
    ),
    ...injectRows(a).map(({ entry }) =>
      say(
        `Inject T+${formatDurationMinutes(Number(entry.data.at) || 0)} ("${String(entry.data.text)}"): wie nam het op, en wat had beter gekund?`,
        `Inject T+${formatDurationMinutes(Number(entry.data.at) || 0)} ("${String(entry.data.text)}"): who took it up, and what could have gone better?`,
      ),
    ),
    say(
      "Wat moet er in het plan veranderen (personen, telefoonnummers, taken, RTO's)?",
      "What must change in the plan (people, phone numbers, tasks, RTOs)?",
    ),
    say(
      "Wanneer oefenen we opnieuw, en wat oefenen we dan?",
      "When do we practise again, and what?",
    ),
  ];
  const note = say("Voor de nabespreking met het team.", "For the team's debriefing.");
  return {
    id: "nabespreking",
    title: say("Vragen voor de nabespreking", "Questions for the debriefing"),
    answers: questions.map((question, i) => ({
      questionId: `nabespreking-${i + 1}`,
      question,
      options: [],
      chosenOption: null,
      status: "open" as const,
      text: [],
      facts: [],
      note,
    })),
    tables: [],
  };
}
