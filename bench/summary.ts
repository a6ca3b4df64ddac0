// The one table `npm run bench` ends with, per database: each measure next to its floor (what
// the same work costs without Ramp: a bare Bolt app, raw driver inserts, a bare tick, …), the
// ratio, the goal of issue 17 and whether this run met it. Reported, never asserted.

export interface Measure {
  measure: string;
  /** Ramp's figure, and the floor's, in `unit`. */
  ramp: number;
  floor: number | null;
  unit: "ms" | "/s" | "MB";
  /** The goal, and whether a figure meets it (null: no goal for this database). */
  goal: { text: string; met(m: Measure): boolean } | null;
}

/** Ramp / floor. */
export const ratio = (m: Measure) => (m.floor ? m.ramp / m.floor : Number.NaN);

export const goals = {
  atMost: (limit: number, unit: string) => ({
    text: `≤ ${limit} ${unit}`,
    met: (m: Measure) => m.ramp <= limit,
  }),
  below: (limit: number, unit: string) => ({
    text: `< ${limit} ${unit}`,
    met: (m: Measure) => m.ramp < limit,
  }),
  atLeast: (limit: number, unit: string) => ({
    text: `≥ ${limit.toLocaleString("en")} ${unit}`,
    met: (m: Measure) => m.ramp >= limit,
  }),
  ratioAtLeast: (limit: number) => ({
    text: `≥ ${limit}× floor`,
    met: (m: Measure) => ratio(m) >= limit,
  }),
  ratioAtMost: (limit: number) => ({
    text: `≤ ${limit}× floor`,
    met: (m: Measure) => ratio(m) <= limit,
  }),
};

function figure(value: number | null, unit: Measure["unit"]): string {
  if (value === null || Number.isNaN(value)) return "—";
  if (unit === "/s") return `${Math.round(value).toLocaleString("en")}/s`;
  if (unit === "MB") return `${value.toFixed(0)} MB`;
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
}

export function summaryRows(measures: Measure[]): Array<Record<string, string>> {
  return measures.map((m) => ({
    measure: m.measure,
    Ramp: figure(m.ramp, m.unit),
    floor: figure(m.floor, m.unit),
    ratio: m.floor ? `${ratio(m).toFixed(2)}×` : "—",
    goal: m.goal?.text ?? "—",
    "met?": m.goal ? (m.goal.met(m) ? "yes" : "NO") : "—",
  }));
}

/** The same rows as a Markdown table, for the README. */
export function markdownTable(rows: Array<Record<string, string>>): string {
  if (rows.length === 0) return "";
  const headers = Object.keys(rows[0]!);
  return [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${headers.map((h) => r[h] ?? "").join(" | ")} |`),
  ].join("\n");
}
