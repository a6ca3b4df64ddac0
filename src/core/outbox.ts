// Delivering the outbox: every message was persisted with the change that caused it; here each
// is leased, handed to its channel (Slack, Teams, web) and marked sent. A failure is retried
// with backoff (or the platform's Retry-After), so an outage of Slack or Teams loses nothing.
//
// Conversations are delivered side by side (a few at once), each in order: one hung DM holds up
// its own conversation only. Leases are short and renewed while the pass runs, so a replica that
// died leaves its work to the others within LEASE_MS, and one that is slow keeps what it took.
// Before a message's request leaves, the attempt is recorded: after a crash or a timeout the
// next attempt knows the outcome is unknown and asks the channel to look before sending again.
import type { EngineContext } from "./context.ts";
import type { OutboxItem } from "./model.ts";
import { conversationOf, leaseDue } from "./outbox-lease.ts";
import { announceUndeliverable } from "./outbox-undeliverable.ts";

/** Implemented by each adapter: renders the delivery for its platform and sends it. */
export interface DeliveryChannel {
  readonly name: string;
  /**
   * Returns the platform's reference of the message (e.g. Slack ts), or null. `item.attemptedAt`
   * set: an earlier attempt may have arrived (its outcome is unknown); look before sending again.
   */
  deliver(item: OutboxItem): Promise<string | null>;
}

/**
 * What a failed attempt means: `retryable` (not delivered: try again later), `permanent` (never
 * deliverable: given up, the coordinator is told) or `unknown` (the request left and no answer
 * came back: it may have arrived, so the next attempt reconciles first).
 */
export type DeliveryOutcome = "retryable" | "permanent" | "unknown";

/** Thrown by a channel: `retryAfterMs` from the platform (429), and what the failure means. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly options: {
      retryAfterMs?: number;
      permanent?: boolean;
      outcome?: DeliveryOutcome;
    } = {},
  ) {
    super(message);
    this.name = "DeliveryError";
  }

  get outcome(): DeliveryOutcome {
    return this.options.outcome ?? (this.options.permanent ? "permanent" : "retryable");
  }
}

/** How long a lease holds without renewal: a dead replica's work is free again after this. */
export const LEASE_MS = 15_000;
/** Leases of a running pass are renewed this often (well within LEASE_MS). */
export const RENEW_MS = 5_000;
/** Conversations delivered at once by one pass (each in order). */
export const CONVERSATIONS_AT_ONCE = 8;
/** Conversations of no incident (plan copies, contact checks) delivered at once by one pass. */
export const HOUSEKEEPING_AT_ONCE = 2;
const MAX_BACKOFF_MS = 5 * 60_000;
/** An unknown outcome is looked up soon: its conversation waits for it, to keep the order. */
const UNKNOWN_RETRY_MS = 2_000;
/** After this many attempts (about a day with the capped backoff) a message is set aside as dead. */
const MAX_ATTEMPTS = 300;

export interface DispatchResult {
  sent: number;
  retried: number;
  dead: number;
}

export async function dispatchOutbox(
  ctx: EngineContext,
  channels: ReadonlyMap<string, DeliveryChannel>,
  owner: string,
  limit = 50,
): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, retried: 0, dead: 0 };
  const now = ctx.clock.now();
  const items = await leaseDue(ctx, now, owner, leaseEnd(ctx), limit);
  if (items.length === 0) return result;
  const held = new Set(items.map((item) => item.id));
  const renewal = setInterval(() => void renew(ctx, owner, held), RENEW_MS);
  renewal.unref();
  try {
    const queues = new Map<string, OutboxItem[]>();
    for (const item of items) {
      const key = conversationOf(item);
      queues.set(key, [...(queues.get(key) ?? []), item]);
    }
    // Housekeeping (plan copies, contact checks: no incident) goes a few at a time beside an
    // incident's conversations, so a pass of 50 plan copies does not crowd out the pages.
    const all = [...queues.values()];
    const deliver = (queue: OutboxItem[]) =>
      deliverInOrder(ctx, channels, owner, queue, held, result);
    await Promise.all([
      eachAtMost(
        CONVERSATIONS_AT_ONCE,
        all.filter((queue) => queue.some((item) => item.incidentId !== null)),
        deliver,
      ),
      eachAtMost(
        HOUSEKEEPING_AT_ONCE,
        all.filter((queue) => queue.every((item) => item.incidentId === null)),
        deliver,
      ),
    ]);
  } finally {
    clearInterval(renewal);
  }
  return result;
}

