// Builds the view models from the database and the plan. Adapters call these when they render
// a delivery or answer a command, so every platform shows the same, current state.
import type { EngineContext } from "../context.ts";
import { RampError } from "../errors.ts";
import type { CardRef, Decision, Incident, IncidentService, Page, Task } from "../model.ts";
import { pagesOnCard } from "../paging.ts";
import { testMessageView } from "../practice/views.ts";
import { addMinutes, formatDateTime, formatRemaining } from "../time.ts";
import { attentionView } from "./attention.ts";
import { lastChange, withConfirmation } from "./decision-change-view.ts";
import { exerciseMark, incidentName } from "./exercise-words.ts";
import { IncidentReads } from "./incident-reads.ts";
import { Labels } from "./labels.ts";
import { meetingKind, meetingOption } from "./meeting.ts";
import { byUrgency } from "./order.ts";
import { amount } from "./plural.ts";
import { taskCardView } from "./task-view.ts";
import type {
  AttentionView,
  CardView,
  DecisionView,
  ExerciseMark,
  IncidentCardView,
  PageCardView,
  PagingRow,
  PagingView,
  ServiceLine,
  StatusView,
  TaskCardView,
  TaskGroup,
  ViewAction,
} from "./types.ts";

export class Views {
  private readonly labels: Labels;

  constructor(private readonly ctx: EngineContext) {
    this.labels = new Labels(ctx.dir.locale);
  }

  private get nl() {
    return this.ctx.dir.locale === "nl";
  }

  private when(date: Date): string {
    return formatDateTime(date, this.ctx.dir.locale, this.ctx.dir.timeZone);
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
    const incident = await reads.incident();
    const { dir } = this.ctx;
    const L = this.labels;
    const declared = (await reads.entries()).find((e) => e.type === "incident.declared");
    const meeting = dir.plan.meeting[incident.meeting];
    const planActivated = Boolean(declared?.data.planActivated);
    const facts = [
      { label: L.text("classification"), value: L.classification(incident.classification) },
      { label: L.text("scope"), value: L.scope(incident.scope) },
      {
        label: L.text("declared"),
        value: `${this.when(incident.declaredAt)} — ${dir.name(incident.declaredById)}`,
      },
    ];
    if (incident.officeHours !== null) {
      facts.push({
        label: L.text("officeHours"),
        value: L.text(incident.officeHours ? "yes" : "no"),
      });
    }
    if (incident.reportedBy)
      facts.push({ label: L.text("reportedBy"), value: incident.reportedBy });
    const services = await this.serviceLines(incident, reads);
    return {
      kind: "incident",
      incidentId,
      number: incident.number,
      title: `${incidentName(incident, dir.locale)} — ${incident.description}`,
      classification: incident.classification,
      classificationLabel: L.classification(incident.classification),
      scope: incident.scope,
      status: incident.status,
      statusLabel: L.text(incident.status),
      planActivated,
      facts,
      meeting: {
        choice: incident.meeting,
        kind: meetingKind(dir, incident.meeting),
        name: meeting.name,
        address: meeting.address,
        ...(meeting.room ? { room: meeting.room } : {}),
        arriveBy: this.when(
          incident.arriveBy ?? addMinutes(incident.declaredAt, dir.plan.meeting.arriveWithin),
        ),
      },
      decision: this.decisionSummary(incident),
      services,
      actions: incident.status === "active" && planActivated ? [this.meetingAction(incident)] : [],
      ...(incident.exercise ? { exercise: exerciseMark(dir.locale, incident.number) } : {}),
    };
  }

  /** The button that moves the meeting to the plan's other address. */
  private meetingAction(incident: Incident): ViewAction {
    const other = incident.meeting === "primary" ? "fallback" : "primary";
    const place = meetingOption(this.ctx.dir, other);
    return {
      action: "meeting.change",
      subjectId: incident.id,
      meeting: other,
      label: this.nl ? `Contactadres: ${place.name}` : `Meeting address: ${place.name}`,
      confirm: {
        title: this.nl ? "Contactadres wijzigen?" : "Change the meeting address?",
        text: this.nl
          ? `Het contactadres wordt ${place.label}. Iedereen die opgeroepen is en niet afzegde, krijgt het nieuwe adres en een nieuw aanwezigheidsuur.`
          : `The meeting address becomes ${place.label}. Everyone paged who has not declined gets the new address and a new arrival time.`,
        details: [],
        reasonLabel: this.nl ? "Reden (niet verplicht)" : "Reason (optional)",
        yes: this.nl ? "Wijzigen" : "Change",
        no: this.nl ? "Annuleren" : "Cancel",
      },
    };
  }

