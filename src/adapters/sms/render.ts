// The text of an SMS: short (it is read on a locked phone screen, often at night), in the plan's
// language, with the personal link to answer on the crisis board.
import type { ExerciseMark, Notice } from "../../core/model.ts";
import type { TestMessageView } from "../../core/practice/views.ts";
import type { PageCardView } from "../../core/views/types.ts";

export function pageText(view: PageCardView, link: string, nl: boolean): string {
  return exercisePrefix(view.exercise) + pageWords(view, link, nl);
}

export function noticeText(notice: Notice, link: string, nl: boolean): string {
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

/**
 * The number in international format, as gateways want it: "+32 470 12 34 56" and
 * "0470/12.34.56" both become +32470123456. A national number (leading 0) is Belgian.
 */
export function internationalNumber(written: string): string | null {
  const digits = written.replace(/[\s./()-]/g, "");
  const international = digits.startsWith("00")
    ? `+${digits.slice(2)}`
    : digits.startsWith("0")
      ? `+32${digits.slice(1)}`
      : digits;
  return /^\+[1-9][0-9]{7,14}$/.test(international) ? international : null;
}
