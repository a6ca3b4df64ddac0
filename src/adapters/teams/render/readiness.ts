// ReadinessView → Adaptive Card: the answer at a glance, then per section its summary and what
// is not in order. Each level has an emoji and its word, never a colour alone.
import {
  LEVEL_EMOJI,
  levelWord,
  linesForChat,
  moreOnBoard,
  type ReadinessSection,
  type ReadinessView,
  rowsForChat,
} from "../../../core/views/readiness/model.ts";
import { type AdaptiveCard, card, type Element, heading, plain, subtle, text } from "./elements.ts";

function sectionItems(s: ReadinessSection, nl: boolean): Element[] {
  const { rows: listed, more } = rowsForChat(s);
  const rows = listed.map((r) => {
    const people = linesForChat(r).map((l) => `- ${plain(l.text)}`);
    return text(
      [
        `**${plain(r.label)}**: ${plain(r.value)}`,
        ...(people.length > 0 ? ["", ...people] : []),
      ].join("\n"),
      { spacing: "Small" },
    );
  });
  return [
    text(`${LEVEL_EMOJI[s.level]} **${plain(s.title)}** (${levelWord(s.level, nl)})`),
    text(plain(s.summary), { spacing: "Small" }),
    ...rows,
    ...(more > 0 ? [text(plain(moreOnBoard(more, nl)), { spacing: "Small" })] : []),
  ];
}

export function readinessCard(view: ReadinessView, nl: boolean): AdaptiveCard {
  return card([
    heading(plain(view.title)),
    text(`${LEVEL_EMOJI[view.level]} **${plain(view.headline)}**`),
    subtle(plain(view.asOf)),
    ...view.sections.map((s) => ({
      type: "Container",
      separator: true,
      spacing: "Medium",
      items: sectionItems(s, nl),
    })),
    subtle(
      nl
        ? "Alles per functie en per houder staat op het crisisbord (typ bord)."
        : "Everything per function and per holder is on the crisis board (type board).",
    ),
  ]);
}
