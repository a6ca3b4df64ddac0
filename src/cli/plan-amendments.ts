// `ramp plan amendments [--plan file] [--dismiss <id>]`: the proposed amendments of the plan
// (contact corrections, unreachable people), as a unified diff from the live plan file to the
// patched copy Ramp writes beside it. The live file is never changed: the maintainer applies the
// copy (or the diff) and bumps the version. Amendments the file already holds are marked applied.
import type { Writable } from "node:stream";
import { amendedPlan, openAmendments, settleAmendments } from "../core/contacts/amendments.ts";
import { planFileAccess } from "../plan/amendment-files.ts";
import { loadCliPlan, missingSqliteFile, readCliConfig } from "./cli-setup.ts";
import { openCliEngine } from "./open-engine.ts";

export const AMENDMENTS_USAGE = "ramp plan amendments [--plan bestand] [--dismiss <id>]";

export async function planAmendmentsCommand(
  args: string[],
  out: Writable,
  err: Writable,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  let planArg: string | null = null;
  let dismiss: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--plan" || arg === "--dismiss") {
      const value = args[i + 1];
      if (value === undefined || value.startsWith("--")) {
        err.write(
          `${arg} mist een waarde / ${arg} needs a value\nGebruik / usage: ${AMENDMENTS_USAGE}\n`,
        );
        return 2;
      }
      if (arg === "--plan") planArg = value;
      else dismiss = value;
      i += 1;
    } else {
      err.write(`Onbekende optie / unknown option: ${arg}\nGebruik / usage: ${AMENDMENTS_USAGE}\n`);
      return 2;
    }
  }
  const config = readCliConfig(env, err);
  if (!config) return 1;
  const planFile = planArg ?? config.planFile;
  const loaded = await loadCliPlan(planFile, err);
  if (!loaded) return 1;
  const nl = loaded.plan.organisation.locale === "nl";
  const say = (dutch: string, english: string) => (nl ? dutch : english);
  if (missingSqliteFile(config.databaseUrl) !== null) {
    out.write(
      say("Er zijn geen voorgestelde wijzigingen.\n", "There are no proposed amendments.\n"),
    );
    return 0;
  }
  const opened = await openCliEngine(config.databaseUrl, loaded, err);
  if (!opened) return 1;
  const { engine, database } = opened;
  try {
    const { ctx } = engine;
    const file = planFileAccess(planFile);
    const live = await file.read();
    const now = ctx.clock.now();
    const applied = await settleAmendments(ctx.store, live, now);
    if (applied > 0)
      out.write(
        say(
          `${applied} voorgestelde wijziging(en) staan al in ${planFile}: gemarkeerd als toegepast.\n`,
          `${applied} proposed amendment(s) are already in ${planFile}: marked applied.\n`,
        ),
      );
    if (dismiss) {
      const done = await ctx.store.amendments.resolve(dismiss, "dismissed", now);
      if (!done) {
        err.write(
          say(
            `Geen open voorgestelde wijziging met id ${dismiss}.\n`,
            `No open proposed amendment with id ${dismiss}.\n`,
          ),
        );
        return 1;
      }
      out.write(say(`Wijziging ${dismiss} afgewezen.\n`, `Amendment ${dismiss} dismissed.\n`));
    }
    const open = await ctx.store.amendments.listOpen();
    if (open.length === 0) {
      out.write(
        say(
          "Er zijn geen open voorgestelde wijzigingen.\n",
          "There are no open proposed amendments.\n",
        ),
      );
      return 0;
    }
    const views = await openAmendments(ctx);
    out.write(say("Voorgestelde wijzigingen:\n", "Proposed amendments:\n"));
    for (const a of views) {
      const change = a.newValue
        ? `${a.oldValue ?? "—"} → ${a.newValue}`
        : `${say("opmerking", "note")}: ${a.note ?? ""}`;
      out.write(
        `  ${a.id}  ${a.name}, ${a.fieldLabel}: ${change}  (${a.sourceLabel}, ${a.proposedAtText})\n`,
      );
    }
    const copy = await file.writeAmended(
      amendedPlan(live, open, { from: planFile, to: planFile }).text,
    );
    const { diff, skipped } = amendedPlan(live, open, { from: planFile, to: copy });
    for (const a of skipped)
      out.write(
        say(
          `  (${a.id}: ${a.personId} staat niet meer in het plan; wijs af met --dismiss ${a.id})\n`,
          `  (${a.id}: ${a.personId} is no longer in the plan; dismiss with --dismiss ${a.id})\n`,
        ),
      );
    out.write(
      say(
        `\nHet aangepaste plan staat in ${copy}. Ramp wijzigt ${planFile} niet zelf: neem de wijzigingen over, verhoog document.version en herstart Ramp; de houders krijgen dan hun nieuwe exemplaar.\n\n`,
        `\nThe amended plan is in ${copy}. Ramp does not change ${planFile} itself: apply the changes, raise document.version and restart Ramp; the holders then get their new copy.\n\n`,
      ),
    );
    out.write(diff);
    return 0;
  } finally {
    await database.close();
  }
}
