// The crisis engine's records. Plain data: the store maps them to rows, views render them.
// All times are UTC Dates; they are shown in the plan's time zone by the views.
import type { Classification, SituationId } from "../plan/schema.ts";

export const SOURCES = ["slack", "teams", "web", "sms", "system", "cli"] as const;
export type Source = (typeof SOURCES)[number];

/** "onbekend" until someone says: a declaration without a scope is not a total disaster. */
export const SCOPES = ["totaal", "gedeeltelijk", "onbekend"] as const;
export type Scope = (typeof SCOPES)[number];

export type IncidentStatus = "active" | "closed";

/** Where the crisis staff meets: the plan's primary contactadres, or its fallback. */
export const MEETINGS = ["primary", "fallback"] as const;
export type Meeting = (typeof MEETINGS)[number];

export interface Incident {
  id: string;
  organisation: string;
  /** Number in the incident log, e.g. "2026-003". */
  number: string;
  planHash: string;
  classification: Classification;
  scope: Scope;
  description: string;
  officeHours: boolean | null;
  status: IncidentStatus;
  declaredById: string;
  declaredAt: Date;
  detectedAt: Date | null;
  reportedBy: string | null;
  situation: SituationId | null;
  locationId: string | null;
  meeting: Meeting;
  /** When the crisis staff should be at the meeting; null for incidents stored before Ramp kept it. */
  arriveBy: Date | null;
  closedById: string | null;
  closedAt: Date | null;
  sealHash: string | null;
  /**
   * An exercise (oefening): the whole incident flow, numbered apart ("O-2026-001"), marked
   * OEFENING wherever it is shown, and never counted as an incident.
   */
  exercise: boolean;
  /** The plan's scenario an exercise plays; null for a free exercise and for incidents. */
  scenarioId: string | null;
}

/** sent → coming | declined | silent; silent and declined pages lead to a page for the next alternate. */
export type PageStatus = "sent" | "coming" | "declined" | "silent";

export interface Page {
  id: string;
  incidentId: string;
  personId: string;
  functionId: string;
  /** 0 for the holder, 1 for the first alternate, … */
  attempt: number;
  escalatedFrom: string | null;
  status: PageStatus;
  sentAt: Date;
  ackDueAt: Date;
  answeredAt: Date | null;
  answerSource: Source | null;
  version: number;
}

export interface Decision {
  id: string;
  incidentId: string;
  seq: number;
  situation: SituationId;
  locationId: string | null;
  decidedById: string;
  decidedAt: Date;
  reason: string | null;
  evaluation: string | null;
}

/** A staff member's report ("melding") of what may be an incident, before one is declared. */
export interface Report {
  id: string;
  organisation: string;
  reporterId: string;
  text: string;
  source: Source;
  reportedAt: Date;
  /** The incident declared after it; null while none was. */
  incidentId: string | null;
}

