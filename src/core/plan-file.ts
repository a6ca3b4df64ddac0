// The plan file changed under a running Ramp: the coordinator hears it privately, once per
// version of the file (the outbox's dedupe key holds the file's hash, so a restart or a second
// replica does not say it again).
import type { EngineContext } from "./context.ts";
import { outboxItems } from "./work.ts";

export type PlanFileChange =
  /** The file no longer passes the checks; Ramp keeps the plan it runs on. */
  | { kind: "invalid"; fileHash: string; problems: string }
  /** A valid plan that differs from the one in use: it takes effect at the next start. */
  | { kind: "changed"; fileHash: string; version: string };

export async function tellCoordinatorAboutPlanFile(
  ctx: EngineContext,
  file: string,
  change: PlanFileChange,
): Promise<void> {
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const running = dir.plan.document.version;
  const text =
    change.kind === "invalid"
      ? nl
        ? `Het planbestand ${file} is gewijzigd maar is niet geldig. Ramp werkt verder met het laatste geldige plan (versie ${running}) tot het bestand hersteld is. Wat er mis is:\n${change.problems}\nControleer met: npx ramp plan check ${file}`
        : `The plan file ${file} was changed but is not valid. Ramp goes on with the last valid plan (version ${running}) until the file is fixed. What is wrong:\n${change.problems}\nCheck it with: npx ramp plan check ${file}`
      : nl
        ? `Het planbestand ${file} is gewijzigd (versie ${change.version}) en is geldig. Ramp gebruikt het pas na een herstart; tot dan werkt het verder met versie ${running}. Herstart Ramp buiten een lopend incident.`
        : `The plan file ${file} was changed (version ${change.version}) and is valid. Ramp uses it only after a restart; until then it goes on with version ${running}. Restart Ramp outside a running incident.`;
  const coordinator = dir.plan.coordination.coordinator;
  const items = outboxItems(
    ctx,
    {
      incidentId: null,
      audience: { kind: "person", personId: coordinator },
      delivery: {
        type: "notice",
        notice: { kind: "plan-file", incidentId: null, subjectId: change.fileHash, text },
      },
      now: ctx.clock.now(),
      sent: true,
    },
    (channel) => `plan-file:${change.fileHash}:${coordinator}:${channel}`,
  );
  await ctx.store.transaction((tx) => tx.outbox.enqueue(items));
  ctx.onCommitted?.();
}
