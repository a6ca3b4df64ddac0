// Runs a command against one incident: one transaction, the incident's lock taken first,
// its changes collected in a Work and flushed before commit.
import type { Actor } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import { RampError } from "./errors.ts";
import { completeInboxIn, inboxCommitted } from "./inbox-scope.ts";
import type { Incident } from "./model.ts";
import type { Repositories } from "./ports.ts";
import { Work } from "./work.ts";

export async function onIncident<T>(
  ctx: EngineContext,
  incidentId: string,
  command: (work: Work, incident: Incident, tx: Repositories) => Promise<T>,
  options: { allowClosed?: boolean } = {},
): Promise<T> {
  const result = await ctx.store.transaction(async (tx) => {
    const incident = await tx.incidents.lock(incidentId);
    if (!incident) throw new RampError("incident-not-found", { id: incidentId });
    if (incident.status === "closed" && !options.allowClosed) {
      throw new RampError("incident-closed", { number: incident.number });
    }
    const work = new Work(ctx, tx, incident, ctx.clock.now());
    const value = await command(work, incident, tx);
    await work.flush();
    // The interaction that asked for this change is done in the same commit (see inbox-scope.ts).
    if (work.written.length > 0) await completeInboxIn(tx, work.now);
    return value;
  });
  inboxCommitted();
  ctx.onCommitted?.();
  return result;
}

export function requireLeader(
  ctx: EngineContext,
  actor: Actor,
  action: { nl: string; en: string },
): void {
  if (actor.source === "system") return;
  if (!ctx.dir.isLeader(actor.personId)) {
    ctx.log.warn({ personId: actor.personId, action: action.en }, "refused: not coordinator");
    throw new RampError("not-coordinator", { action: action.nl, actionEn: action.en });
  }
}

export function requireKnown(ctx: EngineContext, actor: Actor): void {
  if (actor.source !== "system" && !ctx.dir.person(actor.personId)) {
    ctx.log.warn({ personId: actor.personId }, "refused: not in plan");
    throw new RampError("not-in-plan");
  }
}
