// Taking messages to deliver, one deliverer per conversation at a time. Two replicas (or the
// kick after a command and the scheduler's tick) delivering in the same conversation at once
// could both find a card not posted yet and both post it, both create the incident's Slack
// channel, or deliver a card's updates out of order. So a message is only taken when no one is
// delivering in its conversation now; the incident's lock makes that check and the taking one
// step for every replica sharing the database.
import type { EngineContext } from "./context.ts";
import type { OutboxItem } from "./model.ts";

/** Where a message goes: one platform's channel of an incident, or one person's chat. */
export function conversationOf(item: OutboxItem): string {
  const { audience } = item;
  const target =
    audience.kind === "person" ? `person:${audience.personId}` : `incident:${audience.incidentId}`;
  return `${item.channel}|${target}`;
}

/**
 * An incident's messages (pages, task cards, reminders) go before those of no incident (plan
 * copies and "Klopt dit nog?" queued at start), then by time. Only the two kinds trade places:
 * within a conversation an incident's messages, and the others, keep the order they were queued.
 */
function incidentFirst(a: OutboxItem, b: OutboxItem): number {
  const housekeeping = Number(a.incidentId === null) - Number(b.incidentId === null);
  return housekeeping || a.createdAt.getTime() - b.createdAt.getTime();
}

export async function leaseDue(
  ctx: EngineContext,
  now: Date,
  owner: string,
  leaseUntil: Date,
  limit: number,
): Promise<OutboxItem[]> {
  // A window per channel: one platform's backlog (Slack down, its messages held back behind an
  // unknown outcome) must not fill the window and starve another's (the SMS pages and answers).
  const due = (
    await Promise.all(ctx.channels.map((channel) => ctx.store.outbox.listDue(now, limit, channel)))
  )
    .flat()
    // Stable: each channel keeps the database's order (time, then key).
    .sort(incidentFirst);
  const byIncident = new Map<string | null, OutboxItem[]>();
  for (const item of due) {
    const group = byIncident.get(item.incidentId) ?? [];
    group.push(item);
    byIncident.set(item.incidentId, group);
  }
  const leased: OutboxItem[] = [];
  for (const [incidentId, items] of byIncident) {
    const taken = await ctx.store.transaction(async (tx) => {
      if (incidentId) await tx.incidents.lock(incidentId);
      const busy = new Set((await tx.outbox.listBusy(incidentId, now)).map(conversationOf));
      const mine: OutboxItem[] = [];
      for (const item of items) {
        const conversation = conversationOf(item);
        // Behind a message someone else is delivering: wait for the next pass, keeping the order.
        if (busy.has(conversation)) continue;
        if (await tx.outbox.lease(item.id, now, owner, leaseUntil)) mine.push(item);
        else busy.add(conversation);
      }
      return mine;
    });
    leased.push(...taken);
  }
  // An incident's first, then in the order they were queued, across incidents.
  const order = new Map(due.map((item, i) => [item.id, i]));
  return leased.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}
