// Copies that follow the plan: when Ramp runs a plan version (content hash) it has not handed
// out yet, every holder gets their own copy, privately, once. The copy row (plan hash + person)
// and its outbox message are written in one transaction; a restart or a second replica finds
// the row and sends nothing again.
import type { EngineContext } from "../context.ts";
import type { OutboxItem, PlanCopy } from "../model.ts";
import { copyHolders } from "../plan-document/holders.ts";
import { onceAcrossReplicas } from "../ports.ts";
import { SMS_CHANNEL } from "../work.ts";

/** The one channel a copy goes out on: the first chat platform that reaches the person, else SMS. */
export function copyChannel(ctx: EngineContext, personId: string): string | null {
  const person = ctx.dir.person(personId);
  if (!person) return null;
  const reaches = (channel: string) =>
    channel === "slack"
      ? Boolean(person.slackUserId)
      : channel === "teams"
        ? Boolean(person.teamsUserId)
        : channel === SMS_CHANNEL
          ? Boolean(person.mobile)
          : true;
  const chat = ctx.channels.find((c) => c !== SMS_CHANNEL && reaches(c));
  if (chat) return chat;
  return ctx.channels.includes(SMS_CHANNEL) && reaches(SMS_CHANNEL) ? SMS_CHANNEL : null;
}

export function copyMessage(
  ctx: EngineContext,
  copy: Pick<PlanCopy, "planHash" | "personId">,
  channel: string,
  reminder: boolean,
  now: Date,
): Omit<OutboxItem, "attempts"> {
  return {
    id: ctx.ids.next(),
    incidentId: null,
    dedupeKey: `plan-copy:${copy.planHash}:${copy.personId}:${reminder ? `reminder:${now.getTime()}` : "copy"}`,
    channel,
    audience: { kind: "person", personId: copy.personId },
    delivery: {
      type: "plan-copy",
      copy: { planHash: copy.planHash, personId: copy.personId, reminder },
    },
    createdAt: now,
  };
}

/** Records and queues the copies of the running plan not handed out yet; returns how many. */
export async function distributePlanCopies(ctx: EngineContext): Promise<number> {
  const { plan, planHash } = ctx.dir;
  let queued = 0;
  for (const holder of copyHolders(plan)) {
    const channel = copyChannel(ctx, holder.id);
    const copy: PlanCopy = {
      planHash,
      personId: holder.id,
      version: plan.document.version,
      channel,
      createdAt: ctx.clock.now(),
      confirmedAt: null,
      remindedAt: null,
    };
    const claim = () =>
      ctx.store.transaction(async (tx) => {
        if (!(await tx.planCopies.claim(copy))) return false;
        if (channel)
          await tx.outbox.enqueue([copyMessage(ctx, copy, channel, false, copy.createdAt)]);
        return true;
      });
    const claimed = await onceAcrossReplicas(claim);
    if (claimed) {
      queued += channel ? 1 : 0;
      if (!channel)
        ctx.log.warn(
          { personId: holder.id },
          "plan copy: no delivery channel reaches this holder; the board lists them",
        );
    }
  }
  if (queued > 0) {
    ctx.log.info({ planHash, version: plan.document.version, queued }, "plan copies queued");
    ctx.onCommitted?.();
  }
  return queued;
}

/** Reminds, once per term and across replicas, the holders who have not confirmed their copy. */
export async function remindUnconfirmedCopies(ctx: EngineContext): Promise<number> {
  const { planHash, plan } = ctx.dir;
  const term = plan.copies.confirmWithin * 60_000;
  const now = ctx.clock.now();
  let reminded = 0;
  for (const copy of await ctx.store.planCopies.listForPlan(planHash)) {
    if (copy.confirmedAt || !copy.channel) continue;
    const since = copy.remindedAt ?? copy.createdAt;
    if (now.getTime() - since.getTime() < term) continue;
    const channel = copy.channel;
    const sent = await ctx.store.transaction(async (tx) => {
      if (!(await tx.planCopies.claimReminder(planHash, copy.personId, copy.remindedAt, now)))
        return false;
      await tx.outbox.enqueue([copyMessage(ctx, copy, channel, true, now)]);
      return true;
    });
    if (sent) reminded += 1;
  }
  if (reminded > 0) ctx.log.info({ planHash, reminded }, "plan copy reminders queued");
  return reminded;
}

/** "Ontvangen": false for a copy Ramp has no record of (e.g. of another Ramp's plan). */
export function confirmPlanCopy(
  ctx: EngineContext,
  planHash: string,
  personId: string,
): Promise<boolean> {
  return ctx.store.planCopies.confirm(planHash, personId, ctx.clock.now());
}
