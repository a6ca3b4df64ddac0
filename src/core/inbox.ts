// The inbox: every interaction from a platform (a slash command, a click, a form) is stored with
// the platform's own unique key in one short insert before it is acknowledged, then processed
// from here. A redelivery (the same key) is acknowledged and not run again; a row left
// unprocessed by a crash is processed once, by the next process (or replica) that finds its
// lease expired. See inbox-scope.ts for how the row is marked in the state change's transaction.
import type { EngineContext } from "./context.ts";
import { InboxAlreadyProcessed, inboxCommitted, inInboxScope } from "./inbox-scope.ts";
import type { InboxItem } from "./ports.ts";

/**
 * How long a process that stopped renewing holds an interaction before another may take it over:
 * a process that died holds its rows this long. Processing usually takes well under a second,
 * but a loaded machine or a stalled database can make it take longer than this, so the process
 * renews the lease while it works (every third of it), and a second replica never runs, or
 * answers, the same interaction again.
 */
export const INBOX_LEASE_MS = 10_000;
const RETRY_MS = 5_000;
/** An interaction that keeps failing (not a crash: an error) is given up after this many tries. */
const MAX_ATTEMPTS = 3;

/**
 * Runs one stored interaction and answers it. `live`: right after the acknowledgement, in the
 * process that received it; false when a later process recovers it (what needed the
 * platform's short-lived trigger, such as opening a form, cannot be done then).
 */
export type InboxHandler = (payload: unknown, live: boolean, item: InboxItem) => Promise<void>;

export interface InboxOptions {
  /** Identifies this process's leases. */
  owner: string;
  leaseMs?: number;
  /** Test-only fault injection (see src/failpoints.ts); inert in production. */
  failpoint?: (name: InboxFailpoint) => Promise<void>;
}

export type InboxFailpoint = "after-inbox-ack" | "after-inbox-commit";

export class Inbox {
  private readonly handlers = new Map<string, InboxHandler>();
  /** Rows this process is processing now: its own recovery must not take them up as well. */
  private readonly running = new Set<string>();
  private readonly leaseMs: number;

  constructor(
    private readonly ctx: EngineContext,
    private readonly options: InboxOptions,
  ) {
    this.leaseMs = options.leaseMs ?? INBOX_LEASE_MS;
  }

  handle(kind: string, handler: InboxHandler): void {
    this.handlers.set(kind, handler);
  }

  /**
   * Stores an interaction: the row, or null when its key was seen before (a redelivery, to
   * acknowledge without running). Throws when the database cannot take it: the caller must then
   * not acknowledge it as a success.
   */
  async receive(
    platform: string,
    key: string,
    kind: string,
    payload: unknown,
  ): Promise<InboxItem | null> {
    const now = this.ctx.clock.now();
    const item = await this.ctx.store.inbox.receive(
      {
        id: this.ctx.ids.next(),
        platform,
        key: key.slice(0, 500),
        kind,
        payload: JSON.stringify(payload),
        receivedAt: now,
      },
      this.options.owner,
      new Date(now.getTime() + this.leaseMs),
    );
    if (!item) this.ctx.log.info({ platform, key, kind }, "inbox: redelivery, not run again");
    return item;
  }

  protected handlerFor(kind: string): InboxHandler {
    const handler = this.handlers.get(kind);
    if (!handler) throw new Error(`no inbox handler for ${kind}`);
    return handler;
  }

  /** Processes a row this process received (live) or took over from a dead one. */
  async process(item: InboxItem, live = true): Promise<void> {
    if (this.running.has(item.id)) return;
    this.running.add(item.id);
    const renewal = this.keepLease(item);
    try {
      if (live) await this.options.failpoint?.("after-inbox-ack");
      const handler = this.handlerFor(item.kind);
      const failpoint = this.options.failpoint;
      await inInboxScope(
        {
          id: item.id,
          completed: false,
          ...(failpoint ? { afterCommit: () => void failpoint("after-inbox-commit") } : {}),
        },
        () => handler(JSON.parse(item.payload), live, item),
      );
      // A command that changed nothing (status, help, a refusal) is marked once answered; one
      // that changed state was marked in its own transaction, and this finds it done.
      await this.ctx.store.inbox.complete(item.id, this.ctx.clock.now());
      if (!live) this.ctx.log.info({ inboxId: item.id, kind: item.kind }, "inbox: recovered");
    } catch (error) {
      if (error instanceof InboxAlreadyProcessed) {
        this.ctx.log.info({ inboxId: item.id, kind: item.kind }, "inbox: already processed");
        return;
      }
      await this.failed(item, error);
    } finally {
      clearInterval(renewal);
      this.running.delete(item.id);
    }
  }

  /** Renews this process's lease of `item` while it processes it; clear the interval after. */
  private keepLease(item: InboxItem): NodeJS.Timeout {
    const renewal = setInterval(() => {
      const until = new Date(this.ctx.clock.now().getTime() + this.leaseMs);
      this.ctx.store.inbox.renew(item.id, this.options.owner, until).catch((error: unknown) => {
        this.ctx.log.warn({ err: error, inboxId: item.id }, "inbox: could not renew the lease");
      });
    }, this.leaseMs / 3);
    renewal.unref();
    return renewal;
  }

  /**
   * Processes, once, the rows nobody holds: left by a process that died between storing and
   * processing them (at start-up and on every tick, so a dead replica's rows are taken over).
   */
  async recover(limit = 20): Promise<number> {
    const now = this.ctx.clock.now();
    const items = await this.ctx.store.inbox.leaseExpired(
      now,
      this.options.owner,
      new Date(now.getTime() + this.leaseMs),
      limit,
    );
    for (const item of items) {
      this.ctx.log.warn(
        { inboxId: item.id, kind: item.kind, receivedAt: item.receivedAt, attempts: item.attempts },
        "inbox: processing an interaction left unprocessed",
      );
      await this.process(item, false);
    }
    return items.length;
  }

  private async failed(item: InboxItem, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const now = this.ctx.clock.now();
    try {
      if (item.attempts >= MAX_ATTEMPTS) {
        await this.ctx.store.inbox.complete(item.id, now, "failed", message);
        this.ctx.log.error(
          { err: error, inboxId: item.id, kind: item.kind },
          "inbox: interaction given up",
        );
      } else {
        await this.ctx.store.inbox.release(
          item.id,
          this.options.owner,
          message,
          new Date(now.getTime() + RETRY_MS),
        );
        this.ctx.log.warn(
          { err: error, inboxId: item.id, kind: item.kind },
          "inbox: processing failed; tried again later",
        );
      }
    } catch (storeError) {
      // The database is away: the row keeps its lease, and is taken up once that expires.
      this.ctx.log.error({ err: storeError, inboxId: item.id }, "inbox: could not record failure");
    }
  }
}

export { inboxCommitted };
