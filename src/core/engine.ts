// The crisis engine's interface for adapters: commands in (who, what, where), view models out.
// Adapters never need their own logic: they resolve the person, call a command, render a view.
import type { Classification } from "../plan/schema.ts";
import type { Actor } from "./actor.ts";
import { type ChatProblem, reportChatProblem } from "./chat-problem.ts";
import { closeIncident, openWork } from "./close.ts";
import type { EngineContext } from "./context.ts";
import { type DecideInput, decide, previewDecision, recordEvaluation } from "./decide.ts";
import { type DeclareInput, declareIncident, reclassify, setScope } from "./declare.ts";
import { RampError } from "./errors.ts";
import { type ExerciseStart, sendInject, startExercise, stopExercise } from "./exercise.ts";
import { addLogEntry, correctEntry } from "./logbook.ts";
import { changeMeeting } from "./meeting.ts";
import type { Incident, Meeting, Scope, Source } from "./model.ts";
import { type DeliveryChannel, dispatchOutbox } from "./outbox.ts";
import { answerPage, type PageAnswer } from "./paging.ts";
import { onceAcrossReplicas } from "./ports.ts";
import { practiceOverview } from "./practice/overview.ts";
import { answerTest, startTest, stopTest } from "./practice/reachability.ts";
import { testReport } from "./practice/report.ts";
import { ensurePracticeSchedule } from "./practice/schedule.ts";
import { openReports, reportIncident } from "./report.ts";
import { runDueJobs } from "./scheduler.ts";
import { markServiceRestored } from "./services.ts";
import { shareReview } from "./share-review.ts";
import { actOnTask, assignTask, type TaskAction } from "./tasks.ts";
import { verifyChain } from "./timeline.ts";
import { readinessView } from "./views/readiness/build.ts";
import type { ReadinessKnown } from "./views/readiness/sources.ts";
import type { Viewer } from "./views/viewer.ts";
import { Views } from "./views/views.ts";
import { SMS_CHANNEL } from "./work.ts";

export type Identity =
  | { personId: string }
  | { slackUserId: string }
  | { teamsUserIds: Array<string | undefined> };

export class CrisisEngine {
  readonly views: Views;

  constructor(readonly ctx: EngineContext) {
    this.views = new Views(ctx);
  }

  get directory() {
    return this.ctx.dir;
  }

  /** Resolves a platform identity to a person in the plan; anyone else is refused (and logged). */
  identify(identity: Identity, source: Source): Actor {
    const { dir } = this.ctx;
    const person =
      "personId" in identity
        ? dir.person(identity.personId)
        : "slackUserId" in identity
          ? dir.personBySlackId(identity.slackUserId)
          : dir.personByTeamsId(...identity.teamsUserIds);
    if (!person) {
      this.ctx.log.warn({ identity, source }, "refused: not in plan");
      throw new RampError("not-in-plan");
    }
    return { personId: person.id, source };
  }

