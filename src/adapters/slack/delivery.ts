// Delivers outbox items to Slack: a person by DM, the incident in its channel. Cards are
// re-rendered from the database and updated in place (chat.update) once posted; a shared
// review is a new message with the Word document attached.
import type { WebClient } from "@slack/web-api";
import type { CrisisEngine } from "../../core/engine.ts";
import type { Audience, OutboxItem } from "../../core/model.ts";
import { type DeliveryChannel, DeliveryError } from "../../core/outbox.ts";
import type { ConversationRefRepository } from "../../core/ports.ts";
import { shareableCard } from "../../core/views/personal.ts";
import { cardKey } from "../../core/work.ts";
import type { Logger } from "../../logging.ts";
import type { ReviewLinker } from "../shared/review-share.ts";
import { slackErrorCode, toDeliveryError } from "./errors.ts";
import { createIncidentChannel, inviteCrisisStaff } from "./incident-channel.ts";
import { postPlanCopy } from "./plan-copy-upload.ts";
import { renderCard, renderNotice, type SlackMessage } from "./render/index.ts";
import { postReview } from "./review-upload.ts";

export const PLATFORM = "slack";

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
        : await this.channelFor(item.audience);
      if (channel === null) return null;
      if (item.delivery.type === "notice") {
        return await this.post(channel, renderNotice(item.delivery.notice, this.nl));
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
        if (ts) {
          try {
            await this.client.chat.update({ channel, ts, ...message });
            return ts;
          } catch (error) {
            // Deleted by someone: post it again below (unless it was only to be updated).
            if (slackErrorCode(error) !== "message_not_found") throw error;
            if (updateOnly) return null;
          }
        }
        const posted = await this.post(channel, message);
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

  private async post(channel: string, message: SlackMessage): Promise<string> {
    const result = await this.client.chat.postMessage({ channel, ...message, unfurl_links: false });
    return result.ts ?? "";
  }

  /** The Slack channel of an audience: a person's DM, or the incident channel (created on first use). */
  channelFor(audience: Audience): Promise<string> {
    return this.oneAtATime(`conversation:${conversationKey(audience)}`, () =>
      this.findOrOpen(audience),
    );
  }

  private async findOrOpen(audience: Audience): Promise<string> {
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
    if (known) return known;
    const incident = await this.engine.views.incident(audience.incidentId);
    const id = await createIncidentChannel(
      this.client,
      this.engine.directory,
      incident,
      this.logger,
    );
    // Recorded before inviting: a retry must not create a second channel.
    await this.refs.put(PLATFORM, key, id, new Date());
    if (!this.engine.directory.plan.chat.slack.channel) {
      const refused = await inviteCrisisStaff(this.client, this.engine.directory, id);
      if (refused)
        this.logger.warn(
          { channel: id, error: refused },
          "could not invite every crisis-staff member",
        );
    }
    return id;
  }
}

/** Where the Slack channel of an audience is remembered: a person's DM or the incident channel. */
function conversationKey(audience: Audience): string {
  return audience.kind === "person" ? `dm:${audience.personId}` : `incident:${audience.incidentId}`;
}
