// Step 2 "Melding en identificatie": any staff member reports what may be an incident; the
// coordinator and the deputies are alerted at once (also by SMS where configured), and the
// next declaration takes the report as how the incident was detected. During an incident a
// report goes on its timeline instead, where the crisis staff follows it.
import { type Actor, actorId } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import { requiredText } from "./errors.ts";
import { completeInboxIn, inboxCommitted } from "./inbox-scope.ts";
import { addLogEntry } from "./logbook.ts";
import type { Incident, Report } from "./model.ts";
import type { ReportRepository } from "./ports.ts";
import { requireKnown } from "./run.ts";
import { formatDateTime } from "./time.ts";
import { outboxItems } from "./work.ts";

/** How long a report waits for a declaration to take it up. */
const REPORTS_WITHIN_MS = 24 * 3_600_000;

export type ReportResult =
  | { kind: "reported"; report: Report; alerted: string[] }
  /** An incident is active: the report is on its timeline. */
  | { kind: "logged"; incident: Incident };

export async function reportIncident(
  ctx: EngineContext,
  actor: Actor,
  text: string,
): Promise<ReportResult> {
  requireKnown(ctx, actor);
  const body = requiredText(text, "melding", {
    nl: "zeg wat er gebeurt en waar, bv. /ramp melding Rook in het serverlokaal.",
    en: "say what is happening and where, e.g. /ramp report Smoke in the server room.",
  });
  const { dir } = ctx;
  // A report is real: it never goes into an exercise's log.
  const active = (await ctx.store.incidents.listActive(dir.plan.organisation.id)).filter(
    (i) => !i.exercise,
  );
  if (active.length > 0) {
    const incident = active[0]!;
    await addLogEntry(ctx, actor, incident.id, body, ["melding"]);
    return { kind: "logged", incident };
  }
  const now = ctx.clock.now();
  const report: Report = {
    id: ctx.ids.next(),
    organisation: dir.plan.organisation.id,
    reporterId: actor.personId,
    text: body,
    source: actor.source,
    reportedAt: now,
    incidentId: null,
  };
  const nl = dir.locale === "nl";
  const at = formatDateTime(now, dir.locale, dir.timeZone);
  const notice = {
    kind: "report" as const,
    incidentId: null,
    subjectId: report.id,
    text: nl
      ? `Melding van ${dir.name(actor.personId)} (${at}): ${body} — Is het een incident? Start het met /ramp start; de melding wordt er deel van.`
      : `Report from ${dir.name(actor.personId)} (${at}): ${body} — Is it an incident? Start it with /ramp start; the report becomes part of it.`,
  };
  const alerted = dir.leaders.filter((id) => id !== actor.personId);
  // No incident yet, so no Work: the alerts are queued here, one per leader and channel.
  const items = alerted.flatMap((personId) =>
    outboxItems(
      ctx,
      {
        incidentId: null,
        audience: { kind: "person", personId },
        delivery: { type: "notice", notice },
        now,
        sent: true,
      },
      (channel) => `report:${report.id}:${personId}:${channel}`,
    ),
  );
  await ctx.store.transaction(async (tx) => {
    await tx.reports.insert(report);
    await tx.outbox.enqueue(items);
    await completeInboxIn(tx, now);
  });
  inboxCommitted();
  ctx.log.info({ reportId: report.id, reporter: actorId(actor) }, "incident reported");
  ctx.onCommitted?.();
  return { kind: "reported", report, alerted };
}

/** Reports a declaration at `now` takes up (made within the last day), oldest first. */
export function openReports(
  ctx: EngineContext,
  reports: ReportRepository = ctx.store.reports,
  now: Date = ctx.clock.now(),
): Promise<Report[]> {
  return reports.listOpen(
    ctx.dir.plan.organisation.id,
    new Date(now.getTime() - REPORTS_WITHIN_MS),
  );
}
