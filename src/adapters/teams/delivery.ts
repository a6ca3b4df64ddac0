// Delivers outbox items to Teams proactively: a person in their personal chat with Ramp,
// the incident in the crisis team's channel. Cards are updated in place (updateActivity);
// notices and shared reviews are new messages each time.
import {
  type Activity,
  CardFactory,
  type CloudAdapter,
  type ConversationReference,
  MessageFactory,
} from "botbuilder";
import { contactCheckView } from "../../core/contacts/view.ts";
import type { CrisisEngine } from "../../core/engine.ts";
import type { Audience, OutboxItem } from "../../core/model.ts";
import { type DeliveryChannel, DeliveryError } from "../../core/outbox.ts";
import { planCopyNotice } from "../../core/plan-copies/message.ts";
import { shareableCard } from "../../core/views/personal.ts";
import { cardKey } from "../../core/work.ts";
import { draftReviewShare, type ReviewLinker } from "../shared/review-share.ts";
import { KEYS, PLATFORM, type TeamsConversations } from "./conversations.ts";
import { toDeliveryError } from "./errors.ts";
import { contactCheckCard } from "./render/contact-check.ts";
import type { AdaptiveCard } from "./render/elements.ts";
import { renderCard, renderNotice } from "./render/index.ts";
import { reviewCard } from "./render/review.ts";

export class TeamsDelivery implements DeliveryChannel {
  readonly name = PLATFORM;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly engine: CrisisEngine,
    private readonly conversations: TeamsConversations,
    private readonly reviewLinks: ReviewLinker,
  ) {}

  async deliver(item: OutboxItem): Promise<string | null> {
    // A copy of a plan version no longer running: the new version brings its own copies.
    if (item.delivery.type === "plan-copy" && !planCopyNotice(this.engine.ctx, item.delivery.copy))
      return null;
    // Only an update: where Ramp never posted (no conversation, no message) nothing is sent.
    const updateOnly = item.delivery.type === "card" && item.delivery.ifShown === true;
    const reference = updateOnly
      ? await this.knownReference(item.audience)
      : await this.referenceFor(item.audience);
    if (!reference) return null;
    const { card, summary, key } = await this.compose(item, reference);
    const existing = key ? await this.conversations.raw(key) : null;
    if (updateOnly && !existing) return null;
    let delivered: string | null = null;
    // A failure inside the turn would reach the adapter's onTurnError, which logs and swallows
    // it: the message would count as sent. It is caught here and handed to the outbox instead.
    let failure: unknown = null;
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        try {
          withoutRetries(context.turnState.get(this.adapter.ConnectorClientKey));
          // Teams shows `summary` in notifications and the activity feed, which cannot show a card.
          const activity: Partial<Activity> = {
            ...MessageFactory.attachment(CardFactory.adaptiveCard(card), undefined, summary),
            summary,
          };
          if (existing) {
            await context.updateActivity({ ...activity, id: existing });
            delivered = existing;
          } else {
            delivered = (await context.sendActivity(activity))?.id ?? null;
          }
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure) throw toDeliveryError(failure);
    if (key && delivered && !existing) await this.conversations.put(key, delivered);
    return delivered;
  }

  /**
   * The card to post, its notification text, and for cards kept current the key under which
   * the posted message's id is remembered (notices and shared reviews are new messages).
   */
  private async compose(
    item: OutboxItem,
    reference: Partial<ConversationReference>,
  ): Promise<{ card: AdaptiveCard; summary: string; key: string | null }> {
    const delivery = item.delivery;
    switch (delivery.type) {
      case "notice":
        return { card: renderNotice(delivery.notice), summary: delivery.notice.text, key: null };
      case "plan-copy": {
        // deliver() checked that the copy is of the running plan version.
        const notice = planCopyNotice(this.engine.ctx, delivery.copy)!;
        return { card: renderNotice(notice), summary: notice.text, key: null };
      }
      case "contact-check": {
        const check = await this.engine.ctx.store.contactChecks.get(delivery.check.id);
        const view = contactCheckView(this.engine.ctx, {
          ...(check ?? delivery.check),
          reminder: delivery.check.reminder,
        });
        const card = contactCheckCard(view, this.engine.directory.locale === "nl");
        return { card, summary: view.title, key: null };
      }
      case "review": {
        const { view } = await draftReviewShare(this.engine, delivery.review);
        const links = this.reviewLinks(view.incidentId);
        const card = reviewCard(view, links, this.engine.directory);
        return { card, summary: view.title, key: null };
      }
      case "card": {
        const full = await this.engine.views.card(delivery.card);
        // The crisis team's channel is wider than the people a card's personal data is for;
        // the coordinator and the deputies see it in their own view (render/viewer.ts).
        const view = item.audience.kind === "incident" ? shareableCard(full) : full;
        return {
          card: renderCard(view, this.engine.directory.locale === "nl"),
          summary: "title" in view ? view.title : "Ramp",
          key: KEYS.message(cardKey(delivery.card), reference.conversation?.id ?? ""),
        };
      }
    }
  }

  private knownReference(audience: Audience): Promise<Partial<ConversationReference> | null> {
    return this.conversations.get(
      audience.kind === "person"
        ? KEYS.person(audience.personId)
        : KEYS.incident(audience.incidentId),
    );
  }

  private async referenceFor(audience: Audience): Promise<Partial<ConversationReference>> {
    const known = await this.knownReference(audience);
    if (known) return known;
    if (audience.kind === "person") {
      // Retried: the person may still install the app (an administrator can pre-install it).
      throw new DeliveryError(`${audience.personId} has not installed Ramp in Teams yet`);
    }
    const fallback = await this.conversations.raw(KEYS.defaultChannel);
    if (!fallback) {
      const pinned = this.engine.directory.plan.chat.teams.channel;
      // Retried: someone may still add Ramp to the channel.
      throw new DeliveryError(
        pinned
          ? `Ramp is not installed in the crisis team's channel ${pinned} (plan chat.teams.channel) yet`
          : "Ramp is not installed in a Teams channel yet",
      );
    }
    await this.conversations.put(KEYS.incident(audience.incidentId), fallback);
    return JSON.parse(fallback) as Partial<ConversationReference>;
  }
}

/**
 * The outbox retries a failed delivery itself, after the connector's Retry-After or with
 * backoff. The HTTP pipeline's own retries (three, sleeping through each Retry-After) would hold
 * the whole delivery loop meanwhile, so they are taken out of the connector client of this turn.
 */
function withoutRetries(client: unknown): void {
  const pipeline = (
    client as { client?: { pipeline?: { removePolicy(o: { name: string }): unknown } } }
  )?.client?.pipeline;
  pipeline?.removePolicy({ name: "defaultRetryPolicy" });
}
