// The tick: every RAMP_TICK_SECONDS, ask the core what is due (pages to escalate, reminders,
// overdue deadlines) and deliver the outbox. The tick is thin on purpose: the rows in the
// database decide what happens, so a restart or a second replica changes nothing.
//
// Delivery passes may overlap (up to MAX_PASSES): a pass waiting on a hung platform call holds
// only the conversation it is in, and a new command's messages go out in a pass of their own.
// Two passes never take the same message (core/outbox-lease.ts), as between replicas.

import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import cron, { type ScheduledTask } from "node-cron";
import { settleAmendments } from "../core/contacts/amendments.ts";
import { askDueContactChecks } from "../core/contacts/ask.ts";
import { remindUnansweredContactChecks } from "../core/contacts/remind.ts";
import type { CrisisEngine } from "../core/engine.ts";
import type { DeliveryChannel, DispatchResult } from "../core/outbox.ts";
import { remindUnconfirmedCopies } from "../core/plan-copies/distribute.ts";
import type { Logger } from "../logging.ts";

/** How often the plan file is read to mark proposed amendments applied. */
const SETTLE_EVERY_MS = 5 * 60_000;
/** Deliveries per dispatch pass after a command. */
const KICK_BATCH = 50;
/** Delivery passes at once in this process. */
const MAX_PASSES = 3;
/** A pass running longer than this is waiting on a slow platform: a new kick starts another. */
const SLOW_PASS_MS = 500;

export interface TickReport {
  at: Date;
  jobs: { done: number; lost: number; failed: number };
  deliveries: DispatchResult;
  durationMs: number;
}

const NOTHING: DispatchResult = { sent: 0, retried: 0, dead: 0 };

export class Scheduler {
  /**
   * Identifies this process's leases; another replica has its own. It starts with the instance
   * (host and port, see bindInstance), so a restart of the same instance knows its earlier run.
   */
  owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private instance: string | null = null;
  private task: ScheduledTask | null = null;
  private running: Promise<TickReport> | null = null;
  /** Delivery passes in progress; `overlapped`: another pass ran meanwhile. */
  private readonly passes = new Map<Promise<DispatchResult>, { overlapped: boolean }>();
  /** Start time of the current pass of the kick loop; null when no kick loop runs. */
  private kickPassStarted: number | null = null;
  private kickAgain = false;
  private stopped = false;
  lastTick: TickReport | null = null;
  /** Ask "Klopt dit nog?" when due, and mark the amendments the plan file now holds (app.ts). */
  askContacts = false;
  private amendmentsSettledAt = 0;

  constructor(
    private readonly engine: CrisisEngine,
    private readonly channels: ReadonlyMap<string, DeliveryChannel>,
    private readonly logger: Logger,
    private readonly tickSeconds: number,
  ) {}

  /**
   * Names this process after what only one live process can hold at a time (the host and the
   * port it listens on), and frees the leases an earlier run of it left when it was killed: they
   * are delivered at once rather than after their lease runs out. Call once listening.
   */
  async bindInstance(instance: string): Promise<void> {
    this.instance = `${instance}:`;
    this.owner = `${this.instance}${process.pid}:${randomUUID().slice(0, 8)}`;
    const freed = await this.engine.takeOverEarlierRun(this.instance, this.owner);
    if (freed > 0)
      this.logger.info({ freed, instance }, "resuming the work an earlier run left unfinished");
  }

  start(): void {
    const expression = this.tickSeconds === 60 ? "0 * * * * *" : `*/${this.tickSeconds} * * * * *`;
    this.task = cron.schedule(expression, () => this.runTick(false).then(() => undefined), {
      name: "ramp-tick",
      noOverlap: true,
      // A tick that outlasts its interval is normal under load; node-cron would print to stdout.
      logger: {
        info: (message) => this.logger.debug({ source: "node-cron" }, String(message)),
        warn: (message) => this.logger.debug({ source: "node-cron" }, String(message)),
        error: (message) => this.logger.error({ source: "node-cron" }, String(message)),
        debug: (message) => this.logger.trace({ source: "node-cron" }, String(message)),
      },
    });
    // What an earlier run left (or what is due) goes out now, not at the first tick.
    this.kick();
  }

