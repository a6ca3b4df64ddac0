// Pages by SMS, through a generic gateway (gateway.ts) or Twilio (twilio/messages.ts).
// Only pages and "nobody reachable" alerts come here (core/work.ts decides); the text carries the
// person's sign-in link to answer on the crisis board, for whoever has no chat app at hand.
import { contactCheckNotice } from "../../core/contacts/notice.ts";
import type { BoardLink } from "../../core/context.ts";
import type { CrisisEngine } from "../../core/engine.ts";
import type { OutboxItem } from "../../core/model.ts";
import { type DeliveryChannel, DeliveryError } from "../../core/outbox.ts";
import { planCopyNotice } from "../../core/plan-copies/message.ts";
import { SMS_CHANNEL } from "../../core/work.ts";
import { internationalNumber, noticeText, pageText, testText } from "./render.ts";

/** One text to one number; returns the provider's id of the message. */
export interface SmsSender {
  /**
   * `reference` (the outbox message) is the same on every attempt. `attemptedAt` set: an earlier
   * attempt's outcome is unknown; a sender that can look it up does so before sending again.
   */
  send(sms: OutgoingSms): Promise<string>;
}

export interface OutgoingSms {
  to: string;
  text: string;
  reference: string;
  /** The incident the outbox message belongs to (for a delivery receipt), if any. */
  incidentId: string | null;
  attemptedAt: Date | null;
}

export class SmsDelivery implements DeliveryChannel {
  readonly name = SMS_CHANNEL;

  constructor(
    private readonly sender: SmsSender,
    private readonly engine: CrisisEngine,
    private readonly boardLink: (personId: string) => BoardLink,
  ) {}

  async deliver(item: OutboxItem): Promise<string | null> {
    const { audience, delivery } = item;
    if (audience.kind !== "person") return null;
    const { directory } = this.engine;
    const nl = directory.locale === "nl";
    const written = directory.person(audience.personId)?.mobile;
    const to = written ? internationalNumber(written) : null;
    if (!to) {
      throw new DeliveryError(`${audience.personId}: mobile number "${written}" is not usable`, {
        permanent: true,
      });
    }
    const link = this.boardLink(audience.personId).url;
    let text: string;
    if (delivery.type === "card" && delivery.card.kind === "page") {
      const view = await this.engine.views.pageCard(delivery.card.pageId);
      // Answered in the chat app (or the incident closed) before the SMS went out: no need.
      if (view.answered || view.actions.length === 0) return null;
      text = pageText(view, link, nl);
    } else if (delivery.type === "card" && delivery.card.kind === "test") {
      const view = await this.engine.views.card(delivery.card);
      // Answered in the chat app before the text went out, or the test is over: no need.
      if (view.kind !== "test" || view.answered || view.actions.length === 0) return null;
      text = testText(view, link, nl);
    } else if (delivery.type === "notice") {
      text = noticeText(delivery.notice, link, nl);
    } else if (delivery.type === "plan-copy") {
      // The notice carries the copy's own signed link; no sign-in link beside it.
      const notice = planCopyNotice(this.engine.ctx, delivery.copy);
      if (!notice) return null;
      text = `Ramp: ${notice.text}`;
    } else if (delivery.type === "contact-check") {
      // The question carries its own signed link, where "Klopt" and "Wijzigen" are.
      text = `Ramp: ${contactCheckNotice(this.engine.ctx, delivery.check).text}`;
    } else {
      return null;
    }
    return this.sender.send({
      to,
      text,
      reference: item.id,
      incidentId: item.incidentId ?? null,
      attemptedAt: item.attemptedAt ?? null,
    });
  }
}