const leaseEnd = (ctx: EngineContext) => new Date(ctx.clock.now().getTime() + LEASE_MS);

async function renew(ctx: EngineContext, owner: string, held: Set<string>): Promise<void> {
  if (held.size === 0) return;
  try {
    const kept = new Set(await ctx.store.outbox.renew([...held], owner, leaseEnd(ctx)));
    for (const id of held) {
      if (kept.has(id)) continue;
      held.delete(id);
      ctx.log.warn({ outboxId: id, owner }, "delivery lease lost; another deliverer has it");
    }
  } catch (error) {
    ctx.log.warn({ err: error }, "could not renew delivery leases; retrying");
  }
}

/**
 * One conversation's messages, in order. After an attempt whose outcome is unknown the rest wait
 * until it is known (they are released, and core/outbox-lease.ts holds them back); after one that
 * surely failed, the others go on (cards are rendered from the current state when delivered).
 */
async function deliverInOrder(
  ctx: EngineContext,
  channels: ReadonlyMap<string, DeliveryChannel>,
  owner: string,
  queue: OutboxItem[],
  held: Set<string>,
  result: DispatchResult,
): Promise<void> {
  for (const [index, item] of queue.entries()) {
    if (!held.has(item.id)) return;
    const outcome = await deliverOne(ctx, channels, owner, item, result).finally(() =>
      held.delete(item.id),
    );
    if (outcome !== "unknown") continue;
    const rest = queue.slice(index + 1).filter((later) => held.has(later.id));
    for (const later of rest) held.delete(later.id);
    if (rest.length > 0)
      await ctx.store.outbox.release(
        rest.map((later) => later.id),
        owner,
      );
    return;
  }
}

async function deliverOne(
  ctx: EngineContext,
  channels: ReadonlyMap<string, DeliveryChannel>,
  owner: string,
  item: OutboxItem,
  result: DispatchResult,
): Promise<"sent" | DeliveryOutcome> {
  const channel = channels.get(item.channel);
  let delivered = false;
  try {
    if (!channel) throw new DeliveryError(`no delivery channel "${item.channel}" is configured`);
    // Stored before the request leaves: a crash from here on leaves the outcome unknown.
    await ctx.store.outbox.markAttempt(item.id, owner, item.attemptedAt ?? ctx.clock.now());
    const ref = await channel.deliver(item);
    delivered = true;
    if (!(await ctx.store.outbox.markSent(item.id, owner, ctx.clock.now(), ref)))
      ctx.log.error({ outboxId: item.id }, "delivered after losing the lease");
    result.sent += 1;
    return "sent";
  } catch (error) {
    // Delivered, but not recorded as sent (the database stalled): the next attempt must find it
    // rather than post it again, so its outcome counts as unknown.
    const outcome = delivered
      ? "unknown"
      : error instanceof DeliveryError
        ? error.outcome
        : "retryable";
    const retryAfterMs = error instanceof DeliveryError ? error.options.retryAfterMs : undefined;
    const attempts = item.attempts + 1;
    const dead = outcome === "permanent" || attempts >= MAX_ATTEMPTS;
    const backoff =
      retryAfterMs ??
      (outcome === "unknown"
        ? Math.min(MAX_BACKOFF_MS, UNKNOWN_RETRY_MS * 2 ** Math.min(attempts - 1, 8))
        : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 12)));
    const failure = {
      error: (error as Error).message,
      retryAt: new Date(ctx.clock.now().getTime() + backoff),
      dead,
      // Still to be looked up next time: this attempt may have arrived, or an earlier one whose
      // look-up has not succeeded yet. Cleared when it is known not to have arrived.
      unknown: outcome === "unknown" || (Boolean(item.attemptedAt) && outcome !== "permanent"),
    };
    if (dead) {
      result.dead += 1;
      await announceUndeliverable(ctx, item, owner, failure);
      ctx.log.error({ outboxId: item.id, channel: item.channel, err: error }, "delivery given up");
    } else {
      result.retried += 1;
      await ctx.store.outbox.markFailed(item.id, owner, failure);
      ctx.log.warn(
        { outboxId: item.id, channel: item.channel, attempts, outcome, err: failure.error },
        "delivery failed; will retry",
      );
    }
    return dead ? "permanent" : outcome;
  }
}

/** Runs `work` on every item, at most `limit` at once. */
async function eachAtMost<T>(
  limit: number,
  items: T[],
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
