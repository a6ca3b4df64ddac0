// The "web" delivery channel (local mode): the outbox hands over pages, cards and notices; the
// local chat shows them to their audience, re-rendered from the database, and the browsers are woken.
import type { OutboxItem } from "../../core/model.ts";
import type { DeliveryChannel } from "../../core/outbox.ts";
import { type ChatLog, WEB_CHANNEL } from "./chat-log.ts";
import type { LiveHub } from "./live.ts";

export class WebDelivery implements DeliveryChannel {
  readonly name = WEB_CHANNEL;

  constructor(
    private readonly log: ChatLog,
    private readonly live: LiveHub,
  ) {}

  async deliver(item: OutboxItem): Promise<string | null> {
    this.log.absorb([item]);
    this.live.changed();
    return item.id;
  }
}
