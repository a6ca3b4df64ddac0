// A reminder to whoever has not answered "Klopt dit nog?" within the plan's contacts.remindAfter,
// again each time that passes, until they answer or the next round asks anew. The same request,
// so an answer to the first message or to any reminder counts; each reminder is marked on the
// request with its message in one transaction, so a restart or a second replica sends it once.
import type { EngineContext } from "../context.ts";
import { contactCheckMessage } from "./ask.ts";

/** Queues the reminders that are due; returns how many were queued. */
export async function remindUnansweredContactChecks(ctx: EngineContext): Promise<number> {
  const term = ctx.dir.plan.contacts.remindAfter * 60_000;
  const now = ctx.clock.now();
  let reminded = 0;
  for (const check of await ctx.store.contactChecks.listLatest()) {
    const channel = check.channel;
    // Nobody to remind: answered, no channel reached them, or no longer in the plan.
    if (check.answeredAt || !channel || !ctx.dir.person(check.personId)) continue;
    const since = check.remindedAt ?? check.askedAt;
    if (now.getTime() - since.getTime() < term) continue;
    const queued = await ctx.store.transaction(async (tx) => {
      if (!(await tx.contactChecks.claimReminder(check.id, check.remindedAt, now))) return false;
      await tx.outbox.enqueue([contactCheckMessage(ctx, check, channel, now, true)]);
      return true;
    });
    if (queued) reminded += 1;
  }
  if (reminded > 0) {
    ctx.log.info({ reminded }, "contact check reminders queued");
    ctx.onCommitted?.();
  }
  return reminded;
}
