// `ramp review <incident> [--format md|html|docx] [--out file]`: the post-incident review of one
// incident, drafted from its timeline, from the same database (DATABASE_URL) and plan
// (RAMP_PLAN) as the running Ramp. Exit 0 when written, 1 when it cannot be (unknown incident,
// unusable plan or database), 2 for a wrong command line.
import { writeFile } from "node:fs/promises";
import type { Writable } from "node:stream";
import { RampError } from "../core/errors.ts";
import { buildReview } from "../core/review/build.ts";
import type { Locale } from "../plan/schema.ts";
import { REVIEW_FORMATS, type ReviewFormat, renderReviewDocument } from "../review/document.ts";
import { loadCliPlan, missingSqliteFile, readCliConfig } from "./cli-setup.ts";
import { openCliEngine } from "./open-engine.ts";

export const REVIEW_USAGE = "ramp review <incident> [--format md|html|docx] [--out bestand]";

interface ReviewArgs {
  incident: string;
  format: ReviewFormat;
  out: string | null;
}

export async function reviewCommand(
  args: string[],
  out: Writable,
  err: Writable,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    err.write(`${parsed}\n${usageLine()}\n`);
    return 2;
  }
  const config = readCliConfig(env, err);
  if (!config) return 1;
  const loaded = await loadCliPlan(config.planFile, err, "RAMP_PLAN");
  if (!loaded) return 1;
  const locale: Locale = loaded.plan.organisation.locale;
  const say = (nl: string, en: string) => (locale === "nl" ? nl : en);
  const missing = missingSqliteFile(config.databaseUrl);
  if (missing) {
    err.write(
      say(
        `Databank ${missing} bestaat niet (DATABASE_URL); er zijn dus geen incidenten.\n`,
        `Database ${missing} does not exist (DATABASE_URL), so there are no incidents.\n`,
      ),
    );
    return 1;
  }
  const opened = await openCliEngine(config.databaseUrl, loaded, err);
  if (!opened) return 1;
  const { engine, database } = opened;
  try {
    const incident = await engine.resolveIncident(parsed.incident);
    if (incident.planHash !== loaded.hash) {
      err.write(
        say(
          "Let op: het plan is gewijzigd sinds dit incident; de review gebruikt het huidige plan.\n",
          "Note: the plan changed since this incident; the review uses the current plan.\n",
        ),
      );
    }
    const review = await buildReview(engine, incident.id);
    const { content } = await renderReviewDocument(review, parsed.format);
    if (parsed.out === null) {
      out.write(content);
      return 0;
    }
    await writeFile(parsed.out, content);
    out.write(
      say(
        `Review van incident ${incident.number} geschreven naar ${parsed.out}\n`,
        `Review of incident ${incident.number} written to ${parsed.out}\n`,
      ),
    );
    return 0;
  } catch (error) {
    if (error instanceof RampError) {
      err.write(`${error.view()[locale]}\n`);
      return 1;
    }
    err.write(`${(error as Error).message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}

/** The arguments, or what is wrong with them (in both languages: no plan is loaded yet). */
function parseArgs(args: string[]): ReviewArgs | string {
  let incident: string | undefined;
  let format: string = "md";
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--format" || arg === "--out") {
      const value = args[i + 1];
      if (value === undefined || value.startsWith("--"))
        return `${arg} mist een waarde / ${arg} needs a value`;
      if (arg === "--format") format = value;
      else out = value;
      i += 1;
    } else if (arg.startsWith("--format=")) {
      format = arg.slice("--format=".length);
    } else if (arg.startsWith("--out=")) {
      out = arg.slice("--out=".length);
    } else if (arg.startsWith("-")) {
      return `Onbekende optie / unknown option: ${arg}`;
    } else if (incident === undefined) {
      incident = arg;
    } else {
      return `Eén incident per keer / one incident at a time (got: ${incident} ${arg})`;
    }
  }
  if (incident === undefined)
    return "Geef het incident (id of nummer, bv. 2026-001) / give the incident (id or number, e.g. 2026-001)";
  if (!(REVIEW_FORMATS as readonly string[]).includes(format))
    return `Onbekend formaat / unknown format "${format}": kies / choose md, html of/or docx`;
  if (format === "docx" && !out)
    return "--format docx schrijft een bestand: geef --out / --format docx writes a file: give --out";
  if (out === "") return "--out mist een bestandsnaam / --out needs a file name";
  return { incident, format: format as ReviewFormat, out };
}

function usageLine(): string {
  return `Gebruik / usage: ${REVIEW_USAGE}`;
}
