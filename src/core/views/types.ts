// Platform-neutral view models. Adapters render them as Block Kit, Adaptive Cards or HTML;
// every label is already in the plan's language, so no adapter writes its own wording.
import type { Classification, SituationId } from "../../plan/schema.ts";
import type { Meeting, PageStatus, Phase, Scope, TaskStatus } from "../model.ts";
import type { TestMessageView } from "../practice/views.ts";
import type { ExerciseMark } from "./exercise-words.ts";

export type { ExerciseMark };

export const ACTIONS = [
  "page.coming",
  "page.declined",
  "task.claim",
  "task.release",
  "task.complete",
  "task.block",
  "task.unblock",
  "decision.decide",
  "meeting.change",
  /** A reachability test: "Ontvangen", and the coordinator closing the test early. */
  "test.received",
  "test.stop",
] as const;
export type ActionKind = (typeof ACTIONS)[number];

export interface ViewAction {
  action: ActionKind;
  /** The page, task or incident the action is about. */
  subjectId: string;
  label: string;
  style?: "primary" | "danger";
  /** The adapter asks for a reason first (blocking a task). */
  needsReason?: boolean;
  /** For decisions: the situation and the fallback location. */
  situation?: SituationId;
  locationId?: string;
  /** For a change of the meeting address: the address to move to. */
  meeting?: Meeting;
  /** The fallback location in full, for adapters whose buttons hold only a few words. */
  location?: { name: string; address: string; capacity: string };
  /**
   * Asked before the action goes out (a changed decision, a moved meeting: both reach people
   * who may already be at work or on their way): what it does, and the question for the reason.
   */
  confirm?: ActionConfirm;
  /**
   * One of several actions of the same kind, one per function held on the card ("Ik kan niet als
   * …"): an adapter whose buttons hold only a few words offers `group` as one button and `option`
   * (the function) as a choice under it.
   */
  choice?: { group: string; question: string; option: string };
}

export interface ActionConfirm {
  title: string;
  /** In general terms, for a dialog that may have been drawn well before the click. */
  text: string;
  /** What it does now, one line each (the tasks that carry over and those cancelled). */
  details: string[];
  reasonLabel: string;
  /** The confirming button's label, and the one that goes back. */
  yes: string;
  no: string;
}

/** What the last change of decision did: shown on the decision card and the board. */
export interface DecisionChangeView {
  at: string;
  by: string;
  from: string;
  to: string;
  reason: string | null;
  /** "Title — Owner (status)" per task that carried over, and per task cancelled. */
  carried: string[];
  cancelled: string[];
}

export interface Fact {
  label: string;
  value: string;
}

export interface IncidentCardView {
  kind: "incident";
  /** Set for an exercise: every platform shows it first, where nobody can miss it. */
  exercise?: ExerciseMark;
  incidentId: string;
  number: string;
  title: string;
  classification: Classification;
  classificationLabel: string;
  scope: Scope;
  status: "active" | "closed";
  statusLabel: string;
  planActivated: boolean;
  facts: Fact[];
  meeting: {
    /** The plan's primary contactadres or its fallback, and which one as words. */
    choice: Meeting;
    kind: string;
    name: string;
    address: string;
    room?: string;
    arriveBy: string;
  };
  decision: string | null;
  services: ServiceLine[];
  /** Moving the meeting to the plan's other address (coordinator and deputies). */
  actions: ViewAction[];
}

export interface PagingRow {
  functionId: string;
  functionName: string;
  personName: string;
  status: PageStatus | "escalated";
  statusLabel: string;
  attempt: number;
  answeredAt: string | null;
  /**
   * Set when no chat platform in use reaches this person: call this number. Personal data: it is
   * left out where more people read than those who call (see views/personal.ts).
   */
  callPhone?: string;
  /** With callPhone: what a shared conversation shows instead of the number (where it is). */
  callHint?: string;
}

export interface PagingView {
  kind: "paging";
  /** Set for an exercise: every platform shows it first, where nobody can miss it. */
  exercise?: ExerciseMark;
  incidentId: string;
  title: string;
  rows: PagingRow[];
  /**
   * coming / waiting: functions someone is coming for / still waiting on an answer; declined /
   * silent: every page answered "ik kan niet" / left unanswered, also those that led to an
   * alternate; escalated: functions an alternate was paged for.
   */
  summary: { coming: number; declined: number; silent: number; waiting: number; escalated: number };
  summaryText: string;
}

