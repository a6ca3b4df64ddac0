// The tick: every RAMP_TICK_SECONDS, ask the core what is due (pages to escalate, reminders,
// overdue deadlines) and deliver the outbox. The tick is thin on purpose: the rows in the
// database decide what happens, so a restart or a second replica changes nothing.

import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import cron, { type ScheduledTask } from "node-cron";
import type { CrisisEngine } from "../core/engine.ts";
import type { DeliveryChannel } from "../core/outbox.ts";
import { remindUnconfirmedCopies } from "../core/plan-copies/distribute.ts";
import type { Logger } from "../logging.ts";

/** Deliveries per dispatch pass after a command. */
const KICK_BATCH = 50;

export interface TickReport {
  at: Date;
  jobs: { done: number; lost: number; failed: number };
  deliveries: { sent: number; retried: number; dead: number };
  durationMs: number;
}

export class Scheduler {
  /** Identifies this process's leases; another replica has its own. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private task: ScheduledTask | null = null;
  private running: Promise<TickReport> | null = null;
  private kicking = false;
  private kickAgain = false;
  lastTick: TickReport | null = null;

  constructor(
    private readonly engine: CrisisEngine,
    private readonly channels: ReadonlyMap<string, DeliveryChannel>,
    private readonly logger: Logger,
    private readonly tickSeconds: number,
  ) {}

  start(): void {
    const expression = this.tickSeconds === 60 ? "0 * * * * *" : `*/${this.tickSeconds} * * * * *`;
    this.task = cron.schedule(expression, () => this.tick().then(() => undefined), {
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
  }

  /**
   * Delivers the outbox now (after a command committed) rather than at the next tick, so a
   * clicked button updates its card at once. Coalesced: a burst of commands is one dispatch.
   */
  kick(): void {
    if (this.channels.size === 0 || this.kicking) {
      if (this.kicking) this.kickAgain = true;
      return;
    }
    this.kicking = true;
    setImmediate(async () => {
      try {
        let full = false;
        do {
          this.kickAgain = false;
          const result = await this.engine.dispatch(this.channels, this.owner, KICK_BATCH);
          // A full batch (50 pages at once) means more is waiting: go on rather than wait a tick.
          full = result.sent + result.retried + result.dead >= KICK_BATCH;
        } while (this.kickAgain || full);
      } catch (error) {
        this.logger.error({ err: error }, "dispatch after command failed; the tick will retry");
      } finally {
        this.kicking = false;
      }
    });
  }

  /** One tick now; concurrent calls share the tick in progress. */
  tick(): Promise<TickReport> {
    this.running ??= this.runTick().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runTick(): Promise<TickReport> {
    const started = performance.now();
    const at = new Date();
    try {
      const jobs = await this.engine.runDueJobs(this.owner);
      await remindUnconfirmedCopies(this.engine.ctx);
      const deliveries =
        this.channels.size > 0
          ? await this.engine.dispatch(this.channels, this.owner)
          : { sent: 0, retried: 0, dead: 0 };
      const report = { at, jobs, deliveries, durationMs: Math.round(performance.now() - started) };
      if (jobs.done + jobs.failed + deliveries.sent + deliveries.retried > 0)
        this.logger.debug(report, "tick");
      this.lastTick = report;
      return report;
    } catch (error) {
      // A database outage must not stop the ticks: the next one tries again.
      this.logger.error({ err: error }, "tick failed");
      const report = {
        at,
        jobs: { done: 0, lost: 0, failed: 0 },
        deliveries: { sent: 0, retried: 0, dead: 0 },
        durationMs: Math.round(performance.now() - started),
      };
      return report;
    }
  }

  async stop(): Promise<void> {
    await this.task?.destroy();
    this.task = null;
    await this.running;
  }
}
