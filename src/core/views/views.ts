// Builds the view models from the database and the plan. Adapters call these when they render
// a delivery or answer a command, so every platform shows the same, current state. Each card
// kind is built in its own file; this class picks the card and puts the status view together.
import type { EngineContext } from "../context.ts";
import { RampError } from "../errors.ts";
import type { CardRef, Incident, Task } from "../model.ts";
import { testMessageView } from "../practice/views.ts";
import { attentionView } from "./attention.ts";
import { decisionView } from "./decision-view.ts";
import { exerciseMark } from "./exercise-words.ts";
import { incidentCardView } from "./incident-card.ts";
import { IncidentReads } from "./incident-reads.ts";
import { Labels } from "./labels.ts";
import { byUrgency } from "./order.ts";
import { pageCardView } from "./page-card.ts";
import { pagingView } from "./paging-view.ts";
import { taskCardView } from "./task-view.ts";
import type {
  AttentionView,
  CardView,
  DecisionView,
  ExerciseMark,
  IncidentCardView,
  PageCardView,
  PagingView,
  StatusView,
  TaskCardView,
  TaskGroup,
} from "./types.ts";

export class Views {
  private readonly labels: Labels;

  constructor(private readonly ctx: EngineContext) {
    this.labels = new Labels(ctx.dir.locale);
  }

  async card(ref: CardRef): Promise<CardView> {
    const view = await this.unmarkedCard(ref);
    // A reachability test belongs to no incident and is never an exercise.
    if (view.kind === "incident" || view.kind === "test") return view;
    const mark = this.mark(await this.incident(view.incidentId));
    return mark ? { ...view, exercise: mark } : view;
  }

  private unmarkedCard(ref: CardRef): Promise<CardView> {
    switch (ref.kind) {
      case "incident":
        return this.incidentCard(ref.incidentId);
      case "paging":
        return this.paging(ref.incidentId);
      case "decision":
        return this.decision(ref.incidentId);
      case "task":
        return this.taskCard(ref.taskId);
      case "page":
        return this.pageCard(ref.pageId);
      case "test":
        return testMessageView(this.ctx, ref.recipientId);
    }
  }

  /** OEFENING, for everything shown about an exercise. */
  mark(incident: Incident): ExerciseMark | undefined {
    return incident.exercise ? exerciseMark(this.ctx.dir.locale, incident.number) : undefined;
  }

  async incident(incidentId: string): Promise<Incident> {
    const incident = await this.ctx.store.incidents.get(incidentId);
    if (!incident) throw new RampError("incident-not-found", { id: incidentId });
    return incident;
  }

  async incidentCard(
    incidentId: string,
    reads = new IncidentReads(this.ctx, incidentId),
  ): Promise<IncidentCardView> {
    return incidentCardView(this.ctx, this.labels, incidentId, reads);
  }

  async paging(
    incidentId: string,
    reads = new IncidentReads(this.ctx, incidentId),
  ): Promise<PagingView> {
    return pagingView(this.ctx, this.labels, incidentId, reads);
  }

  async pageCard(pageId: string): Promise<PageCardView> {
    return pageCardView(this.ctx, this.labels, pageId);
  }

  async decision(
    incidentId: string,
    reads = new IncidentReads(this.ctx, incidentId),
  ): Promise<DecisionView> {
    return decisionView(this.ctx, this.labels, incidentId, reads);
  }

  async taskCard(taskId: string): Promise<TaskCardView> {
    const task = await this.ctx.store.tasks.get(taskId);
    if (!task) throw new RampError("task-not-found");
    const incident = await this.incident(task.incidentId);
    return this.taskView(task, incident.status === "closed");
  }

  taskView(task: Task, closed: boolean): TaskCardView {
    return taskCardView(this.ctx, this.labels, task, closed);
  }

  async tasks(
    incidentId: string,
    reads = new IncidentReads(this.ctx, incidentId),
  ): Promise<TaskGroup[]> {
    const incident = await reads.incident();
    const tasks = (await reads.tasks())
      .filter((t) => t.situation === incident.situation && t.status !== "cancelled")
      .sort(byUrgency);
    const closed = incident.status === "closed";
    return (["technisch", "organisatorisch"] as const).map((phase) => ({
      phase,
      label: this.labels.phase(phase),
      tasks: tasks.filter((t) => t.phase === phase).map((t) => this.taskView(t, closed)),
    }));
  }

  async status(incidentId: string): Promise<StatusView> {
    const reads = new IncidentReads(this.ctx, incidentId);
    const [incident, paging, groups, decision] = await Promise.all([
      this.incidentCard(incidentId, reads),
      this.paging(incidentId, reads),
      this.tasks(incidentId, reads),
      this.decision(incidentId, reads),
    ]);
    const openTasks = groups.flatMap((g) => g.tasks).filter((t) => t.status !== "done").length;
    return {
      kind: "status",
      ...(incident.exercise ? { exercise: incident.exercise } : {}),
      incidentId,
      title: incident.title,
      incident,
      paging,
      services: incident.services,
      groups,
      decisions: decision.history,
      openTasks,
    };
  }

  /** What needs attention now in an incident, with `viewerId`'s own tasks. */
  async attention(incidentId: string, viewerId: string | null): Promise<AttentionView> {
    return this.attentionOf(await this.status(incidentId), viewerId);
  }

  attentionOf(status: StatusView, viewerId: string | null): AttentionView {
    return attentionView(this.labels, status, this.ctx.clock.now(), viewerId);
  }
}
