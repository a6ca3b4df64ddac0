// Delivers outbox items to Slack: a person by DM, the incident in its channel. Cards are
// re-rendered from the database and updated in place (chat.update) once posted; a shared
// review is a new message with the Word document attached.
import type { WebClient } from "@slack/web-api";
import { contactCheckView } from "../../core/contacts/view.ts";
import type { CrisisEngine } from "../../core/engine.ts";
import type { Audience, OutboxItem } from "../../core/model.ts";
import { type DeliveryChannel, DeliveryError } from "../../core/outbox.ts";
import type { ConversationRefRepository } from "../../core/ports.ts";
import { shareableCard } from "../../core/views/personal.ts";
import { cardKey } from "../../core/work.ts";
import { failpoint } from "../../failpoints.ts";
import type { Logger } from "../../logging.ts";
import type { ReviewLinker } from "../shared/review-share.ts";
import { notInvitedProblem } from "./channel-problems.ts";
import { slackErrorCode, toDeliveryError } from "./errors.ts";
import { inviteCrisisStaff, openIncidentChannel } from "./incident-channel.ts";
import { postPlanCopy } from "./plan-copy-upload.ts";
import { findPosted, outboxMetadata } from "./reconcile.ts";
import { contactCheckMessage } from "./render/contact-check.ts";
import { renderCard, renderNotice, type SlackMessage } from "./render/index.ts";
import { postReview } from "./review-upload.ts";

export const PLATFORM = "slack";
/** Remembered for an incident Slack gave no channel (and the plan none): told once, not retried. */
const NO_CHANNEL = "-";

