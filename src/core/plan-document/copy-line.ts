// The line on every page of a plan copy: "Vertrouwelijk — exemplaar van An Claes — versie 3.0
// van 25 maart 2024". The version date comes from the plan's approval ("Goedgekeurd … op 25
// maart 2024"), else from the revision of this version ("Q1 2024"), else the day of printing.
import type { Locale, Person, Plan } from "../../plan/schema.ts";

const DATE_IN_TEXT = /\b(\d{1,2}\s+\p{L}+\.?\s+\d{4})\b/u;

export function versionDate(plan: Plan, printedAt: Date, locale: Locale, timeZone: string): string {
  const approved = plan.document.approved?.match(DATE_IN_TEXT)?.[1];
  if (approved) return approved;
  const revision = plan.document.revisions.find((r) => r.version === plan.document.version);
  if (revision) return revision.date;
  return longDate(printedAt, locale, timeZone);
}

/** "30 november 2026" / "30 November 2026". */
export function longDate(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-BE" : "en-GB", {
    timeZone,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);
}

export function confidentialityLine(plan: Plan, holder: Person | null, printedAt: Date): string {
  const { locale, timeZone } = plan.organisation;
  const date = versionDate(plan, printedAt, locale, timeZone);
  const version = plan.document.version;
  if (locale === "en") {
    const whose = holder ? `copy of ${holder.name}` : "unnamed copy";
    return `Confidential — ${whose} — version ${version} of ${date}`;
  }
  const whose = holder ? `exemplaar van ${holder.name}` : "exemplaar niet op naam";
  return `Vertrouwelijk — ${whose} — versie ${version} van ${date}`;
}