  private decisionSummary(incident: Pick<Incident, "situation" | "locationId">): string | null {
    if (!incident.situation) return null;
    const { dir } = this.ctx;
    const location = incident.locationId ? dir.location(incident.locationId) : undefined;
    const name = dir.situation(incident.situation).name;
    // Plans usually name the situation themselves ("Situatie B – …"); say it only once.
    const label = /^situ/i.test(name)
      ? name
      : `${this.nl ? "Situatie" : "Situation"} ${incident.situation}: ${name}`;
    return `${label}${location ? ` — ${location.name}, ${location.address}` : ""}`;
  }

  async paging(
    incidentId: string,
    reads = new IncidentReads(this.ctx, incidentId),
  ): Promise<PagingView> {
    const pages = await reads.pages();
    const { dir } = this.ctx;
    const rows: PagingRow[] = [];
    const summary = { coming: 0, declined: 0, silent: 0, waiting: 0, escalated: 0 };
    for (const functionId of dir.plan.coordination.crisisStaff) {
      const chain = pages
        .filter((p) => p.functionId === functionId)
        .sort((a, b) => a.attempt - b.attempt);
      chain.forEach((page, i) => {
        const escalated =
          i < chain.length - 1 && (page.status === "silent" || page.status === "declined");
        const status = escalated ? "escalated" : page.status;
        rows.push(this.pagingRow(page, status));
      });
      const last = chain.at(-1);
      if (!last) continue;
      if (chain.length > 1) summary.escalated += 1;
      // Functions someone is coming for (e.g. a holder who answered after the alternate was
      // paged) or still waiting for; every "ik kan niet" and every silence counts, also those
      // that led to an alternate.
      const coming = chain.some((p) => p.status === "coming");
      if (coming) summary.coming += 1;
      else if (last.status === "sent") summary.waiting += 1;
      summary.declined += chain.filter((p) => p.status === "declined").length;
      summary.silent += chain.filter((p) => p.status === "silent").length;
    }
    const summaryText = this.nl
      ? `${amount(summary.coming, "komt", "komen")}, ${amount(summary.declined, "kan niet", "kunnen niet")}, ${summary.silent} geen antwoord, ${amount(summary.waiting, "wacht", "wachten")} op antwoord; bij ${amount(summary.escalated, "functie", "functies")} een vervanger opgeroepen`
      : `${summary.coming} coming, ${summary.declined} cannot come, ${summary.silent} no answer, ${summary.waiting} waiting; an alternate paged for ${amount(summary.escalated, "function", "functions")}`;
    return {
      kind: "paging",
      incidentId,
      title: this.labels.text("paging"),
      rows,
      summary,
      summaryText,
    };
  }

  private pagingRow(page: Page, status: PagingRow["status"]): PagingRow {
    const { dir } = this.ctx;
    return {
      functionId: page.functionId,
      functionName: dir.functionName(page.functionId),
      personName: dir.name(page.personId),
      status,
      statusLabel: this.labels.pageStatus(status),
      attempt: page.attempt,
      answeredAt: page.answeredAt ? this.when(page.answeredAt) : null,
      ...this.phoneIfUnreachable(page),
    };
  }

  /** A paged person no configured chat platform can reach: the coordinator has to call them. */
  private phoneIfUnreachable(page: Page): { callPhone?: string; callHint?: string } {
    if (page.status !== "sent") return {};
    const person = this.ctx.dir.person(page.personId);
    const reachable = this.ctx.channels.some(
      (channel) =>
        channel === "web" ||
        (channel === "slack"
          ? person?.slackUserId
          : channel === "teams"
            ? person?.teamsUserId
            : false),
    );
    const phone = person?.mobile ?? person?.phone;
    return !reachable && phone
      ? { callPhone: phone, callHint: this.labels.text("callOnBoard") }
      : {};
  }

