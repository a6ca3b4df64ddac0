// A priority service counts as restored when the coordinator says so, or when all its tasks
// are done; the restoration time is kept against the RTO deadline for the review.
import { type Actor, actorId } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import { RampError } from "./errors.ts";
import type { IncidentService, Task } from "./model.ts";
import { resolveByName } from "./resolve-name.ts";
import { onIncident, requireLeader } from "./run.ts";
import type { Work } from "./work.ts";

export async function restoreServiceIfTasksDone(work: Work, task: Task): Promise<void> {
  if (!task.serviceId) return;
  const tasks = (await work.tx.tasks.listForIncident(task.incidentId)).filter(
    (t) =>
      t.situation === task.situation && t.serviceId === task.serviceId && t.status !== "cancelled",
  );
  if (!tasks.every((t) => t.status === "done")) return;
  const service = (await work.tx.services.listForIncident(task.incidentId)).find(
    (s) => s.situation === task.situation && s.serviceId === task.serviceId,
  );
  if (service && !service.restoredAt) await restore(work, service, null, "tasks");
}

export async function markServiceRestored(
  ctx: EngineContext,
  actor: Actor,
  incidentId: string,
  /** The service's id, its name or an unambiguous start of either. */
  serviceName: string,
): Promise<IncidentService> {
  requireLeader(ctx, actor, { nl: "een dienst hersteld melden", en: "mark a service restored" });
  return onIncident(ctx, incidentId, async (work, incident, tx) => {
    if (!incident.situation) throw new RampError("no-decision");
    const services = (await tx.services.listForIncident(incidentId)).filter(
      (s) => s.situation === incident.situation,
    );
    const named = services.map((s) => ({
      id: s.serviceId,
      name: ctx.dir.service(s.situation, s.serviceId)?.name ?? s.serviceId,
      service: s,
    }));
    const { service, name } = resolveByName(
      named,
      serviceName,
      { nl: "dienst", en: "service" },
      (known) => new RampError("service-not-found", { id: serviceName.trim(), known }),
    );
    if (service.restoredAt) throw new RampError("service-restored", { name });
    return restore(work, service, actor, "coordinator");
  });
}

async function restore(
  work: Work,
  service: IncidentService,
  actor: Actor | null,
  by: "coordinator" | "tasks",
): Promise<IncidentService> {
  const byId = actor ? actorId(actor) : null;
  if (!(await work.tx.services.markRestored(service.id, work.now, byId, by))) return service;
  await work.tx.jobs.cancelForSubjects([service.id]);
  const withinRto = work.now.getTime() <= service.deadlineAt.getTime();
  work.record({
    type: "service.restored",
    actorId: byId,
    source: actor?.source ?? "system",
    data: {
      serviceId: service.serviceId,
      situation: service.situation,
      priority: service.priority,
      by,
      deadlineAt: service.deadlineAt.toISOString(),
      withinRto,
    },
  });
  work.refresh({ kind: "incident", incidentId: service.incidentId });
  return { ...service, restoredAt: work.now, restoredById: byId, restoredBy: by };
}