  declare = (actor: Actor, input: DeclareInput) => declareIncident(this.ctx, actor, input);
  reclassify = (actor: Actor, incidentId: string, level: Classification) =>
    reclassify(this.ctx, actor, incidentId, level);
  changeMeeting = (actor: Actor, incidentId: string, meeting: Meeting, reason?: string | null) =>
    changeMeeting(this.ctx, actor, incidentId, meeting, reason);
  setScope = (actor: Actor, incidentId: string, scope: Scope) =>
    setScope(this.ctx, actor, incidentId, scope);
  answerPage = (actor: Actor, pageId: string, answer: PageAnswer, reason?: string) =>
    answerPage(this.ctx, actor, pageId, answer, reason);
  recordEvaluation = (actor: Actor, incidentId: string, text: string) =>
    recordEvaluation(this.ctx, actor, incidentId, text);
  decide = (actor: Actor, incidentId: string, input: DecideInput) =>
    decide(this.ctx, actor, incidentId, input);
  /** What a decision would change (for the confirmation of a change); changes nothing. */
  previewDecision = (actor: Actor, incidentId: string, input: DecideInput) =>
    previewDecision(this.ctx, actor, incidentId, input);
  task = (actor: Actor, taskId: string, action: TaskAction, reason?: string) =>
    actOnTask(this.ctx, actor, taskId, action, reason);
  assign = (actor: Actor, taskId: string, personId: string) =>
    assignTask(this.ctx, actor, taskId, personId);
  log = (actor: Actor, incidentId: string, text: string, tags?: string[]) =>
    addLogEntry(this.ctx, actor, incidentId, text, tags);
  correct = (actor: Actor, incidentId: string, entryId: string, text: string) =>
    correctEntry(this.ctx, actor, incidentId, entryId, text);
  restoreService = (actor: Actor, incidentId: string, serviceId: string) =>
    markServiceRestored(this.ctx, actor, incidentId, serviceId);
  close = (actor: Actor, incidentId: string, note?: string) =>
    closeIncident(this.ctx, actor, incidentId, note);
  /** The tasks closing now would leave open (for the confirmation before closing). */
  openWork = (incidentId: string) => openWork(this.ctx, incidentId);
  shareReview = (actor: Actor, incidentId: string) => shareReview(this.ctx, actor, incidentId);
  report = (actor: Actor, text: string) => reportIncident(this.ctx, actor, text);
  startExercise = (actor: Actor, input: ExerciseStart) => startExercise(this.ctx, actor, input);
  stopExercise = (actor: Actor, note?: string) => stopExercise(this.ctx, actor, note);
  sendInject = (actor: Actor, text: string) => sendInject(this.ctx, actor, text);
  /** A chat platform's problem with the incident channel: on the timeline, and to the coordinator. */
  reportChatProblem = (incidentId: string, problem: ChatProblem) =>
    reportChatProblem(this.ctx, incidentId, problem);
  openReports = () => openReports(this.ctx);
  /** Reachability tests (alarmeringstest): `/ramp test`, "Ontvangen", `/ramp test stop`. */
  startTest = (actor: Actor) => startTest(this.ctx, actor);
  answerTest = (actor: Actor, recipientId: string) => answerTest(this.ctx, actor, recipientId);
  stopTest = (actor: Actor) => stopTest(this.ctx, actor);
  /**
   * Puts the plan's next practice moments in the job table (at startup; harmless to repeat).
   * Two replicas starting together insert the same rows: the loser's unique violation becomes a
   * ConflictError, and its second try finds the rows there.
   */
  ensurePracticeSchedule = async () => {
    await onceAcrossReplicas(() =>
      this.ctx.store.transaction((tx) => ensurePracticeSchedule(this.ctx, tx)),
    );
  };
  /** The board's practice part: last and next test and exercise, overdue, the trend. */
  practiceOverview = () => practiceOverview(this.ctx);
  /** Whether the crisis team could be assembled now (the board's first page while nothing runs). */
  readiness = (viewer: Viewer, known?: ReadinessKnown) =>
    readinessView(this.ctx, viewer, known ? { known } : {});
  /** A test's result as the review's document model (null for an unknown number). */
  testReport = (number: string) => testReport(this.ctx, number);

  activeIncidents(): Promise<Incident[]> {
    return this.ctx.store.incidents.listActive(this.ctx.dir.plan.organisation.id);
  }

  recentIncidents(limit = 20): Promise<Incident[]> {
    return this.ctx.store.incidents.list(this.ctx.dir.plan.organisation.id, limit);
  }

  /** The incident a command is about: the one given (id or number), else the only active one. */
  async resolveIncident(ref?: string): Promise<Incident> {
    if (ref) {
      const byId = await this.ctx.store.incidents.get(ref);
      if (byId) return byId;
      const byNumber = (await this.recentIncidents(1000)).find((i) => i.number === ref);
      if (byNumber) return byNumber;
      throw new RampError("incident-not-found", { id: ref });
    }
    const active = await this.activeIncidents();
    if (active.length === 0) throw new RampError("no-active-incident");
    if (active.length > 1)
      throw new RampError("several-active-incidents", {
        numbers: active.map((i) => i.number).join(", "),
      });
    return active[0]!;
  }

  timeline(incidentId: string) {
    return this.ctx.store.timeline.list(incidentId);
  }

  async verifyTimeline(incidentId: string) {
    const incident = await this.views.incident(incidentId);
    return verifyChain(
      incidentId,
      await this.ctx.store.timeline.list(incidentId),
      incident.sealHash,
    );
  }

  /**
   * An SMS provider's receipt: the phone of the text's recipient (outbox message `outboxId`) got
   * it at `at`. Stored once, the first receipt's time kept; false when it was recorded already
   * or is not a text Ramp sent.
   */
  confirmSmsOnPhone = (outboxId: string, at: Date) =>
    this.ctx.store.outbox.markHandsetDelivered(outboxId, SMS_CHANNEL, at);
  runDueJobs = (owner: string, limit?: number, afterBatch?: () => void) =>
    runDueJobs(this.ctx, owner, limit, afterBatch);
  dispatch = (channels: ReadonlyMap<string, DeliveryChannel>, owner: string, limit?: number) =>
    dispatchOutbox(this.ctx, channels, owner, limit);
  /**
   * Frees the leases an earlier run of this instance left (it was killed mid-work): they are
   * taken up at once instead of after their lease ran out. Returns how many there were.
   */
  takeOverEarlierRun = async (ownerPrefix: string, owner: string) =>
    (await this.ctx.store.outbox.takeOver(ownerPrefix, owner)) +
    (await this.ctx.store.jobs.takeOver(ownerPrefix, owner));
}
