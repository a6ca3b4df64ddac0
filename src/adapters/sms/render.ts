// The text of an SMS: short (it is read on a locked phone screen, often at night), in the plan's
// language, with the personal link to answer on the crisis board.
import type { ExerciseMark, Notice } from "../../core/model.ts";
import type { TestMessageView } from "../../core/practice/views.ts";
import type { PageCardView } from "../../core/views/types.ts";

export function pageText(view: PageCardView, link: string, nl: boolean): string {
  return exercisePrefix(view.exercise) + pageWords(view, link, nl);
}

export function noticeText(notice: Notice, link: string, nl: boolean): string {
  // The answer to a text: short already (two segments at most), without a link.
  if (notice.kind === "sms-reply") return exercisePrefix(notice.exercise) + notice.text;
  return exercisePrefix(notice.exercise) + noticeWords(notice, link, nl);
}

/** "OEFENING: " first, so even a locked screen's preview says it is an exercise. */
function exercisePrefix(mark: ExerciseMark | undefined): string {
  return mark ? `${mark.label}: ` : "";
}

function pageWords(view: PageCardView, link: string, nl: boolean): string {
  return nl
    ? `Ramp: ${view.title}. ${view.text} Antwoord "Ik kom" of "Ik kan niet" via Slack, Teams of ${link}`
    : `Ramp: ${view.title}. ${view.text} Answer "Coming" or "Cannot come" in Slack, Teams or at ${link}`;
}

/** A reachability test: marked as a test before anything else, answered on the board. */
export function testText(view: TestMessageView, link: string, nl: boolean): string {
  const number = view.facts[0]?.value ?? "";
  return nl
    ? `Ramp: ${view.title}. Bereikbaarheidstest ${number}: antwoord "Ontvangen" via Slack, Teams of ${link}`
    : `Ramp: ${view.title}. Reachability test ${number}: answer "Received" in Slack, Teams or at ${link}`;
}

function noticeWords(notice: Notice, link: string, nl: boolean): string {
  return nl
    ? `Ramp: ${notice.text} Crisisbord: ${link}`
    : `Ramp: ${notice.text} Crisis board: ${link}`;
}

/** The number in international format (one place for it: the core matches senders with it too). */
export { internationalNumber } from "../../core/sms/number.ts";
