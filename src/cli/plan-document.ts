// `ramp plan document [file] [--format docx|html|md] [--holder <person id>] [--out file]` and
// `ramp plan card …`: a holder's copy of the plan, or the one-page crisis card. Exit 0 when
// written, 1 when the plan cannot be used or the person holds no copy, 2 for a wrong command line.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import type { Writable } from "node:stream";
import { ConfigError, readConfig } from "../config/env.ts";
import { rampReach } from "../config/reach.ts";
import type { RampReach } from "../core/plan-document/build.ts";
import { copyHolderIds } from "../core/plan-document/holders.ts";
import { closest } from "../plan/closest.ts";
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../plan/load.ts";
import { formatProblems } from "../plan/report.ts";
import { REVIEW_FORMATS, type ReviewFormat } from "../review/document.ts";
import { type PlanDocumentKind, renderPlanDocument } from "../review/plan-document.ts";

export const PLAN_DOCUMENT_USAGE =
  "ramp plan document|card [bestand] [--format docx|html|md] [--holder <persoon-id>] [--out bestand]";

interface Args {
  file: string | null;
  format: ReviewFormat;
  holder: string | null;
  out: string | null;
}

export async function planDocumentCommand(
  kind: PlanDocumentKind,
  args: string[],
  out: Writable,
  err: Writable,
  env: Record<string, string | undefined> = process.env,
  now: () => Date = () => new Date(),
): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    err.write(`${parsed}\nGebruik / usage: ${PLAN_DOCUMENT_USAGE}\n`);
    return 2;
  }
  if (env === process.env && existsSync(".env")) process.loadEnvFile(".env");
  const file = parsed.file ?? env.RAMP_PLAN ?? SAMPLE_PLAN_PATH;
  const loaded = await loadPlanFile(file);
  if (!loaded.ok) {
    err.write(
      `Het plan ${file} is niet bruikbaar / the plan cannot be used:\n${formatProblems(loaded.problems, file, "nl")}\n`,
    );
    return 1;
  }
  const { plan } = loaded;
  const nl = plan.organisation.locale === "nl";
  let holder = null;
  if (parsed.holder !== null) {
    const holders = copyHolderIds(plan);
    if (!holders.includes(parsed.holder)) {
      const known = plan.people.some((p) => p.id === parsed.holder);
      const hint = closest(parsed.holder, holders);
      err.write(
        nl
          ? `${parsed.holder} ${known ? "houdt geen exemplaar van het plan (coordination.planHolders en de crisisstaf)" : "staat niet in people van het plan"}.${hint ? ` Bedoelt u ${hint}?` : ""} Houders: ${holders.join(", ")}\n`
          : `${parsed.holder} ${known ? "holds no copy of the plan (coordination.planHolders and the crisis staff)" : "is not in the plan's people"}.${hint ? ` Did you mean ${hint}?` : ""} Holders: ${holders.join(", ")}\n`,
      );
      return 1;
    }
    holder = plan.people.find((p) => p.id === parsed.holder) ?? null;
  }
  const document = await renderPlanDocument(
    { plan, planHash: loaded.hash, holder, printedAt: now() },
    kind,
    parsed.format,
    reachFrom(env),
  );
  if (parsed.out === null) {
    out.write(document.content);
    return 0;
  }
  await writeFile(parsed.out, document.content);
  out.write(nl ? `Geschreven naar ${parsed.out}\n` : `Written to ${parsed.out}\n`);
  return 0;
}

/** The card names Ramp's address; a configuration Ramp would refuse still has one to print. */
function reachFrom(env: Record<string, string | undefined>): RampReach {
  try {
    return rampReach(readConfig(env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { webUrl: env.RAMP_PUBLIC_URL ?? null, slack: false, teams: false, sms: false };
  }
}

function parseArgs(args: string[]): Args | string {
  let file: string | null = null;
  let format = "md";
  let holder: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    if (flag === "--format" || flag === "--out" || flag === "--holder") {
      const value = inline ?? args[i + 1];
      if (value === undefined || value === "" || value.startsWith("--"))
        return `${flag} mist een waarde / ${flag} needs a value`;
      if (inline === undefined) i += 1;
      if (flag === "--format") format = value;
      else if (flag === "--out") out = value;
      else holder = value;
    } else if (arg.startsWith("-")) {
      return `Onbekende optie / unknown option: ${arg}`;
    } else if (file === null) {
      file = arg;
    } else {
      return `Eén plan per keer / one plan at a time (got: ${file} ${arg})`;
    }
  }
  if (!(REVIEW_FORMATS as readonly string[]).includes(format))
    return `Onbekend formaat / unknown format "${format}": kies / choose md, html of/or docx`;
  if (format === "docx" && !out)
    return "--format docx schrijft een bestand: geef --out / --format docx writes a file: give --out";
  return { file, format: format as ReviewFormat, holder, out };
}
