// The crisis engine's records. Plain data: the store maps them to rows, views render them.
// All times are UTC Dates; they are shown in the plan's time zone by the views.
import type { Classification, SituationId } from "../plan/schema.ts";

export const SOURCES = ["slack", "teams", "web", "system", "cli"] as const;
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
  | "service-overdue";

export interface Job {
  id: string;
  incidentId: string;
  kind: JobKind;
  /** The page, task or incident service the job is about. */
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
  | "incident.closed";

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
  | { kind: "page"; pageId: string };

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
  /** A holder's personal copy of the plan, or the reminder to confirm it. */
  | "plan-copy";

/** A one-off message; its text is written by the core in the plan's language. */
export interface Notice {
  kind: NoticeKind;
  /** Null for a report, which comes before any incident. */
  incidentId: string | null;
  text: string;
  subjectId?: string;
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
  | { type: "plan-copy"; copy: { planHash: string; personId: string; reminder: boolean } };

/** What became of a queued message; known once it is stored. */
export interface OutboxOutcome {
  status: "pending" | "leased" | "sent" | "dead";
  sentAt: Date | null;
  /** The platform's last refusal, for a message still retried or given up. */
  lastError: string | null;
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
  outcome?: OutboxOutcome;
}
