// Everything the review is written from, read once: the rest of the review is computed in memory,
// in time linear in the size of the timeline.
import type { EngineContext } from "../context.ts";
import { RampError } from "../errors.ts";
import type {
  Decision,
  Incident,
  IncidentService,
  OutboxItem,
  Page,
  Task,
  TimelineEntry,
} from "../model.ts";
import { type ChainVerification, verifyChain } from "../timeline.ts";

export interface ReviewData {
  incident: Incident;
  timeline: TimelineEntry[];
  pages: Page[];
  tasks: Task[];
  services: IncidentService[];
  decisions: Decision[];
  outbox: OutboxItem[];
  verification: ChainVerification;
  /** When the review was drafted; the end of the incident while it is still active. */
  now: Date;
  /** The SMS provider in use confirms texts on the phone (see EngineContext.smsReceipts). */
  smsReceipts: boolean;
}

export async function loadReviewData(ctx: EngineContext, incidentId: string): Promise<ReviewData> {
  const { store } = ctx;
  // One transaction, so the timeline, tasks and outbox are one consistent picture.
  return store.transaction(async (tx) => {
    const incident = await tx.incidents.get(incidentId);
    if (!incident) throw new RampError("incident-not-found", { id: incidentId });
    // One after the other: queries inside an interactive transaction share one connection.
    const timeline = await tx.timeline.list(incidentId);
    const pages = await tx.pages.listForIncident(incidentId);
    const tasks = await tx.tasks.listForIncident(incidentId);
    const services = await tx.services.listForIncident(incidentId);
    const decisions = await tx.decisions.listForIncident(incidentId);
    const outbox = await tx.outbox.listForIncident(incidentId);
    return {
      incident,
      timeline,
      pages,
      tasks,
      services,
      decisions,
      outbox,
      verification: verifyChain(incidentId, timeline, incident.sealHash),
      now: ctx.clock.now(),
      smsReceipts: ctx.smsReceipts === true,
    };
  });
}