export class SlackDelivery implements DeliveryChannel {
  readonly name = PLATFORM;
  /**
   * One at a time per card and per conversation: the kick after a command and the scheduler's
   * tick may deliver two messages for the same card, or the first two for one person or
   * incident, at once. Unserialised, both found no reference yet and both posted the card, opened
   * the DM, or created the incident channel (the second as name-002). The outbox already lets
   * one deliverer at a time into a conversation, across replicas (core/outbox-lease.ts); this
   * also covers a person's DM reached from two incidents at once.
   */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly client: WebClient,
    private readonly engine: CrisisEngine,
    private readonly refs: ConversationRefRepository,
    private readonly logger: Logger,
    private readonly reviewLinks: ReviewLinker,
  ) {}

  private get nl() {
    return this.engine.directory.locale === "nl";
  }

  async deliver(item: OutboxItem): Promise<string | null> {
    try {
      const { delivery } = item;
      // Only an update: where Ramp never talked (no DM, no incident channel) nothing was posted.
      const updateOnly = delivery.type === "card" && delivery.ifShown === true;
      const channel = updateOnly
        ? await this.refs.get(PLATFORM, conversationKey(item.audience))
        : await this.channelFor(item.audience, item.attemptedAt ?? null);
      if (channel === null) return null;
      if (item.delivery.type === "notice") {
        const notice = renderNotice(item.delivery.notice, this.nl);
        return (await this.earlierPost(channel, item)) ?? (await this.post(channel, notice, item));
      }
      if (item.delivery.type === "plan-copy") {
        return await postPlanCopy(
          this.client,
          this.engine,
          channel,
          item.delivery.copy,
          this.logger,
        );
      }
      if (item.delivery.type === "contact-check") {
        const check = await this.engine.ctx.store.contactChecks.get(item.delivery.check.id);
        if (!check) return null;
        const { reminder } = item.delivery.check;
        const view = contactCheckView(this.engine.ctx, { ...check, reminder });
        const message = contactCheckMessage(view, this.nl);
        return (await this.earlierPost(channel, item)) ?? (await this.post(channel, message, item));
      }
      if (item.delivery.type === "review") {
        const { review } = item.delivery;
        return await postReview(
          this.client,
          this.engine,
          this.reviewLinks,
          channel,
          review,
          this.logger,
        );
      }
      const card = item.delivery.card;
      const key = `msg:${cardKey(card)}:${channel}`;
      return await this.oneAtATime(key, async () => {
        const ts = await this.refs.get(PLATFORM, key);
        if (!ts && updateOnly) return null;
        const view = await this.engine.views.card(card);
        // The incident channel may be wider than the people a card's personal data is for.
        const shown = item.audience.kind === "incident" ? shareableCard(view) : view;
        const message = renderCard(shown, this.nl);
        // An earlier attempt may have posted it without Ramp learning the ts: update that one.
        const known = ts ?? (updateOnly ? null : await this.earlierPost(channel, item));
        if (known && !ts) await this.refs.put(PLATFORM, key, known, new Date());
        if (known) {
          try {
            // Idempotent: updating twice shows the same card.
            await this.client.chat.update({ channel, ts: known, ...message });
            return known;
          } catch (error) {
            // Deleted by someone: post it again below (unless it was only to be updated).
            if (slackErrorCode(error) !== "message_not_found") throw error;
            if (updateOnly) return null;
          }
        }
        const posted = await this.post(channel, message, item);
        await this.refs.put(PLATFORM, key, posted, new Date());
        return posted;
      });
    } catch (error) {
      if (error instanceof DeliveryError) throw error;
      throw toDeliveryError(error);
    }
  }

  private oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const done = result.then(
      () => {},
      () => {},
    );
    this.queues.set(key, done);
    void done.then(() => {
      if (this.queues.get(key) === done) this.queues.delete(key);
    });
    return result;
  }

  /** Every post carries its outbox id, so an attempt whose outcome is unknown can be found. */
  private async post(channel: string, message: SlackMessage, item: OutboxItem): Promise<string> {
    const result = await this.client.chat.postMessage({
      channel,
      ...message,
      unfurl_links: false,
      metadata: outboxMetadata(item.id),
    });
    failpoint("slack.posted");
    if (item.delivery.type === "card") failpoint(`slack.posted.${item.delivery.card.kind}`);
    return result.ts ?? "";
  }

  /** When an earlier attempt's outcome is unknown: the ts of what it posted, if it arrived. */
  private async earlierPost(channel: string, item: OutboxItem): Promise<string | null> {
    if (!item.attemptedAt) return null;
    const ts = await findPosted(this.client, channel, item.id, item.attemptedAt, this.logger);
    this.logger.info(
      { outboxId: item.id, channel, found: ts },
      ts
        ? "an earlier attempt had arrived; not posting again"
        : "an earlier attempt had not arrived",
    );
    return ts;
  }

  /**
   * The Slack channel of an audience: a person's DM, or the incident channel (created on first
   * use). `attemptedAt`: an earlier attempt may have created the channel without Ramp learning it.
   */
  channelFor(audience: Audience, attemptedAt: Date | null = null): Promise<string> {
    return this.oneAtATime(`conversation:${conversationKey(audience)}`, () =>
      this.findOrOpen(audience, attemptedAt),
    );
  }

  private async findOrOpen(audience: Audience, attemptedAt: Date | null): Promise<string> {
    if (audience.kind === "person") {
      const known = await this.refs.get(PLATFORM, `dm:${audience.personId}`);
      if (known) return known;
      const slackUserId = this.engine.directory.person(audience.personId)?.slackUserId;
      if (!slackUserId)
        throw new DeliveryError(`${audience.personId} has no slackUserId in the plan`, {
          permanent: true,
        });
      const opened = await this.client.conversations.open({ users: slackUserId });
      const id = opened.channel?.id;
      if (!id) throw new DeliveryError(`Slack opened no DM for ${audience.personId}`);
      await this.refs.put(PLATFORM, `dm:${audience.personId}`, id, new Date());
      return id;
    }
    const key = `incident:${audience.incidentId}`;
    const known = await this.refs.get(PLATFORM, key);
    if (known === NO_CHANNEL)
      throw new DeliveryError("Slack gave the incident no channel", { permanent: true });
    if (known) return known;
    const incident = await this.engine.views.incident(audience.incidentId);
    const channel = await openIncidentChannel(
      this.client,
      this.engine.directory,
      incident,
      this.logger,
      attemptedAt,
    );
    // On the timeline before the channel is remembered: a retry reports it again rather than never.
    if (channel.problem) await this.engine.reportChatProblem(incident.id, channel.problem);
    // Recorded before inviting: a retry must not create a second channel.
    await this.refs.put(PLATFORM, key, channel.id ?? NO_CHANNEL, new Date());
    if (channel.id === null)
      throw new DeliveryError("Slack gave the incident no channel", { permanent: true });
    if (channel.created) await this.invite(incident.id, { id: channel.id, name: channel.name! });
    return channel.id;
  }

  /** Invites the crisis staff; whom Slack would not add is told to the coordinator and recorded. */
  private async invite(incidentId: string, channel: { id: string; name: string }): Promise<void> {
    const dir = this.engine.directory;
    const refused = await inviteCrisisStaff(this.client, dir, channel.id);
    if (refused.length === 0) return;
    this.logger.warn(
      { channel: channel.id, refused },
      "could not invite every crisis-staff member",
    );
    await this.engine.reportChatProblem(incidentId, notInvitedProblem(dir, channel, refused));
  }
}

/** Where the Slack channel of an audience is remembered: a person's DM or the incident channel. */
function conversationKey(audience: Audience): string {
  return audience.kind === "person" ? `dm:${audience.personId}` : `incident:${audience.incidentId}`;
}
