// Delivering the outbox: every message was persisted with the change that caused it; here each
// is leased, handed to its channel (Slack, Teams, web) and marked sent. A failure is retried
// with backoff (or the platform's Retry-After), so an outage of Slack or Teams loses nothing.
import type { EngineContext } from "./context.ts";
import type { OutboxItem } from "./model.ts";
import { leaseDue } from "./outbox-lease.ts";

/** Implemented by each adapter: renders the delivery for its platform and sends it. */
export interface DeliveryChannel {
  readonly name: string;
  /** Returns the platform's reference of the message (e.g. Slack ts), or null. */
  deliver(item: OutboxItem): Promise<string | null>;
}

/** Thrown by a channel: `retryAfterMs` from the platform (429), `permanent` for a message that can never be delivered. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly options: { retryAfterMs?: number; permanent?: boolean } = {},
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 5 * 60_000;
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
  const items = await leaseDue(ctx, now, owner, new Date(now.getTime() + LEASE_MS), limit);
  // Per incident and channel in order, so card updates arrive in the order they happened.
  for (const item of items) {
    const channel = channels.get(item.channel);
    try {
      if (!channel) throw new DeliveryError(`no delivery channel "${item.channel}" is configured`);
      const ref = await channel.deliver(item);
      await ctx.store.outbox.markSent(item.id, owner, ctx.clock.now(), ref);
      result.sent += 1;
    } catch (error) {
      const options = error instanceof DeliveryError ? error.options : {};
      const attempts = item.attempts + 1;
      const dead = Boolean(options.permanent) || attempts >= MAX_ATTEMPTS;
      const backoff =
        options.retryAfterMs ?? Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 12));
      await ctx.store.outbox.markFailed(
        item.id,
        owner,
        (error as Error).message,
        new Date(ctx.clock.now().getTime() + backoff),
        dead,
      );
      if (dead) {
        result.dead += 1;
        ctx.log.error(
          { outboxId: item.id, channel: item.channel, err: error },
          "delivery given up",
        );
      } else {
        result.retried += 1;
        ctx.log.warn(
          { outboxId: item.id, channel: item.channel, attempts, err: (error as Error).message },
          "delivery failed; will retry",
        );
      }
    }
  }
  return result;
}
