// Plan check output for people: one line per problem with its place in the file, then a hint.
import { describeProblem, formatPath, type PlanProblem } from "./problems.ts";
import type { Locale, Plan } from "./schema.ts";
import { SITUATIONS } from "./schema.ts";

export function formatProblems(problems: PlanProblem[], file: string, locale: Locale): string {
  const hintLabel = locale === "nl" ? "tip" : "hint";
  return problems
    .map((p) => {
      const { message, hint } = describeProblem(p, locale);
      const where = p.line === undefined ? file : `${file}:${p.line}:${p.column ?? 1}`;
      const label =
        p.severity === "warning" ? (locale === "nl" ? "waarschuwing: " : "warning: ") : "";
      return `${where} ${formatPath(p.path)}: ${label}${message}\n    ${hintLabel}: ${hint}`;
    })
    .join("\n");
}

export function summarisePlan(plan: Plan, locale: Locale): string {
  const nl = locale === "nl";
  const lines = [
    `${plan.organisation.name} — ${plan.document.title} (${nl ? "versie" : "version"} ${plan.document.version})`,
    `${nl ? "personen" : "people"}: ${plan.people.length}, ${nl ? "functies" : "functions"}: ${plan.functions.length}, ${nl ? "crisisstaf" : "crisis staff"}: ${plan.coordination.crisisStaff.length} ${nl ? "functies" : "functions"}`,
  ];
  for (const id of SITUATIONS) {
    const situation = plan.situations[id];
    const technical = situation.tasks.filter((t) => t.phase === "technisch").length;
    const organisational = situation.tasks.length - technical;
    lines.push(
      `${nl ? "situatie" : "situation"} ${id} (${situation.name}, ${situation.targetHours} h): ` +
        `${situation.services.length} ${nl ? "diensten" : "services"}, ${situation.tasks.length} ${nl ? "taken" : "tasks"} ` +
        `(${technical} ${nl ? "technisch" : "technical"}, ${organisational} ${nl ? "organisatorisch" : "organisational"})`,
    );
    situation.services.forEach((service, i) => {
      lines.push(`  ${i + 1}. ${service.name} — RTO ${service.rtoHours} h`);
    });
  }
  lines.push(
    `${nl ? "uitwijklocaties" : "fallback locations"}: ${plan.fallbackLocations.length}, ${nl ? "leveranciers" : "suppliers"}: ${plan.suppliers.length}`,
  );
  return lines.join("\n");
}
