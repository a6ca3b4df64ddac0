// "Klopt dit nog?" on the plan's cadence (contacts.confirmEvery): everyone in the plan is asked,
// privately, to confirm their own contact details. Each request is a row (person, round) written
// with its outbox message in one transaction; a restart or a second replica that finds the row
// asks nothing again.
import type { EngineContext } from "../context.ts";
import type { OutboxItem } from "../model.ts";
import { copyChannel } from "../plan-copies/distribute.ts";
import { onceAcrossReplicas } from "../ports.ts";
import { addMonthsLocal } from "../practice/calendar.ts";
import type { ContactCheck } from "./model.ts";

/** When the person's next request is due: a term after the last one; now when never asked. */
export function nextContactCheckDue(ctx: EngineContext, last: ContactCheck | null): Date | null {
  if (!last) return null;
  const { months, minutes } = ctx.dir.plan.contacts.confirmEvery;
  const base = months > 0 ? addMonthsLocal(last.askedAt, months, ctx.dir.timeZone) : last.askedAt;
  return new Date(base.getTime() + minutes * 60_000);
}

export function contactCheckMessage(
  ctx: EngineContext,
  check: Pick<ContactCheck, "id" | "personId" | "round">,
  channel: string,
  now: Date,
  reminder = false,
): Omit<OutboxItem, "attempts"> {
  return {
    id: ctx.ids.next(),
    incidentId: null,
    dedupeKey: `contact-check:${check.personId}:${check.round}${reminder ? `:reminder:${now.getTime()}` : ""}`,
    channel,
    audience: { kind: "person", personId: check.personId },
    delivery: {
      type: "contact-check",
      check: { id: check.id, personId: check.personId, ...(reminder ? { reminder } : {}) },
    },
    createdAt: now,
  };
}

/** Records and queues the requests that are due; returns how many were queued. */
export async function askDueContactChecks(ctx: EngineContext): Promise<number> {
  const now = ctx.clock.now();
  const latest = new Map(
    (await ctx.store.contactChecks.listLatest()).map((check) => [check.personId, check]),
  );
  let queued = 0;
  for (const person of ctx.dir.plan.people) {
    const last = latest.get(person.id) ?? null;
    const due = nextContactCheckDue(ctx, last);
    if (due && due > now) continue;
    const channel = copyChannel(ctx, person.id);
    const check: ContactCheck = {
      id: ctx.ids.next(),
      personId: person.id,
      round: (last?.round ?? 0) + 1,
      planHash: ctx.dir.planHash,
      channel,
      askedAt: now,
      answer: null,
      answeredAt: null,
      answerData: null,
      remindedAt: null,
    };
    const claim = () =>
      ctx.store.transaction(async (tx) => {
        if (!(await tx.contactChecks.claim(check))) return false;
        if (channel) await tx.outbox.enqueue([contactCheckMessage(ctx, check, channel, now)]);
        return true;
      });
    const claimed = await onceAcrossReplicas(claim);
    if (claimed && channel) queued += 1;
    if (claimed && !channel)
      ctx.log.warn({ personId: person.id }, "contact check: no channel reaches this person");
  }
  if (queued > 0) {
    ctx.log.info({ queued }, "contact checks queued");
    ctx.onCommitted?.();
  }
  return queued;
}