  async pageCard(pageId: string): Promise<PageCardView> {
    const page = await this.ctx.store.pages.get(pageId);
    if (!page) throw new RampError("page-not-found");
    const reads = new IncidentReads(this.ctx, page.incidentId);
    const [card, pages, timeline] = await Promise.all([
      this.incidentCard(page.incidentId, reads),
      reads.pages(),
      this.ctx.store.timeline.listOfTypes(page.incidentId, ["page.sent"]),
    ]);
    const { dir } = this.ctx;
    const L = this.labels;
    // One card per person: the functions they were paged for while this card waited for an answer.
    const onCard = pagesOnCard(pages, timeline, pageId);
    const answeredPage = (p: Page) => p.status === "coming" || p.status === "declined";
    const answered = onCard.every(answeredPage);
    const closed = card.status === "closed";
    const m = card.meeting;
    const functions = joinWords(
      onCard.map((p) => dir.functionName(p.functionId)),
      this.nl,
    );
    // The fallback address is not where people go by habit: say so.
    const where =
      m.choice === "fallback"
        ? this.nl
          ? "het uitwijk-contactadres "
          : "the fallback address "
        : "";
    const text = this.nl
      ? `U wordt opgeroepen voor de crisisstaf als ${functions}. Kom naar ${where}${m.name}, ${m.address}${m.room ? ` (${m.room})` : ""}, tegen ${m.arriveBy}.`
      : `You are paged for the crisis staff as ${functions}. Come to ${where}${m.name}, ${m.address}${m.room ? ` (${m.room})` : ""}, by ${m.arriveBy}.`;
    // Until every function on the card is answered: "Ik kom" covers them all, "Ik kan niet" is
    // said per function. Once answered the card shows the answer, not the question again; one
    // button per answer stays to change it: someone who said "ik kom" may still fall out (and
    // the alternate is paged).
    const perFunction = (p: Page, label: string) =>
      onCard.length === 1
        ? label
        : `${label} ${this.nl ? "als" : "as"} ${dir.functionName(p.functionId)}`;
    const decline = (p: Page, label: string, danger = true): ViewAction => ({
      action: "page.declined",
      subjectId: p.id,
      label: perFunction(p, label),
      ...(danger ? { style: "danger" as const } : {}),
      ...(onCard.length > 1
        ? {
            choice: {
              group: label,
              question: this.nl ? "Voor welke functie?" : "For which function?",
              option: dir.functionName(p.functionId),
            },
          }
        : {}),
    });
    const actions: ViewAction[] = closed
      ? []
      : answered
        ? [
            ...(onCard.some((p) => p.status === "declined")
              ? [
                  {
                    action: "page.coming" as const,
                    subjectId: pageId,
                    label: L.text("comeAfterAll"),
                  },
                ]
              : []),
            ...onCard
              .filter((p) => p.status === "coming")
              .map((p) => decline(p, L.text("declineAfterAll"), false)),
          ]
        : [
            { action: "page.coming", subjectId: pageId, label: L.text("coming"), style: "primary" },
            ...onCard
              .filter((p) => p.status !== "declined")
              .map((p) => decline(p, L.text("declined"))),
          ];
    const answers = onCard.filter(answeredPage).map((p) => {
      const status = `${L.pageStatus(p.status)} (${this.when(p.answeredAt!)})`;
      return onCard.length === 1 ? status : `${dir.functionName(p.functionId)}: ${status}`;
    });
    return {
      kind: "page",
      pageId,
      incidentId: page.incidentId,
      personId: page.personId,
      title: card.title,
      text,
      facts: [...card.facts, { label: L.text("function"), value: functions }],
      answered,
      answerText: answers.length > 0 ? answers.join("; ") : null,
      actions,
    };
  }

