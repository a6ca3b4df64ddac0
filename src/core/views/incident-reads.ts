// What a view reads about one incident, read once however many parts of the view need it: the
// status view is the incident card, the paging, the tasks and the decision, and each of those
// used to read the incident, its tasks, services and the whole timeline on its own.
import type { EngineContext } from "../context.ts";
import { RampError } from "../errors.ts";
import type {
  Decision,
  Incident,
  IncidentService,
  Page,
  Task,
  TimelineEntry,
  TimelineType,
} from "../model.ts";

/** The timeline entries views show (the declaration, evaluations, decisions): never the whole log. */
export const VIEW_ENTRY_TYPES: readonly TimelineType[] = [
  "incident.declared",
  "evaluation.recorded",
  "decision.made",
];

export class IncidentReads {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ctx: EngineContext,
    readonly incidentId: string,
  ) {}

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = read();
      this.memo.set(key, value);
    }
    return value;
  }

  incident(): Promise<Incident> {
    return this.once("incident", async () => {
      const incident = await this.ctx.store.incidents.get(this.incidentId);
      if (!incident) throw new RampError("incident-not-found", { id: this.incidentId });
      return incident;
    });
  }

  tasks(): Promise<Task[]> {
    return this.once("tasks", () => this.ctx.store.tasks.listForIncident(this.incidentId));
  }

  services(): Promise<IncidentService[]> {
    return this.once("services", () => this.ctx.store.services.listForIncident(this.incidentId));
  }

  pages(): Promise<Page[]> {
    return this.once("pages", () => this.ctx.store.pages.listForIncident(this.incidentId));
  }

  decisions(): Promise<Decision[]> {
    return this.once("decisions", () => this.ctx.store.decisions.listForIncident(this.incidentId));
  }

  /** The entries of VIEW_ENTRY_TYPES, oldest first. */
  entries(): Promise<TimelineEntry[]> {
    return this.once("entries", () =>
      this.ctx.store.timeline.listOfTypes(this.incidentId, VIEW_ENTRY_TYPES),
    );
  }
}
