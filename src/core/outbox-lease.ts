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

export async function leaseDue(
  ctx: EngineContext,
  now: Date,
  owner: string,
  leaseUntil: Date,
  limit: number,
): Promise<OutboxItem[]> {
  const due = await ctx.store.outbox.listDue(now, limit);
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
  // In the order they were queued across incidents, as before.
  const order = new Map(due.map((item, i) => [item.id, i]));
  return leased.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}
