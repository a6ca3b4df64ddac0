// The incident card's priority services: each against its RTO, with its tasks counted by state;
// after closing, the state the closing left it in.
import type { EngineContext } from "../context.ts";
import type { Incident, IncidentService, Task } from "../model.ts";
import { formatDateTime, formatRemaining } from "../time.ts";
import type { IncidentReads } from "./incident-reads.ts";
import type { ServiceLine } from "./types.ts";

export async function serviceLines(
  ctx: EngineContext,
  incident: Incident,
  reads: IncidentReads,
): Promise<ServiceLine[]> {
  if (!incident.situation) return [];
  const services = (await reads.services())
    .filter((s) => s.situation === incident.situation)
    .sort((a, b) => a.priority - b.priority);
  const tasks = (await reads.tasks()).filter((t) => t.situation === incident.situation);
  return services.map((service) => serviceLine(ctx, incident, service, tasks));
}

function serviceLine(
  ctx: EngineContext,
  incident: Incident,
  service: IncidentService,
  tasks: Task[],
): ServiceLine {
  const { dir } = ctx;
  const when = (d: Date) => formatDateTime(d, dir.locale, dir.timeZone);
  const own = tasks.filter((t) => t.serviceId === service.serviceId);
  const count = (status: Task["status"]) => own.filter((t) => t.status === status).length;
  return {
    serviceId: service.serviceId,
    name: dir.service(service.situation, service.serviceId)?.name ?? service.serviceId,
    priority: service.priority,
    rtoHours: service.rtoHours,
    deadline: when(service.deadlineAt),
    deadlineAt: service.deadlineAt.toISOString(),
    remaining: remaining(ctx, incident, service),
    restored: service.restoredAt !== null,
    restoredAt: service.restoredAt ? when(service.restoredAt) : null,
    withinRto: service.restoredAt
      ? service.restoredAt.getTime() <= service.deadlineAt.getTime()
      : null,
    rto: rtoOutcome(service, incident.closedAt ?? ctx.clock.now()),
    tasks: {
      open: count("open"),
      claimed: count("claimed"),
      blocked: count("blocked"),
      done: count("done"),
    },
  };
}

/** Time left while the incident runs; after closing, the state the closing left it in. */
function remaining(ctx: EngineContext, incident: Incident, service: IncidentService): string {
  if (service.restoredAt) return "";
  const { locale } = ctx.dir;
  if (!incident.closedAt) {
    return formatRemaining(service.deadlineAt, ctx.clock.now(), locale);
  }
  const nl = locale === "nl";
  return rtoOutcome(service, incident.closedAt) === "overdue"
    ? nl
      ? "RTO gemist: niet hersteld bij de afsluiting"
      : "RTO missed: not restored at closing"
    : nl
      ? "niet hersteld gemeld bij de afsluiting; RTO nog niet verstreken"
      : "not marked restored at closing; RTO not yet reached";
}

/** A priority service against its RTO at `end` (the closing, or now). */
export function rtoOutcome(service: IncidentService, end: Date): ServiceLine["rto"] {
  const deadline = service.deadlineAt.getTime();
  if (service.restoredAt) return service.restoredAt.getTime() <= deadline ? "met" : "late";
  return end.getTime() > deadline ? "overdue" : "ahead";
}
