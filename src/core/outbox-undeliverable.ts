// A message that can never be delivered (Slack: channel_not_found, user_not_found; Teams: 403
// from the connector, …) is given up once, not retried for a day: in the same transaction it is
// set aside, written on the timeline (so the review shows who was not reached, and why) and the
// coordinator is told privately, so a person can be called instead.
import { proposeFromRefusedSms } from "./contacts/unreachable.ts";
import type { EngineContext } from "./context.ts";
import type { Incident, OutboxItem } from "./model.ts";
import type { OutboxFailure, Repositories } from "./ports.ts";
import { SMS_CHANNEL, Work } from "./work.ts";

const PLATFORM: Record<string, string> = { slack: "Slack", teams: "Teams", sms: "sms", web: "web" };

export async function announceUndeliverable(
  ctx: EngineContext,
  item: OutboxItem,
  owner: string,
  failure: OutboxFailure,
): Promise<void> {
  const told = await ctx.store.transaction(async (tx) => {
    const incident = item.incidentId ? await tx.incidents.lock(item.incidentId) : null;
    await tx.outbox.markFailed(item.id, owner, failure);
    // A number the SMS gateway refuses for good: the plan's maintainer is asked to check it.
    const proposed =
      item.channel === SMS_CHANNEL && item.audience.kind === "person"
        ? await proposeFromRefusedSms(
            ctx,
            tx,
            item.audience.personId,
            failure.error,
            ctx.clock.now(),
          )
        : 0;
    const announced = await tellCoordinator(
      ctx,
      tx,
      incident,
      item,
      reasonOf(failure),
      failure.error,
    );
    return announced || proposed > 0;
  });
  // The coordinator's notices go out now, not at the next tick.
  if (told) ctx.onCommitted?.();
}

/**
 * A message the platform took and later reported as not delivered (an SMS provider's delivery
 * receipt: the phone is off, the number is a landline): written on the timeline and told to the
 * coordinator once, as a refused message is. The message itself stays sent: nothing is retried.
 */
export async function announceNotDelivered(
  ctx: EngineContext,
  item: OutboxItem,
  error: string,
): Promise<boolean> {
  const announced = await ctx.store.transaction(async (tx) => {
    const incident = item.incidentId ? await tx.incidents.lock(item.incidentId) : null;
    return tellCoordinator(ctx, tx, incident, item, error.slice(0, 300), error);
  });
  if (announced) ctx.onCommitted?.();
  return announced;
}

async function tellCoordinator(
  ctx: EngineContext,
  tx: Repositories,
  incident: Incident | null,
  item: OutboxItem,
  reason: string,
  error: string,
): Promise<boolean> {
  // A notice about an undeliverable message that is itself undeliverable is not announced again.
  const aboutDelivery =
    item.delivery.type === "notice" && item.delivery.notice.kind === "delivery-failed";
  if (!incident || incident.status === "closed" || aboutDelivery) return false;
  const personId = item.audience.kind === "person" ? item.audience.personId : null;
  // Once per recipient, platform and reason: the next message to them fails the same way.
  const known = (await tx.timeline.listOfTypes(incident.id, ["delivery.failed"])).some(
    (entry) =>
      entry.data.channel === item.channel &&
      entry.data.personId === personId &&
      entry.data.error === reason,
  );
  if (known) return false;
  const work = new Work(ctx, tx, incident, ctx.clock.now());
  work.record({
    type: "delivery.failed",
    actorId: null,
    source: "system",
    data: {
      outboxId: item.id,
      channel: item.channel,
      personId,
      what: whatOf(item),
      error: reason,
    },
  });
  const text = undeliverableText(ctx, item, personId, error);
  work.notify(
    { kind: "person", personId: ctx.dir.plan.coordination.coordinator },
    { kind: "delivery-failed", text, ...(personId ? { subjectId: personId } : {}) },
    `undeliverable:${item.id}`,
  );
  await work.flush();
  return true;
}

const reasonOf = (failure: OutboxFailure) => failure.error.slice(0, 300);

function whatOf(
  item: OutboxItem,
): "page" | "card" | "notice" | "review" | "plan-copy" | "contact-check" {
  const { delivery } = item;
  if (delivery.type === "card") return delivery.card.kind === "page" ? "page" : "card";
  return delivery.type;
}

function undeliverableText(
  ctx: EngineContext,
  item: OutboxItem,
  personId: string | null,
  error: string,
): string {
  const nl = ctx.dir.locale === "nl";
  const platform = PLATFORM[item.channel] ?? item.channel;
  const what = {
    page: nl ? "de oproep" : "the page",
    card: nl ? "een kaart" : "a card",
    notice: nl ? "een bericht" : "a message",
    review: nl ? "de evaluatie" : "the review",
    "plan-copy": nl ? "het exemplaar van het plan" : "the copy of the plan",
    "contact-check": nl ? "de vraag om contactgegevens te bevestigen" : "the contact details check",
  }[whatOf(item)];
  const to = personId ? ctx.dir.name(personId) : nl ? "het incidentkanaal" : "the incident channel";
  return nl
    ? `${platform} weigert ${what} aan ${to} (${error}); Ramp probeert het niet opnieuw. Bereik ${personId ? "deze persoon" : "de crisisstaf"} op een andere manier en laat de gegevens in het plan nakijken.`
    : `${platform} refuses ${what} to ${to} (${error}); Ramp will not retry. Reach ${personId ? "this person" : "the crisis staff"} another way and have the details in the plan checked.`;
}
