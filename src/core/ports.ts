// The core's ports: what it needs from the outside, as small interfaces.
// store/ implements the repositories with Prisma; adapters implement delivery channels.

import type { SituationId } from "../plan/schema.ts";
import type { ContactCheck, ContactForm, PlanAmendment } from "./contacts/model.ts";
import type {
  Decision,
  Incident,
  IncidentService,
  Job,
  OutboxItem,
  Page,
  PageStatus,
  PlanCopy,
  Report,
  Source,
  Task,
  TaskStatus,
  TimelineEntry,
  TimelineType,
} from "./model.ts";
import type { ReachabilityRepository } from "./practice/model.ts";
import type { SmsRepository } from "./sms/model.ts";

/** A unique constraint stopped a write (e.g. two incidents got the same number); the caller may retry. */
export class ConflictError extends Error {
  override name = "ConflictError";
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(): string;
}

/** Minimal structured logger (pino fits). */
export interface CoreLogger {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

export interface IncidentRepository {
  insert(incident: Incident): Promise<void>;
  get(id: string): Promise<Incident | null>;
  /** Active incidents of an organisation, newest first. */
  listActive(organisation: string): Promise<Incident[]>;
  list(organisation: string, limit: number): Promise<Incident[]>;
  /** Numbers already used in a year ("2026-"), to allocate the next one. */
  countNumbersWithPrefix(organisation: string, prefix: string): Promise<number>;
  /**
   * Takes the incident's write lock for the rest of the transaction (PostgreSQL: row lock through
   * an update). Every command that changes an incident calls this first, so that commands on one
   * incident are serialised and the timeline's hash chain has one head.
   */
  lock(id: string): Promise<Incident | null>;
  update(
    id: string,
    changes: Partial<
      Pick<
        Incident,
        | "classification"
        | "scope"
        | "situation"
        | "locationId"
        | "meeting"
        | "arriveBy"
        | "status"
        | "closedById"
        | "closedAt"
        | "sealHash"
      >
    >,
  ): Promise<void>;
}

export interface PageRepository {
  insert(page: Page): Promise<void>;
  get(id: string): Promise<Page | null>;
  listForIncident(incidentId: string): Promise<Page[]>;
  /** Conditional: changes the page only while it has status `from`. Returns whether it did. */
  transition(
    id: string,
    from: PageStatus,
    to: PageStatus,
    answeredAt: Date | null,
    source: Source | null,
  ): Promise<boolean>;
}

export interface DecisionRepository {
  insert(decision: Decision): Promise<void>;
  listForIncident(incidentId: string): Promise<Decision[]>;
}

export interface TaskRepository {
  insertMany(tasks: Task[]): Promise<void>;
  get(id: string): Promise<Task | null>;
  listForIncident(incidentId: string): Promise<Task[]>;
  /**
   * One conditional write: applies `changes` only while the task still has `expect.status`
   * and `expect.version`, and bumps the version. Returns the task after the attempt and whether it won.
   */
  transition(
    id: string,
    expect: { status: readonly TaskStatus[]; version: number },
    changes: Partial<
      Pick<Task, "status" | "ownerId" | "claimedAt" | "completedAt" | "blockedReason">
    >,
  ): Promise<{ won: boolean; task: Task | null }>;
  /** For a decision change: cancels the situation's unfinished tasks; returns the cancelled ones. */
  cancelUnfinished(incidentId: string, situation: SituationId): Promise<Task[]>;
  /** For a decision changed back: reopens the situation's cancelled tasks; returns them. */
  reopenCancelled(incidentId: string, situation: SituationId): Promise<Task[]>;
  /**
   * For a decision change: the task becomes the new situation's same task, keeping its status,
   * owner, times and blocked reason; bumps the version. Returns the task after the change.
   */
  carryOver(id: string, changes: TaskCarryOver): Promise<Task>;
}

/** What a carried-over task takes from the new situation's plan. */
export type TaskCarryOver = Pick<
  Task,
  | "situation"
  | "planTaskId"
  | "phase"
  | "title"
  | "description"
  | "serviceId"
  | "priority"
  | "functionId"
  | "deadlineAt"
>;

export interface ServiceRepository {
  insertMany(services: IncidentService[]): Promise<void>;
  /** For a decision change: the service moves to the new situation, restored or not. */
  carryOver(
    id: string,
    changes: Pick<IncidentService, "situation" | "priority" | "rtoHours" | "deadlineAt">,
  ): Promise<IncidentService>;
  listForIncident(incidentId: string): Promise<IncidentService[]>;
  get(id: string): Promise<IncidentService | null>;
  /** Conditional: records the restoration only once. Returns whether it did. */
  markRestored(
    id: string,
    at: Date,
    byId: string | null,
    by: "coordinator" | "tasks",
  ): Promise<boolean>;
}

export interface JobRepository {
  /** Idempotent per (kind, subject, due time): scheduling the same job twice keeps one row. */
  schedule(jobs: Array<Omit<Job, "status" | "attempts">>): Promise<void>;
  cancelForSubjects(subjectIds: string[]): Promise<number>;
  /**
   * Leases up to `limit` jobs due at `now` (pending, or leased by someone whose lease expired)
   * for `owner` until `leaseUntil`, each with one conditional update so two schedulers never
   * lease the same job.
   */
  leaseDue(now: Date, owner: string, leaseUntil: Date, limit: number): Promise<Job[]>;
  /** Conditional on the lease still being ours: returns false when another scheduler took over. */
  complete(id: string, owner: string, at: Date): Promise<boolean>;
  /** `complete` for many jobs in one statement: how many were still ours (and are now done). */
  completeMany(ids: string[], owner: string, at: Date): Promise<number>;
  fail(id: string, owner: string, error: string, retryAt: Date): Promise<void>;
  /** Extends the leases `owner` still holds. */
  renew(ids: string[], owner: string, leaseUntil: Date): Promise<void>;
  /** Frees the leases of an earlier run of this same instance (`ownerPrefix`), dead for sure. */
  takeOver(ownerPrefix: string, owner: string): Promise<number>;
  listForIncident(incidentId: string): Promise<Job[]>;
}

/** A failed delivery attempt: retried at `retryAt`, or `dead`; `unknown`: it may have arrived. */
export interface OutboxFailure {
  error: string;
  retryAt: Date;
  dead: boolean;
  unknown: boolean;
}

export interface OutboxRepository {
  /** Idempotent per dedupeKey: a retried command never queues a message twice. */
  enqueue(items: Array<Omit<OutboxItem, "attempts">>): Promise<void>;
  /**
   * Messages due for delivery (pending and due, or with an expired lease): an incident's (pages,
   * cards, reminders) before those of no incident (plan copies, contact checks), each oldest
   * first; only those of one delivery channel when `channel` is given.
   */
  listDue(now: Date, limit: number, channel?: string): Promise<OutboxItem[]>;
  /**
   * Messages of an incident (null: of none) that hold up their conversation now: someone is
   * delivering them (an unexpired lease), or an earlier attempt's outcome is still unknown.
   */
  listBusy(incidentId: string | null, now: Date): Promise<OutboxItem[]>;
  /** Takes one due message for `owner` until `leaseUntil`; false when someone else took it. */
  lease(id: string, now: Date, owner: string, leaseUntil: Date): Promise<boolean>;
  /** Extends the leases `owner` still holds; returns the ids it still holds. */
  renew(ids: string[], owner: string, leaseUntil: Date): Promise<string[]>;
  /** Gives leased messages back untried (due at once, in their order). */
  release(ids: string[], owner: string): Promise<void>;
  /** Records that a request is about to leave (kept until the outcome is known). */
  markAttempt(id: string, owner: string, at: Date): Promise<void>;
  markSent(id: string, owner: string, at: Date, deliveredRef: string | null): Promise<boolean>;
  markFailed(id: string, owner: string, failure: OutboxFailure): Promise<void>;
  /**
   * Records that the recipient's phone got a message of `channel`, once: a repeated or late
   * receipt keeps the first time. False when no such message exists or it was already recorded.
   */
  markHandsetDelivered(id: string, channel: string, at: Date): Promise<boolean>;
  /** Frees the leases of an earlier run of this same instance (`ownerPrefix`), dead for sure. */
  takeOver(ownerPrefix: string, owner: string): Promise<number>;
  listForIncident(incidentId: string): Promise<OutboxItem[]>;
}

export interface TimelineRepository {
  /** The newest entry (highest seq), or null for an empty timeline. */
  last(incidentId: string): Promise<TimelineEntry | null>;
  insert(entry: TimelineEntry): Promise<void>;
  /** Several entries in one statement per batch (a command's entries, a bulk import). */
  insertMany(entries: TimelineEntry[]): Promise<void>;
  list(incidentId: string): Promise<TimelineEntry[]>;
  /** The entries of these types only, oldest first: what a view needs without the whole log. */
  listOfTypes(incidentId: string, types: readonly TimelineType[]): Promise<TimelineEntry[]>;
  get(id: string): Promise<TimelineEntry | null>;
}

/**
 * Where a platform reaches a person, a channel or an earlier message (a Slack channel id and ts,
 * a Teams conversation reference): kept by adapters so cards update in place and pages reach people.
 */
export interface ConversationRefRepository {
  get(platform: string, key: string): Promise<string | null>;
  put(platform: string, key: string, reference: string, at: Date): Promise<void>;
}

export interface ReportRepository {
  insert(report: Report): Promise<void>;
  /** Reports made since `since` that no incident took up yet, oldest first. */
  listOpen(organisation: string, since: Date): Promise<Report[]>;
  attach(ids: string[], incidentId: string): Promise<void>;
}

/** An interaction received from a platform, stored before it was acknowledged (see core/inbox.ts). */
export interface InboxItem {
  id: string;
  platform: string;
  /** The platform's own unique key of the interaction. */
  key: string;
  /** Which handler processes it ("slack.command", "teams.action", …). */
  kind: string;
  /** What the handler needs to run it and to answer, as JSON. */
  payload: string;
  receivedAt: Date;
  status: "pending" | "done" | "failed";
  attempts: number;
}

export interface InboxRepository {
  /**
   * One insert, leased to `owner` until `leaseUntil`: returns the row, or null when the
   * platform's key is already there (a redelivery, which must not run again).
   */
  receive(
    item: Omit<InboxItem, "status" | "attempts">,
    owner: string,
    leaseUntil: Date,
  ): Promise<InboxItem | null>;
  /** Conditional: marks the row processed unless it already was. Returns whether it did. */
  complete(id: string, at: Date, status?: "done" | "failed", error?: string): Promise<boolean>;
  /** Takes up to `limit` unprocessed rows whose lease expired, each with one conditional update. */
  leaseExpired(now: Date, owner: string, leaseUntil: Date, limit: number): Promise<InboxItem[]>;
  /** Gives the row back (unprocessed) to be tried again after `retryAt`. */
  release(id: string, owner: string, error: string, retryAt: Date): Promise<void>;
  /** Extends `owner`'s lease of an unprocessed row; false when it is no longer `owner`'s. */
  renew(id: string, owner: string, leaseUntil: Date): Promise<boolean>;
  get(id: string): Promise<InboxItem | null>;
}

export interface PlanCopyRepository {
  /** Records a copy unless one exists for this plan hash and person; true when this call did. */
  claim(copy: PlanCopy): Promise<boolean>;
  /** Marks the copy received; false when there is none (an old or unknown link). */
  confirm(planHash: string, personId: string, at: Date): Promise<boolean>;
  /**
   * Marks an unconfirmed copy reminded at `at`, provided it was last reminded at `previous`
   * (null: never): one replica wins, the others get false.
   */
  claimReminder(
    planHash: string,
    personId: string,
    previous: Date | null,
    at: Date,
  ): Promise<boolean>;
  listForPlan(planHash: string): Promise<PlanCopy[]>;
  /** Each person's newest copy, of any plan version. */
  listLatest(): Promise<PlanCopy[]>;
}

export interface ContactCheckRepository {
  /** Records a request unless this person's round exists; true when this call did. */
  claim(check: ContactCheck): Promise<boolean>;
  get(id: string): Promise<ContactCheck | null>;
  /** Each person's newest request. */
  listLatest(): Promise<ContactCheck[]>;
  /**
   * Marks an unanswered request reminded at `at` if its last reminder is still `previous`; true
   * when this call did (a second replica's call finds it changed and sends nothing).
   */
  claimReminder(id: string, previous: Date | null, at: Date): Promise<boolean>;
  /** Each person's newest answered request with answer "confirmed" or "changed". */
  listLatestAnswered(): Promise<ContactCheck[]>;
  /** Stores the answer; a later answer to the same request replaces it. */
  answer(
    id: string,
    answer: "confirmed" | "changed",
    data: ContactForm | null,
    at: Date,
  ): Promise<void>;
}

export interface PlanAmendmentRepository {
  /** Records a proposal unless one from the same source exists; true when this call did. */
  propose(amendment: PlanAmendment): Promise<boolean>;
  listOpen(): Promise<PlanAmendment[]>;
  list(limit: number): Promise<PlanAmendment[]>;
  /** Open → applied/dismissed; false when it was no longer open. */
  resolve(id: string, status: "applied" | "dismissed", at: Date): Promise<boolean>;
}

export interface Repositories {
  incidents: IncidentRepository;
  reports: ReportRepository;
  pages: PageRepository;
  decisions: DecisionRepository;
  tasks: TaskRepository;
  services: ServiceRepository;
  jobs: JobRepository;
  outbox: OutboxRepository;
  timeline: TimelineRepository;
  planCopies: PlanCopyRepository;
  contactChecks: ContactCheckRepository;
  amendments: PlanAmendmentRepository;
  /** Reachability tests (alarmeringstests) and who answered them. */
  reachability: ReachabilityRepository;
  inbox: InboxRepository;
  /** SMS PINs and the numbers locked after wrong ones. */
  sms: SmsRepository;
}

export interface Store extends Repositories {
  /** Runs `work` in one database transaction; the repositories it receives are bound to it. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
}

/**
 * Runs a write that records something once (a row with a unique key, with its outbox message, in
 * one transaction). A ConflictError means another replica recorded the same row between this
 * one's look and its insert: the second run sees the row and does what is left (often nothing).
 */
export async function onceAcrossReplicas<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return write();
  }
}