  async decision(
    incidentId: string,
    reads = new IncidentReads(this.ctx, incidentId),
  ): Promise<DecisionView> {
    const [incident, decisions, timeline] = await Promise.all([
      reads.incident(),
      reads.decisions(),
      reads.entries(),
    ]);
    const evaluation = timeline.filter((e) => e.type === "evaluation.recorded").at(-1);
    const { dir } = this.ctx;
    const choices: ViewAction[] =
      incident.status === "closed"
        ? []
        : [
            ...dir.plan.fallbackLocations.map((location) => ({
              action: "decision.decide" as const,
              subjectId: incidentId,
              situation: "A" as const,
              locationId: location.id,
              label: `A — ${location.name} (${location.capacity} ${this.nl ? "pl." : "seats"})`,
              location: {
                name: location.name,
                address: location.address,
                capacity: `${location.capacity} ${this.nl ? "pl." : "seats"}`,
              },
            })),
            {
              action: "decision.decide",
              subjectId: incidentId,
              situation: "B",
              label: `B — ${dir.situation("B").name}`,
            },
          ];
    const [tasks, services] = incident.situation
      ? await Promise.all([reads.tasks(), reads.services()])
      : [[], []];
    const actions = choices.map((a) => withConfirmation(this.ctx, incident, tasks, services, a));
    return {
      kind: "decision",
      incidentId,
      title: this.labels.text("decide"),
      current: this.decisionSummary(incident),
      evaluation: evaluation ? String(evaluation.data.text) : null,
      actions,
      history: decisions.map((d) => this.decisionLine(d)),
      lastChange: lastChange(this.ctx, timeline),
    };
  }

  private decisionLine(d: Decision) {
    const summary = this.decisionSummary(d) ?? "";
    return {
      at: this.when(d.decidedAt),
      by: this.ctx.dir.name(d.decidedById),
      text: d.reason ? `${summary} (${d.reason})` : summary,
    };
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

  private async serviceLines(incident: Incident, reads: IncidentReads): Promise<ServiceLine[]> {
    if (!incident.situation) return [];
    const services = (await reads.services())
      .filter((s) => s.situation === incident.situation)
      .sort((a, b) => a.priority - b.priority);
    const tasks = (await reads.tasks()).filter((t) => t.situation === incident.situation);
    return services.map((service) => this.serviceLine(incident, service, tasks));
  }

  private serviceLine(incident: Incident, service: IncidentService, tasks: Task[]): ServiceLine {
    const { dir } = this.ctx;
    const own = tasks.filter((t) => t.serviceId === service.serviceId);
    const count = (status: Task["status"]) => own.filter((t) => t.status === status).length;
    return {
      serviceId: service.serviceId,
      name: dir.service(service.situation, service.serviceId)?.name ?? service.serviceId,
      priority: service.priority,
      rtoHours: service.rtoHours,
      deadline: this.when(service.deadlineAt),
      deadlineAt: service.deadlineAt.toISOString(),
      remaining: this.remaining(incident, service),
      restored: service.restoredAt !== null,
      restoredAt: service.restoredAt ? this.when(service.restoredAt) : null,
      withinRto: service.restoredAt
        ? service.restoredAt.getTime() <= service.deadlineAt.getTime()
        : null,
      rto: rtoOutcome(service, incident.closedAt ?? this.ctx.clock.now()),
      tasks: {
        open: count("open"),
        claimed: count("claimed"),
        blocked: count("blocked"),
        done: count("done"),
      },
    };
  }

  /** Time left while the incident runs; after closing, the state the closing left it in. */
  private remaining(incident: Incident, service: IncidentService): string {
    if (service.restoredAt) return "";
    const { locale } = this.ctx.dir;
    if (!incident.closedAt) {
      return formatRemaining(service.deadlineAt, this.ctx.clock.now(), locale);
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

/** A priority service against its RTO at `end` (the closing, or now). */
export function rtoOutcome(service: IncidentService, end: Date): ServiceLine["rto"] {
  const deadline = service.deadlineAt.getTime();
  if (service.restoredAt) return service.restoredAt.getTime() <= deadline ? "met" : "late";
  return end.getTime() > deadline ? "overdue" : "ahead";
}

/** "A", "A en B", "A, B en C". */
function joinWords(items: string[], nl: boolean): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${nl ? "en" : "and"} ${items.at(-1)}`;
}
