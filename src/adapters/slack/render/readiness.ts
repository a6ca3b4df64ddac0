// ReadinessView → Block Kit: the answer at a glance, then per section its summary and what is
// not in order (a function nobody could fill, with the people in its chain). Each level has an
// emoji and its word; the full page is the crisis board.
import {
  LEVEL_EMOJI,
  levelWord,
  linesForChat,
  moreOnBoard,
  type ReadinessSection,
  type ReadinessView,
  rowsForChat,
} from "../../../core/views/readiness/model.ts";
import { type Block, context, escapeMrkdwn, header, section } from "./text.ts";

function sectionText(s: ReadinessSection, nl: boolean): string {
  const { rows: listed, more } = rowsForChat(s);
  const rows = listed
    .map((r) => {
      const people = linesForChat(r)
        .map((l) => `\n      ◦ ${escapeMrkdwn(l.text)}`)
        .join("");
      return `\n• *${escapeMrkdwn(r.label)}*: ${escapeMrkdwn(r.value)}${people}`;
    })
    .join("");
  const rest = more > 0 ? `\n${escapeMrkdwn(moreOnBoard(more, nl))}` : "";
  return `${LEVEL_EMOJI[s.level]} *${escapeMrkdwn(s.title)}* (${levelWord(s.level, nl)})\n${escapeMrkdwn(s.summary)}${rows}${rest}`;
}

export function readinessBlocks(view: ReadinessView, nl: boolean): Block[] {
  return [
    header(view.title),
    section(`${LEVEL_EMOJI[view.level]} *${escapeMrkdwn(view.headline)}*`),
    context(escapeMrkdwn(view.asOf)),
    ...view.sections.map((s) => section(sectionText(s, nl))),
    context(
      nl
        ? "Alles per functie en per houder staat op het crisisbord (`/ramp bord`)."
        : "Everything per function and per holder is on the crisis board (`/ramp bord`).",
    ),
  ];
}
