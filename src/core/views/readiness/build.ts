// Assembles the readiness view from its sections, in the order the page shows them.
//
// To add a section: write a
// builder `(input: ReadinessInput) => Promise<ReadinessSection | null>` in its own file here,
// loading what it needs through `input.ctx.store` (or a shared loader in sources.ts), and add
// it to READINESS_SECTIONS. Every adapter renders sections generically (title, level, summary,
// facts, rows with lines), so no renderer changes. Return null to leave the section out (the
// page shows no placeholder). Phone numbers go only in `ReadinessLine.phone`, and only when
// `input.viewer.leader`.
import type { EngineContext } from "../../context.ts";
import { formatDateTime } from "../../time.ts";
import type { Viewer } from "../viewer.ts";
import { amendmentsSection } from "./amendments.ts";
import { contactsSection } from "./contacts.ts";
import { copiesSection } from "./copies.ts";
import { functionsSection } from "./functions.ts";
import {
  type ReadinessSection,
  type ReadinessSectionBuilder,
  type ReadinessView,
  worst,
} from "./model.ts";
import { planSection } from "./plan.ts";
import { practiceSection } from "./practice.ts";
import { type ReadinessKnown, ReadinessSources } from "./sources.ts";

export const READINESS_SECTIONS: readonly ReadinessSectionBuilder[] = [
  functionsSection,
  practiceSection,
  planSection,
  copiesSection,
  contactsSection,
  amendmentsSection,
];

export async function readinessView(
  ctx: EngineContext,
  viewer: Viewer,
  options: { known?: ReadinessKnown; builders?: readonly ReadinessSectionBuilder[] } = {},
): Promise<ReadinessView> {
  const nl = ctx.dir.locale === "nl";
  const now = ctx.clock.now();
  const sources = new ReadinessSources(ctx, options.known);
  const input = { ctx, viewer, now, nl, sources };
  const builders = options.builders ?? READINESS_SECTIONS;
  const built = await Promise.all(builders.map((build) => build(input)));
  const sections = built.filter((s): s is ReadinessSection => s !== null);
  const level = worst(sections.map((s) => s.level));
  return {
    kind: "readiness",
    title: nl ? "Paraatheid van de crisisstaf" : "Crisis team readiness",
    level,
    headline: headline(sections, level, nl),
    asOf: `${nl ? "Stand van" : "As of"} ${formatDateTime(now, ctx.dir.locale, ctx.dir.timeZone)}`,
    sections,
  };
}

function headline(
  sections: ReadinessSection[],
  level: ReadinessView["level"],
  nl: boolean,
): string {
  if (level === "problem") {
    const problems = sections.filter((s) => s.level === "problem").map((s) => s.summary);
    return `${nl ? "Niet klaar" : "Not ready"}: ${problems.join(" ")}`;
  }
  if (level === "attention") {
    const n = sections.filter((s) => s.level === "attention").length;
    return nl
      ? `Klaar: de crisisstaf kan samengeroepen worden. ${n === 1 ? "Eén punt vraagt" : `${n} punten vragen`} aandacht.`
      : `Ready: the crisis team can be assembled. ${n === 1 ? "One point needs" : `${n} points need`} attention.`;
  }
  return nl
    ? "Klaar: de crisisstaf kan samengeroepen worden."
    : "Ready: the crisis team can be assembled.";
}

/**
 * The view as it may be shown where more people read than the coordinator and the deputies
 * (a Teams channel): without phone numbers.
 */
export function shareableReadiness(view: ReadinessView): ReadinessView {
  return {
    ...view,
    sections: view.sections.map((s) => ({
      ...s,
      rows: s.rows.map((r) => ({ ...r, lines: r.lines.map(({ phone: _phone, ...line }) => line) })),
    })),
  };
}
