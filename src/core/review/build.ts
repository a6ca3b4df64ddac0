// buildReview: the first draft of the post-incident review, written from the timeline and the
// plan. Every question of the plan's review.sections is answered where the data allows, by its
// id; any other question (a plan's own addition) stays open for the team, with its text.
import type { EngineContext } from "../context.ts";
import type { PlanDirectory } from "../directory.ts";
import type { CrisisEngine } from "../engine.ts";
import { exerciseMark } from "../views/exercise-words.ts";
import { type Analysis, analyse } from "./analysis.ts";
import { COMMUNICATION_ANSWERS } from "./answers-communication.ts";
import { CONTEXT_ANSWERS } from "./answers-context.ts";
import { LESSONS_ANSWERS } from "./answers-lessons.ts";
import { RESPONSE_ANSWERS } from "./answers-response.ts";
import { decisionLog } from "./decision-log.ts";
import { type Answerer, classificationLabel, open, type PlanQuestion } from "./draft.ts";
import { exerciseIntro, exerciseSections } from "./exercise-report.ts";
import { loadReviewData, type ReviewData } from "./load.ts";
import type {
  Review,
  ReviewAnswer,
  ReviewChrome,
  ReviewFact,
  ReviewSection,
  ReviewTable,
} from "./model.ts";
import { OVERVIEWS, type OverviewId, overviewTable } from "./tables.ts";
import { timelineTable, verificationText } from "./timeline-appendix.ts";
import { RTO_MISSED, type ServiceResult } from "./work-outcomes.ts";

/** Automatic answers by question id of the sample plan (plans/ocmw-zonnebeke.yaml). */
export const ANSWERS: Readonly<Record<string, Answerer>> = {
  ...CONTEXT_ANSWERS,
  ...RESPONSE_ANSWERS,
  ...COMMUNICATION_ANSWERS,
  ...LESSONS_ANSWERS,
};

export async function buildReview(
  source: CrisisEngine | EngineContext,
  incidentId: string,
): Promise<Review> {
  const ctx = "ctx" in source ? source.ctx : source;
  return reviewFromData(await loadReviewData(ctx, incidentId), ctx.dir);
}

/** The pure part: from loaded data to the review, without touching the database. */
export function reviewFromData(data: ReviewData, dir: PlanDirectory): Review {
  const a = analyse(data, dir);
  const { say } = a;
  const { incident } = data;
  const placed = new Set<OverviewId>();
  const sections: ReviewSection[] = incident.exercise
    ? exerciseSections(a)
    : reviewSections(a, dir, placed);
  for (const section of sections)
    for (const table of section.tables) placed.add(table.id as OverviewId);
  return {
    ...(incident.exercise ? { exercise: exerciseMark(dir.locale, incident.number) } : {}),
    locale: a.locale,
    timeZone: dir.timeZone,
    // The seed calls it a "Post Incident Review" in Dutch too; an exercise has its oefenverslag.
    title: incident.exercise
      ? say(
          `Oefenverslag — oefening ${incident.number}`,
          `Exercise report — exercise ${incident.number}`,
        )
      : `Post-incident review — incident ${incident.number}`,
    subtitle: `${dir.plan.organisation.name} — ${incident.description}`,
    organisation: dir.plan.organisation.name,
    incident: {
      id: incident.id,
      number: incident.number,
      description: incident.description,
      status: incident.status,
    },
    generatedAt: a.when(data.now),
    intro: incident.exercise ? exerciseIntro(a) : intro(a),
    summary: summary(a),
    sections,
    overviews: OVERVIEWS.filter((id) => !placed.has(id)).map((id) => overviewTable(a, id)),
    decisions: { title: say("Besluitenlijst", "Decision log"), table: decisionLog(a) },
    appendix: {
      title: say("Bijlage: tijdlijn", "Appendix: timeline"),
      verification: { ok: data.verification.ok, text: verificationText(a, data.verification) },
      timeline: timelineTable(a),
    },
    chrome: chrome(a),
  };
}

/** The plan's review questionnaire, answered where the data allows. */
function reviewSections(a: Analysis, dir: PlanDirectory, placed: Set<OverviewId>): ReviewSection[] {
  return dir.plan.review.sections.map((section) => {
    const tables: ReviewTable[] = [];
    const answers = section.questions.map((question) => {
      const answer = answerQuestion(a, question);
      for (const id of answer.tables) {
        if (placed.has(id)) continue;
        placed.add(id);
        tables.push(overviewTable(a, id));
      }
      return answer.answer;
    });
    return { id: section.id, title: section.title, answers, tables };
  });
}