  /**
   * Delivers the outbox now (after a command committed) rather than at the next tick, so a
   * clicked button updates its card at once. Coalesced: a burst of commands is one dispatch,
   * unless the pass in progress is held up by a slow platform call.
   */
  kick(): void {
    if (this.channels.size === 0 || this.stopped) return;
    const started = this.kickPassStarted;
    const kickLoopWillSeeIt = started !== null && performance.now() - started < SLOW_PASS_MS;
    if (kickLoopWillSeeIt || this.passes.size >= MAX_PASSES) {
      this.kickAgain = true;
      return;
    }
    this.kickPassStarted = performance.now();
    setImmediate(() => void this.kickPasses());
  }

  private async kickPasses(): Promise<void> {
    try {
      let full = false;
      do {
        this.kickAgain = false;
        this.kickPassStarted = performance.now();
        const result = await this.pass(KICK_BATCH);
        // A full batch (50 pages at once) means more is waiting: go on rather than wait a tick.
        full = result.sent + result.retried + result.dead >= KICK_BATCH;
      } while (this.kickAgain || full);
    } catch (error) {
      this.logger.error({ err: error }, "dispatch after command failed; the tick will retry");
    } finally {
      this.kickPassStarted = null;
    }
  }

  private pass(limit?: number): Promise<DispatchResult> {
    const pass = this.engine.dispatch(this.channels, this.owner, limit);
    for (const other of this.passes.values()) other.overlapped = true;
    const state = { overlapped: this.passes.size > 0 };
    this.passes.set(pass, state);
    const forget = (result?: DispatchResult) => {
      this.passes.delete(pass);
      // A pass that ran beside this one skipped the conversations this one held: what was
      // queued behind them is free now.
      const active = result !== undefined && result.sent + result.retried + result.dead > 0;
      if (state.overlapped && active) this.kickAgain = true;
      // A kick that found every pass busy, or the above: deliver it now.
      if (this.kickAgain && this.kickPassStarted === null) this.kick();
    };
    pass.then(forget, () => forget());
    return pass;
  }

  /** One tick now, its deliveries included; concurrent calls share the tick in progress. */
  tick(): Promise<TickReport> {
    return this.runTick(true);
  }

  /** `waitForDeliveries` false (the timer): a slow delivery pass must not hold up the next tick. */
  private runTick(waitForDeliveries: boolean): Promise<TickReport> {
    this.running ??= this.tickOnce(waitForDeliveries).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async tickOnce(waitForDeliveries: boolean): Promise<TickReport> {
    const started = performance.now();
    const at = new Date();
    try {
      // A tick goes on while jobs are due: what each batch queued is delivered as it commits.
      const jobs = await this.engine.runDueJobs(this.owner, undefined, () => this.kick());
      await remindUnconfirmedCopies(this.engine.ctx);
      if (this.askContacts) await this.contactDuties();
      let deliveries = NOTHING;
      if (this.channels.size > 0 && this.passes.size < MAX_PASSES) {
        const pass = this.pass();
        if (waitForDeliveries) deliveries = await pass;
        else
          pass.catch((error: unknown) => this.logger.error({ err: error }, "delivery pass failed"));
      }
      // "Its deliveries included": a pass kicked by one of this tick's job batches may hold what
      // the tick queued (this tick's own pass then finds it leased), so wait for those too.
      if (waitForDeliveries) await Promise.allSettled([...this.passes.keys()]);
      const report = { at, jobs, deliveries, durationMs: Math.round(performance.now() - started) };
      if (jobs.done + jobs.failed + deliveries.sent + deliveries.retried > 0)
        this.logger.debug(report, "tick");
      this.lastTick = report;
      return report;
    } catch (error) {
      // A database outage must not stop the ticks: the next one tries again.
      this.logger.error({ err: error }, "tick failed");
      return {
        at,
        jobs: { done: 0, lost: 0, failed: 0 },
        deliveries: NOTHING,
        durationMs: Math.round(performance.now() - started),
      };
    }
  }

  private async contactDuties(): Promise<void> {
    const { ctx } = this.engine;
    await askDueContactChecks(ctx);
    await remindUnansweredContactChecks(ctx);
    // Reading the plan file is not for every tick: every few minutes is soon enough.
    const now = Date.now();
    if (ctx.planFile && now - this.amendmentsSettledAt > SETTLE_EVERY_MS) {
      this.amendmentsSettledAt = now;
      try {
        await settleAmendments(ctx.store, await ctx.planFile.read(), ctx.clock.now());
      } catch (error) {
        this.logger.warn({ err: error }, "proposed amendments: the plan file could not be read");
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.task?.destroy();
    this.task = null;
    await this.running;
    await Promise.allSettled([...this.passes.keys()]);
  }
}
