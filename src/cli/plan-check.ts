// `ramp plan check [file]`: every problem with its place in the file and a hint (exit 1),
// or a short summary of a valid plan (exit 0).
import path from "node:path";
import type { Writable } from "node:stream";
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../plan/load.ts";
import { formatProblems, summarisePlan } from "../plan/report.ts";
import type { Locale } from "../plan/schema.ts";

export async function checkPlanCommand(
  args: string[],
  out: Writable,
  err: Writable,
): Promise<number> {
  const langIndex = args.indexOf("--lang");
  const lang = langIndex >= 0 ? args[langIndex + 1] : undefined;
  if (langIndex >= 0 && lang !== "nl" && lang !== "en") {
    err.write("--lang moet nl of en zijn / --lang must be nl or en\n");
    return 2;
  }
  const files =
    langIndex >= 0 ? args.filter((_, i) => i !== langIndex && i !== langIndex + 1) : args;
  if (files.length > 1) {
    err.write(`Eén bestand per keer / one file at a time (got: ${files.join(" ")})\n`);
    return 2;
  }
  const file = files[0] ?? process.env.RAMP_PLAN ?? SAMPLE_PLAN_PATH;
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith("..") ? relative : file;
  const result = await loadPlanFile(file);
  if (!result.ok) {
    const locale: Locale = (lang as Locale | undefined) ?? "nl";
    const errors = result.problems.filter((p) => p.severity === "error").length;
    err.write(`${formatProblems(result.problems, shown, locale)}\n\n`);
    err.write(
      locale === "nl"
        ? `${shown}: ${errors} ${errors === 1 ? "probleem" : "problemen"} gevonden, het plan is niet bruikbaar.\n`
        : `${shown}: ${errors} ${errors === 1 ? "problem" : "problems"} found, the plan cannot be used.\n`,
    );
    return 1;
  }
  const locale: Locale = (lang as Locale | undefined) ?? result.plan.organisation.locale;
  if (result.warnings.length > 0)
    err.write(`${formatProblems(result.warnings, shown, locale)}\n\n`);
  out.write(`${shown}: ${locale === "nl" ? "het plan is in orde" : "the plan is valid"}\n`);
  out.write(`${summarisePlan(result.plan, locale)}\n`);
  return 0;
}
