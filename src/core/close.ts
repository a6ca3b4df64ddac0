// Step 5 "Deactivering": the coordinator closes the incident. Open tasks are listed, pending
// reminders stop, and the timeline is sealed with the hash of its last entry.
import { type Actor, actorId } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import type { Incident, Task } from "./model.ts";
import type { Repositories } from "./ports.ts";
import { onIncident, requireLeader } from "./run.ts";
import type { Work } from "./work.ts";

export interface CloseResult {
  incident: Incident;
  openTasks: Task[];
}

const OPEN = new Set<Task["status"]>(["open", "claimed", "blocked"]);

/** What closing now would leave open: the unfinished tasks, in priority order. */
export async function openWork(ctx: EngineContext, incidentId: string): Promise<Task[]> {
  return (await ctx.store.tasks.listForIncident(incidentId)).filter((t) => OPEN.has(t.status));
}

export async function closeIncident(
  ctx: EngineContext,
  actor: Actor,
  incidentId: string,
  note?: string,
): Promise<CloseResult> {
  requireLeader(ctx, actor, { nl: "het incident afsluiten", en: "close the incident" });
  return onIncident(ctx, incidentId, (work, incident, tx) =>
    finishIncident(work, incident, tx, actor, note),
  );
}

/**
 * Closes the incident inside a running command: lists open tasks, cancels pending jobs, seals the
 * timeline and shares the review (for an exercise: the oefenverslag). Flushes `work`.
 */
export async function finishIncident(
  work: Work,
  incident: Incident,
  tx: Repositories,
  actor: Actor,
  note?: string,
): Promise<CloseResult> {
  const { ctx } = work;
  const incidentId = incident.id;
  const tasks = await tx.tasks.listForIncident(incidentId);
  const openTasks = tasks.filter((t) => OPEN.has(t.status));
  const services = await tx.services.listForIncident(incidentId);
  const pages = await tx.pages.listForIncident(incidentId);
  const injects = (await tx.jobs.listForIncident(incidentId))
    .filter((j) => j.kind === "exercise-inject")
    .map((j) => j.subjectId);
  await tx.jobs.cancelForSubjects([
    ...[...tasks, ...services, ...pages].map((s) => s.id),
    ...injects,
  ]);
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const open = openTasks.map((t) => `• ${t.title} (${dir.name(t.ownerId)})`).join("\n");
  const by = actor.source === "system" ? "Ramp" : dir.name(actor.personId);
  const text =
    (incident.exercise
      ? nl
        ? `Oefening ${incident.number} is beëindigd door ${by}. De tijdlijn is verzegeld; het oefenverslag volgt hieronder.`
        : `Exercise ${incident.number} was ended by ${by}. The timeline is sealed; the exercise report follows below.`
      : nl
        ? `Incident ${incident.number} is afgesloten door ${dir.name(actor.personId)}. De tijdlijn is verzegeld; het eerste ontwerp van de post-incident review volgt hieronder.`
        : `Incident ${incident.number} was closed by ${dir.name(actor.personId)}. The timeline is sealed; the first draft of the post-incident review follows below.`) +
    (openTasks.length > 0
      ? nl
        ? `\nNog open taken:\n${open}`
        : `\nTasks still open:\n${open}`
      : "");
  work.notify({ kind: "incident", incidentId }, { kind: "incident-closed", text }, "closed");
  // Delivered after this commits, so the draft includes the closing and the seal.
  work.shareReview("closed", null, "review");
  work.record({
    type: "incident.closed",
    actorId: actorId(actor),
    source: actor.source,
    data: {
      note: note?.trim() || null,
      openTasks: openTasks.map((t) => ({
        taskId: t.id,
        title: t.title,
        status: t.status,
        ownerId: t.ownerId,
      })),
      servicesNotRestored: services
        .filter((s) => s.situation === incident.situation && !s.restoredAt)
        .map((s) => s.serviceId),
    },
  });
  work.refresh({ kind: "incident", incidentId });
  // Every card already posted loses its buttons: nothing can be claimed or answered any more.
  work.refreshIfShown({ kind: "paging", incidentId });
  work.refreshIfShown({ kind: "decision", incidentId });
  for (const task of tasks) work.refreshIfShown({ kind: "task", taskId: task.id });
  for (const page of pages)
    work.refreshIfShown(
      { kind: "page", pageId: page.id },
      { kind: "person", personId: page.personId },
    );
  await work.flush();
  const sealHash = work.written.at(-1)!.hash;
  const closed = {
    status: "closed" as const,
    closedAt: work.now,
    closedById: actorId(actor),
    sealHash,
  };
  await tx.incidents.update(incidentId, closed);
  return { incident: { ...incident, ...closed }, openTasks };
}