export const TASK_STATUSES = ["open", "claimed", "blocked", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type Phase = "technisch" | "organisatorisch";

export interface Task {
  id: string;
  incidentId: string;
  planTaskId: string;
  situation: SituationId;
  phase: Phase;
  title: string;
  description: string | null;
  serviceId: string | null;
  /** The service's place in the priority list (1 first); tasks without a service come last. */
  priority: number;
  functionId: string | null;
  deadlineAt: Date;
  status: TaskStatus;
  ownerId: string | null;
  claimedAt: Date | null;
  completedAt: Date | null;
  blockedReason: string | null;
  version: number;
  /**
   * Short and stable within the incident ("#3" on every card and in texts, `NEEM 3` by SMS):
   * given at creation in plan order, kept when a decision change carries the task over. Null
   * for tasks stored before Ramp numbered them.
   */
  number: number | null;
}

export interface IncidentService {
  id: string;
  incidentId: string;
  serviceId: string;
  situation: SituationId;
  priority: number;
  rtoHours: number;
  deadlineAt: Date;
  restoredAt: Date | null;
  restoredById: string | null;
  /** "coordinator" when marked by hand, "tasks" when all its tasks were done. */
  restoredBy: "coordinator" | "tasks" | null;
}

export type JobKind =
  | "page-timeout"
  | "task-reminder"
  | "task-overdue"
  | "service-reminder"
  | "service-overdue"
  /** A scenario's inject, due at its time after the exercise started (subject: `<index>`). */
  | "exercise-inject"
  | PracticeJobKind;

/** Jobs of no incident: a reachability test's window closing, the plan's practice schedule. */
export type PracticeJobKind = "test-close" | "test-due" | "exercise-reminder";

export interface Job {
  id: string;
  /** Null for a practice job. */
  incidentId: string | null;
  kind: JobKind;
  /** The page, task or incident service the job is about (a practice job: the test or organisation). */
  subjectId: string;
  dueAt: Date;
  status: "pending" | "leased" | "done" | "cancelled";
  attempts: number;
}

export type TimelineType =
  | "incident.declared"
  | "incident.reclassified"
  | "meeting.changed"
  | "incident.scoped"
  | "page.sent"
  | "page.answered"
  | "page.silent"
  | "page.exhausted"
  /** A platform refused a message for good (see core/outbox-undeliverable.ts). */
  | "delivery.failed"
  | "evaluation.recorded"
  | "decision.made"
  | "tasks.planned"
  | "task.claimed"
  | "task.released"
  | "task.assigned"
  | "task.completed"
  | "task.blocked"
  | "task.unblocked"
  | "reminder.sent"
  | "deadline.missed"
  | "service.restored"
  | "log"
  | "correction"
  | "exercise.inject"
  | "exercise.ended"
  | "incident.closed"
  /** A chat platform could not give the incident its channel, or add someone to it (chat-problem.ts). */
  | "chat.problem"
  /** A text message that changed nothing itself: a question (STATUS), a refusal (wrong PIN). */
  | "sms.received";

export const LOG_TAGS = [
  "oorzaak",
  "detectie",
  "interne-communicatie",
  "externe-communicatie",
  "preventie",
  "verbetering",
  "schadeclaim",
  "actie",
  "evaluatie",
  /** A staff member's report (/ramp melding) while the incident runs. */
  "melding",
] as const;
export type LogTag = (typeof LOG_TAGS)[number];

export interface TimelineEntry {
  id: string;
  incidentId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  source: Source;
  type: TimelineType;
  data: Record<string, unknown>;
  tags: string[];
  correctsId: string | null;
  prevHash: string;
  hash: string;
}

/** Who a delivery is for: one person, or everyone following the incident (its channel). */
export type Audience =
  | { kind: "person"; personId: string }
  | { kind: "incident"; incidentId: string };

/** A card is re-rendered from the database when it is delivered, so it never shows stale state. */
export type CardRef =
  | { kind: "incident"; incidentId: string }
  | { kind: "paging"; incidentId: string }
  | { kind: "decision"; incidentId: string }
  | { kind: "task"; taskId: string }
  | { kind: "page"; pageId: string }
  /** A reachability test's message to one person ("TEST — er is geen incident"). */
  | { kind: "test"; recipientId: string };

export type NoticeKind =
  | "task-reminder"
  | "task-overdue"
  | "task-assigned"
  /** To the owner of a task that a changed decision cancelled. */
  | "task-cancelled"
  | "service-reminder"
  | "service-overdue"
  | "page-exhausted"
  | "decision"
  | "incident-closed"
  /** The meeting address changed: to everyone paged who has not declined. */
  | "meeting-changed"
  | "log"
  /** A staff member's report, to the coordinator and the deputies, before any incident. */
  | "report"
  /** To the coordinator: the incident channel is not what the plan asks, or people are not in it. */
  | "chat-problem"
  /** The plan file changed while Ramp runs (invalid, or valid but not yet in use): to the coordinator. */
  | "plan-file"
  /** Ramp proposes a change to the plan (a contact correction, a test's finding): to the coordinator. */
  | "plan-amendment"
  /** A reachability test's result, to the coordinator and the deputies. */
  | "test-result"
  /** An exercise is due soon (or overdue), to the coordinator. */
  | "exercise-due"
  /** An exercise's inject: a turn in the scenario, to a function, the coordinator or the channel. */
  | "exercise-inject"
  /** An exercise ended (by the coordinator, or because a real incident was declared). */
  | "exercise-ended"
  /** To the coordinator: a platform refused a message for good (core/outbox-undeliverable.ts). */
  | "delivery-failed"
  /** A holder's personal copy of the plan, or the reminder to confirm it. */
  | "plan-copy"
  /** Ramp's answer to a text message, sent back by SMS only (core/sms). */
  | "sms-reply"
  /** "Klopt dit nog?": a person's request to confirm their contact details (as text). */
  | "contact-check";

/** A one-off message; its text is written by the core in the plan's language. */
export interface Notice {
  kind: NoticeKind;
  /** Null for a report, which comes before any incident. */
  incidentId: string | null;
  text: string;
  subjectId?: string;
  /** About an exercise: every platform shows OEFENING with it, unmissably. */
  exercise?: ExerciseMark;
}

/** Shown first on every message, card and page about an exercise: nobody may take it for real. */
export interface ExerciseMark {
  /** "OEFENING": the word itself, for headers, SMS prefixes and channel names. */
  label: string;
  /** One line: what it is and what it is not. */
  text: string;
}

/**
 * The post-incident review shared where the incident is followed: drafted from the timeline
 * when it is delivered (so it is current), posted with its key figures and the Word document.
 */
export interface ReviewShare {
  incidentId: string;
  /** "closed": the first draft at closing; "requested": regenerated with `/ramp review`. */
  reason: "closed" | "requested";
  requestedById: string | null;
}

/** A holder's personal copy of one version of the plan, and whether they confirmed it. */
export interface PlanCopy {
  planHash: string;
  personId: string;
  version: string;
  /** The delivery channel it went out on; null when no channel reaches the person. */
  channel: string | null;
  createdAt: Date;
  confirmedAt: Date | null;
  remindedAt: Date | null;
}

export type Delivery =
  /**
   * `ifShown`: only bring an already posted card up to date (e.g. without its buttons once the
   * incident is closed); a card that was never posted stays unposted.
   */
  | { type: "card"; card: CardRef; ifShown?: boolean }
  | { type: "notice"; notice: Notice }
  | { type: "review"; review: ReviewShare }
  /** A holder's personal copy of the plan (and a reminder to confirm it), privately. */
  | { type: "plan-copy"; copy: { planHash: string; personId: string; reminder: boolean } }
  /** "Klopt dit nog?": a person's request to confirm their own contact details, privately. */
  | { type: "contact-check"; check: { id: string; personId: string; reminder?: boolean } };

/** What became of a queued message; known once it is stored. */
export interface OutboxOutcome {
  status: "pending" | "leased" | "sent" | "dead";
  sentAt: Date | null;
  /** The platform's last refusal, for a message still retried or given up. */
  lastError: string | null;
  /** When the recipient's phone confirmed it (an SMS delivery receipt); else null or absent. */
  handsetAt?: Date | null;
}

export interface OutboxItem {
  id: string;
  incidentId: string | null;
  dedupeKey: string;
  /** Delivery channel: "slack", "teams", "web". */
  channel: string;
  audience: Audience;
  delivery: Delivery;
  attempts: number;
  createdAt: Date;
  /** When an earlier attempt left without a known outcome (a crash, a timeout): look before resending. */
  attemptedAt?: Date | null;
  outcome?: OutboxOutcome;
}