function answerQuestion(
  a: Analysis,
  question: PlanQuestion,
): { answer: ReviewAnswer; tables: OverviewId[] } {
  const answerer = Object.hasOwn(ANSWERS, question.id) ? ANSWERS[question.id] : undefined;
  const draft = answerer ? answerer(a, question) : open();
  const status = draft.status;
  return {
    answer: {
      questionId: question.id,
      question: question.text,
      options: question.options ?? [],
      chosenOption: draft.chosenOption ?? null,
      status,
      text: draft.text,
      facts: draft.facts ?? [],
      note: draft.note ?? null,
    },
    tables: (draft.tables ?? []).filter((id): id is OverviewId =>
      (OVERVIEWS as string[]).includes(id),
    ),
  };
}

function intro(a: Analysis): string[] {
  const { incident, now } = a.data;
  const lines = [
    a.say(
      `Eerste versie van de post-incident review (incidentenbeheerplan, stap 6: geleerde lessen), door Ramp opgesteld op ${a.when(now)} uit de tijdlijn van het incident en het plan.`,
      `First draft of the post-incident review (incident management plan, step 6: lessons learned), written by Ramp on ${a.when(now)} from the incident's timeline and the plan.`,
    ),
    a.say(
      "Ramp weet wat er gebeurde en wanneer, niet waarom of hoe het team het beoordeelt: vragen gemarkeerd als open of aan te vullen beantwoordt het team.",
      "Ramp knows what happened and when, not why or how the team judges it: questions marked open or to be completed are for the team to answer.",
    ),
  ];
  if (incident.status === "active") {
    lines.push(
      a.say(
        `Het incident loopt nog: alle cijfers gelden tot ${a.when(now)}.`,
        `The incident is still active: all figures are as of ${a.when(now)}.`,
      ),
    );
  }
  return lines;
}

function summary(a: Analysis): ReviewFact[] {
  const { incident, verification } = a.data;
  const { say } = a;
  const done = a.tasks.filter((t) => t.result === "on-time" || t.result === "late").length;
  const missed = a.tasks.filter((t) => t.result === "late" || t.result === "overdue").length;
  const servicesCount = (results: ServiceResult[]) =>
    a.services.filter((s) => results.includes(s.result)).length;
  const met = servicesCount(["met"]);
  const rtoMissed = servicesCount(RTO_MISSED);
  const rtoAhead = servicesCount(["not-restored", "pending"]);
  const decision = a.data.decisions.at(-1);
  return [
    {
      label: incident.exercise ? say("Oefening", "Exercise") : say("Incident", "Incident"),
      value: `${incident.number} — ${incident.description}`,
    },
    {
      label: say("Ernst", "Classification"),
      value: classificationLabel(a, incident.classification),
    },
    { label: say("Gemeld", "Declared"), value: a.when(incident.declaredAt) },
    {
      label: say("Afgesloten", "Closed"),
      value: incident.closedAt ? a.when(incident.closedAt) : say("loopt nog", "still active"),
    },
    {
      label: say("Duur", "Duration"),
      value: a.span(a.end.getTime() - incident.declaredAt.getTime()),
    },
    {
      label: say("Beslissing", "Decision"),
      value: decision
        ? `${say("situatie", "situation")} ${decision.situation} (${a.when(decision.decidedAt)})`
        : say("geen", "none"),
    },
    {
      label: say("Taken", "Tasks"),
      value: say(
        `${done} van ${a.tasks.length} klaar; ${missed} deadline gemist`,
        `${done} of ${a.tasks.length} done; ${missed} missed their deadline`,
      ),
    },
    {
      label: say("Prioritaire diensten binnen de RTO", "Priority services within the RTO"),
      value: [
        say(`${met} van ${a.services.length}`, `${met} of ${a.services.length}`),
        ...(rtoMissed > 0 ? [say(`${rtoMissed} RTO gemist`, `${rtoMissed} missed the RTO`)] : []),
        ...(rtoAhead > 0
          ? [say(`${rtoAhead} RTO nog niet verstreken`, `${rtoAhead} RTO not yet reached`)]
          : []),
      ].join("; "),
    },
    {
      label: say("Tijdlijn", "Timeline"),
      value: verification.ok
        ? say(`intact (${verification.entries} regels)`, `intact (${verification.entries} entries)`)
        : say("NIET intact", "NOT intact"),
    },
  ];
}

function chrome(a: Analysis): ReviewChrome {
  const { say } = a;
  return {
    statusLabel: {
      answered: say("Ingevuld door Ramp", "Filled in by Ramp"),
      partial: say("Aan te vullen door het team", "To be completed by the team"),
      open: say("Open — in te vullen door het team", "Open — to be completed by the team"),
    },
    source: say("tijdlijn", "timeline"),
    chosen: say("volgt uit de gegevens", "follows from the data"),
    summaryTitle: say("Kerncijfers", "Key figures"),
    overviewsTitle: say("Overzichten", "Overviews"),
    pageFooter: say("Pagina", "Page"),
    generatedBy: say(
      `Opgesteld door Ramp op ${a.when(a.data.now)}`,
      `Drafted by Ramp on ${a.when(a.data.now)}`,
    ),
  };
}
