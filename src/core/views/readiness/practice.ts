// Practice: the last and next reachability test and exercise, and what is overdue (the board's
// practice overview, core/practice/overview.ts, in readiness terms).
import type { ReadinessInput, ReadinessSection } from "./model.ts";

export async function practiceSection({ nl, sources }: ReadinessInput): Promise<ReadinessSection> {
  const o = await sources.practice();
  const overdue = o.warnings.length > 0 || o.lines.some((l) => l.overdue);
  const running = o.open
    ? [
        {
          label: nl ? "Loopt nu" : "Running now",
          value: `${o.open.number}, ${nl ? "tot" : "until"} ${o.open.closesAt}`,
        },
      ]
    : [];
  return {
    id: "practice",
    title: nl ? "Testen en oefenen" : "Tests and exercises",
    level: overdue ? "attention" : "ok",
    summary: overdue
      ? o.warnings.join(" ")
      : nl
        ? "Op schema: geen test of oefening achterstallig."
        : "On schedule: no test or exercise overdue.",
    facts: [...running, ...o.lines.map((l) => ({ label: l.label, value: l.value }))],
    rows: [],
  };
}
