// What a chat platform posts when the review is shared (on close, or with `/ramp review`): the
// key figures, how much is left to the team, and the words around the attached document.
// Platform-neutral like every view model; Slack and Teams only lay it out.
import type { PlanDirectory } from "../directory.ts";
import type { ExerciseMark, ReviewShare } from "../model.ts";
import type { Review, ReviewFact } from "./model.ts";

export interface ReviewShareView {
  /** Set for an exercise's report: shown first, like on every message about the exercise. */
  exercise?: ExerciseMark;
  incidentId: string;
  number: string;
  title: string;
  /** Why it is posted now: the first draft at closing, or drafted again at someone's request. */
  lead: string;
  facts: ReviewFact[];
  /** "9 of 24 questions are left to the team", with what to do with the document. */
  toDo: string;
  verification: { ok: boolean; text: string };
  /** The attached document's title (Slack shows it above the file). */
  fileTitle: string;
  /** Button labels for the links to the document and the page. */
  downloadLabel: string;
  readLabel: string;
  /** Plain text for notifications and clients that show no layout. */
  fallback: string;
}

export function reviewShareView(
  review: Review,
  share: ReviewShare,
  dir: PlanDirectory,
): ReviewShareView {
  const nl = review.locale === "nl";
  const say = (n: string, e: string) => (nl ? n : e);
  const { number } = review.incident;
  const lead = review.exercise
    ? share.reason === "closed"
      ? say(
          `Oefening ${number} is beëindigd. Hier is het oefenverslag, door Ramp geschreven uit de tijdlijn, met de vragen voor de nabespreking.`,
          `Exercise ${number} has ended. Here is the exercise report, written by Ramp from the timeline, with the questions for the debriefing.`,
        )
      : say(
          `Het oefenverslag van oefening ${number} is opnieuw opgemaakt uit de tijdlijn.`,
          `The report of exercise ${number} was drafted again from the timeline.`,
        )
    : share.reason === "closed"
      ? say(
          `Incident ${number} is afgesloten. Hier is het eerste ontwerp van de post-incident review, door Ramp geschreven uit de tijdlijn.`,
          `Incident ${number} is closed. Here is the first draft of the post-incident review, written by Ramp from the timeline.`,
        )
      : say(
          `De post-incident review van incident ${number} is opnieuw opgemaakt uit de tijdlijn${share.requestedById ? ` op vraag van ${dir.name(share.requestedById)}` : ""}.`,
          `The post-incident review of incident ${number} was drafted again from the timeline${share.requestedById ? ` at the request of ${dir.name(share.requestedById)}` : ""}.`,
        );
  const answers = review.sections.flatMap((s) => s.answers);
  const left = answers.filter((a) => a.status !== "answered").length;
  const toDo = say(
    `${left} van de ${answers.length} vragen zijn aan het team: vul ze aan in het Word-document en bespreek het binnen het crisisteam.`,
    `${left} of the ${answers.length} questions are for the team: complete them in the Word document and discuss it within the crisis team.`,
  );
  const title = review.title;
  return {
    ...(review.exercise ? { exercise: review.exercise } : {}),
    incidentId: review.incident.id,
    number,
    title,
    lead,
    facts: review.summary,
    toDo,
    verification: review.appendix.verification,
    fileTitle: title,
    downloadLabel: say("Word-document", "Word document"),
    readLabel: say("Online lezen", "Read online"),
    fallback: `${review.exercise ? `${review.exercise.label}: ` : ""}${title}\n${lead}\n${review.summary.map((f) => `• ${f.label}: ${f.value}`).join("\n")}\n${toDo}`,
  };
}