export interface PageCardView {
  kind: "page";
  /** Set for an exercise: every platform shows it first, where nobody can miss it. */
  exercise?: ExerciseMark;
  pageId: string;
  incidentId: string;
  personId: string;
  title: string;
  text: string;
  facts: Fact[];
  answered: boolean;
  answerText: string | null;
  actions: ViewAction[];
}

export interface DecisionView {
  kind: "decision";
  /** Set for an exercise: every platform shows it first, where nobody can miss it. */
  exercise?: ExerciseMark;
  incidentId: string;
  title: string;
  current: string | null;
  evaluation: string | null;
  actions: ViewAction[];
  history: Array<{ at: string; by: string; text: string }>;
  lastChange: DecisionChangeView | null;
}

export interface TaskCardView {
  kind: "task";
  /** Set for an exercise: every platform shows it first, where nobody can miss it. */
  exercise?: ExerciseMark;
  taskId: string;
  incidentId: string;
  planTaskId: string;
  title: string;
  description: string | null;
  phase: Phase;
  phaseLabel: string;
  service: { id: string; name: string; priority: number } | null;
  status: TaskStatus;
  statusLabel: string;
  ownerId: string | null;
  ownerName: string | null;
  suggestedOwner: string | null;
  deadline: string;
  /** The deadline as an ISO instant, for countdowns and ordering. */
  deadlineAt: string;
  remaining: string;
  overdue: boolean;
  blockedReason: string | null;
  /** "#3": the task's short number in the incident (SMS `NEEM 3`); null for an older task. */
  number: number | null;
  actions: ViewAction[];
}

export interface ServiceLine {
  serviceId: string;
  name: string;
  priority: number;
  rtoHours: number;
  deadline: string;
  deadlineAt: string;
  remaining: string;
  restored: boolean;
  restoredAt: string | null;
  withinRto: boolean | null;
  /**
   * met / late: restored before or after the RTO deadline; overdue: not restored and the
   * deadline passed; ahead: not restored, deadline not yet reached (at the closing, or now).
   */
  rto: "met" | "late" | "overdue" | "ahead";
  tasks: { open: number; claimed: number; blocked: number; done: number };
}

export interface TaskGroup {
  phase: Phase;
  label: string;
  tasks: TaskCardView[];
}

export interface StatusView {
  kind: "status";
  /** Set for an exercise: every platform shows it first, where nobody can miss it. */
  exercise?: ExerciseMark;
  incidentId: string;
  title: string;
  incident: IncidentCardView;
  paging: PagingView;
  services: ServiceLine[];
  groups: TaskGroup[];
  decisions: Array<{ at: string; by: string; text: string }>;
  openTasks: number;
}

/** One thing on the attention strip: a task, a priority service or a paged function. */
export interface AttentionLine {
  kind: "task" | "service" | "page";
  /** The task's, service's or function's id (the board links a task to its card). */
  id: string;
  title: string;
  /** Who has the task, or who was paged. */
  who: string | null;
  /** Why it is here: the reason it is blocked, how late it is, what to do. */
  detail: string;
}

export interface AttentionGroup {
  key: "blocked" | "overdue" | "unanswered";
  label: string;
  lines: AttentionLine[];
}

/**
 * What needs attention now, first on the board: blocked tasks, passed deadlines, pages without
 * an answer, the next deadline, and the viewer's own unfinished tasks.
 */
export interface AttentionView {
  kind: "attention";
  incidentId: string;
  title: string;
  /** Only the groups that have something in them. */
  groups: AttentionGroup[];
  next: { label: string; line: AttentionLine; deadline: string; deadlineAt: string } | null;
  /** Said when there are no groups. */
  calm: string | null;
  /** One line for a screen reader or a chat: counts per group. */
  summary: string;
  /** The viewer's own claimed or blocked tasks, by deadline; null without a viewer. */
  mine: { label: string; empty: string; tasks: TaskCardView[] } | null;
}

export type CardView =
  | IncidentCardView
  | PagingView
  | PageCardView
  | DecisionView
  | TaskCardView
  | TestMessageView;
