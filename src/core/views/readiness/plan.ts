// The plan itself: which version runs, when it was approved, and what `ramp plan check` warns
// about (a crisis-staff member Ramp cannot reach, a service without tasks, …).
import { crossCheck } from "../../../plan/cross-check.ts";
import {
  describeProblem,
  formatPath,
  type PlanPath,
  type PlanProblem,
} from "../../../plan/problems.ts";
import type { Plan } from "../../../plan/schema.ts";
import { amount } from "../plural.ts";
import type { ReadinessInput, ReadinessSection } from "./model.ts";

const checked = new WeakMap<Plan, PlanProblem[]>();

/** The running plan passed the check at start-up, so only warnings can be left; once per plan. */
function planWarnings(plan: Plan): PlanProblem[] {
  let warnings = checked.get(plan);
  if (!warnings) {
    warnings = crossCheck(plan).filter((p) => p.severity === "warning");
    checked.set(plan, warnings);
  }
  return warnings;
}

/** "Bart Lannoo (people[6])": whom or what a warning is about, and where the author finds it. */
function place(plan: Plan, path: PlanPath): string {
  const [list, index] = path;
  const named =
    typeof index === "number"
      ? list === "people"
        ? plan.people[index]?.name
        : list === "functions"
          ? plan.functions[index]?.name
          : undefined
      : undefined;
  return named ? `${named} (${formatPath(path)})` : formatPath(path);
}

export async function planSection({ ctx, nl }: ReadinessInput): Promise<ReadinessSection> {
  const { plan } = ctx.dir;
  const { document } = plan;
  const revision = document.revisions.find((r) => r.version === document.version);
  const approval =
    document.approved ?? (revision ? `${nl ? "versie van" : "version of"} ${revision.date}` : null);
  const warnings = planWarnings(plan);
  const count = amount(
    warnings.length,
    nl ? "waarschuwing" : "warning",
    nl ? "waarschuwingen" : "warnings",
  );
  return {
    id: "plan",
    title: nl ? "Het plan" : "The plan",
    level: warnings.length > 0 ? "attention" : "ok",
    summary: nl
      ? `Versie ${document.version}${approval ? ` (${approval})` : ", goedkeuring niet vermeld"}; plan check: ${warnings.length === 0 ? "geen waarschuwingen" : count}.`
      : `Version ${document.version}${approval ? ` (${approval})` : ", approval not stated"}; plan check: ${warnings.length === 0 ? "no warnings" : count}.`,
    facts: [
      { label: nl ? "Versie" : "Version", value: document.version },
      {
        label: nl ? "Goedkeuring" : "Approval",
        value: approval ?? (nl ? "niet vermeld in het plan" : "not stated in the plan"),
      },
      {
        label: nl ? "Plan check" : "Plan check",
        value: warnings.length === 0 ? (nl ? "geen waarschuwingen" : "no warnings") : count,
      },
    ],
    rows: warnings.map((w) => {
      const { message, hint } = describeProblem(w, ctx.dir.locale);
      return {
        label: place(plan, w.path),
        value: message,
        level: "attention",
        lines: [{ text: `${nl ? "tip" : "hint"}: ${hint}` }],
      };
    }),
    columns: {
      label: nl ? "Waar in het plan" : "Where in the plan",
      value: nl ? "Waarschuwing" : "Warning",
    },
  };
}
