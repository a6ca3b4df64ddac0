// Pages by SMS through an HTTP gateway: POST {to, from, text, reference} as JSON (README, "SMS").
// Only pages and "nobody reachable" alerts come here (core/work.ts decides); the text carries the
// person's sign-in link to answer on the crisis board, for whoever has no chat app at hand.
import type { SmsConfig } from "../../config/env.ts";
import { contactCheckNotice } from "../../core/contacts/notice.ts";
import type { BoardLink } from "../../core/context.ts";
import type { CrisisEngine } from "../../core/engine.ts";
import type { OutboxItem } from "../../core/model.ts";
import { type DeliveryChannel, DeliveryError } from "../../core/outbox.ts";
import { planCopyNotice } from "../../core/plan-copies/message.ts";
import { SMS_CHANNEL } from "../../core/work.ts";
import { internationalNumber, noticeText, pageText, testText } from "./render.ts";

const TIMEOUT_MS = 10_000;

export class SmsDelivery implements DeliveryChannel {
  readonly name = SMS_CHANNEL;

  constructor(
    private readonly config: SmsConfig,
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
    return this.send(to, text, item.id);
  }

  private async send(to: string, text: string, reference: string): Promise<string> {
    let response: Response;
    try {
      response = await fetch(this.config.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(this.config.token ? { authorization: `Bearer ${this.config.token}` } : {}),
        },
        // `reference` is the same on a retry, so a gateway can drop a duplicate.
        body: JSON.stringify({
          to,
          ...(this.config.sender ? { from: this.config.sender } : {}),
          text,
          reference,
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new DeliveryError(`SMS gateway unreachable: ${(error as Error).message}`);
    }
    const body = await response.text().catch(() => "");
    if (response.ok) return messageId(body) ?? reference;
    const detail = `SMS gateway: ${response.status} ${body.slice(0, 200)}`.trim();
    if (response.status === 429 || response.status === 503) {
      const seconds = Number(response.headers.get("retry-after"));
      throw new DeliveryError(detail, {
        retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000,
      });
    }
    // The number or the message was refused: sending it again changes nothing. A refused token
    // (401/403) or a server error is retried: someone can fix the gateway meanwhile.
    const permanent = response.status === 400 || response.status === 404 || response.status === 422;
    throw new DeliveryError(detail, { permanent });
  }
}

function messageId(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { id?: unknown; messageId?: unknown };
    const id = parsed.id ?? parsed.messageId;
    return typeof id === "string" || typeof id === "number" ? String(id) : null;
  } catch {
    return null;
  }
}
