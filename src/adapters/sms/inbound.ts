// Texts to Ramp, from any gateway: the provider-independent part. A gateway's own route (the
// generic JSON one in inbound-route.ts, a provider's webhook) parses its request into an
// InboundSms and calls handleInboundSms. The text is stored in the inbox under the gateway's
// message id before anything happens, so a gateway that delivers it twice acts once; the answer
// goes back by SMS through the outbox (stored, then sent by the SMS channel), never in the
// webhook's response, whichever gateway brought the text.
import type { CrisisEngine } from "../../core/engine.ts";
import type { Inbox } from "../../core/inbox.ts";
import type { InboxItem } from "../../core/ports.ts";
import { internationalNumber, personByNumber } from "../../core/sms/number.ts";
import { queueSmsReply } from "../../core/sms/reply.ts";
import { runSms } from "../../core/sms/run.ts";
import type { Logger } from "../../logging.ts";

export interface InboundSms {
  /** The sender's number as the gateway writes it (any Belgian or international form). */
  from: string;
  /** The number the text was sent to (Ramp's), when the gateway says. */
  to?: string;
  body: string;
  /** The gateway's own id of the message: the inbox key, so a redelivery is not run again. */
  providerId: string;
  receivedAt: Date;
}

export interface InboundSmsDeps {
  engine: CrisisEngine;
  inbox: Inbox;
  logger: Logger;
}

/** What became of a text: the reply queued, or why there is none. */
export type InboundResult =
  | { kind: "answered"; reply: string }
  /** The same gateway message id came before: acknowledged, not run again. */
  | { kind: "duplicate" }
  /** The sender is no one in the plan: nothing stored, nothing answered (logged, rate-limited). */
  | { kind: "ignored" }
  /** Stored, but its processing failed; the inbox tries again (see core/inbox.ts). */
  | { kind: "pending" };

export const SMS_INBOX_PLATFORM = "sms";
export const SMS_INBOX_KIND = "sms.inbound";
/** Unknown senders are logged at most once per number in this time. */
const UNKNOWN_LOG_MS = 60 * 60_000;

interface StoredSms {
  from: string;
  to?: string;
  body: string;
  personId: string;
  receivedAt: string;
}

/**
 * Registers the inbox's SMS handler (once, at start-up, so texts left by a crash are processed
 * by the next process too) and returns the function every gateway's route calls.
 */
export function createInboundSms(deps: InboundSmsDeps) {
  const { engine, inbox, logger } = deps;
  /** The reply of each row processed in this process, for the caller waiting on it. */
  const replies = new Map<string, string>();
  const unknownLogged = new Map<string, number>();

  inbox.handle(SMS_INBOX_KIND, async (payload: unknown, _live: boolean, item: InboxItem) => {
    const sms = payload as StoredSms;
    const number = internationalNumber(sms.from) ?? sms.from;
    const reply = await runSms(engine, sms.personId, number, sms.body);
    await queueSmsReply(engine.ctx, {
      personId: sms.personId,
      text: reply.text,
      incidentId: reply.incidentId,
      key: item.id,
    });
    replies.set(item.id, reply.text);
    logger.info({ inboxId: item.id, personId: sms.personId }, "sms: text answered");
  });

  /**
   * Throws when the text cannot be stored (the database is away): the route must then answer
   * with an error, so the gateway delivers it again.
   */
  return async function handleInboundSms(sms: InboundSms): Promise<InboundResult> {
    const person = personByNumber(engine.directory, sms.from);
    if (!person) {
      const now = engine.ctx.clock.now().getTime();
      const last = unknownLogged.get(sms.from);
      if (last === undefined || now - last > UNKNOWN_LOG_MS) {
        // A flood of spoofed numbers must not grow this without end.
        if (unknownLogged.size >= 10_000) unknownLogged.clear();
        unknownLogged.set(sms.from, now);
        logger.warn(
          { from: sms.from, providerId: sms.providerId },
          "sms: sender not in the plan; ignored",
        );
      }
      return { kind: "ignored" };
    }
    const stored: StoredSms = {
      from: sms.from,
      ...(sms.to ? { to: sms.to } : {}),
      body: sms.body.slice(0, 1600),
      personId: person.id,
      receivedAt: sms.receivedAt.toISOString(),
    };
    const item = await inbox.receive(SMS_INBOX_PLATFORM, sms.providerId, SMS_INBOX_KIND, stored);
    if (!item) return { kind: "duplicate" };
    await inbox.process(item);
    const reply = replies.get(item.id);
    replies.delete(item.id);
    return reply === undefined ? { kind: "pending" } : { kind: "answered", reply };
  };
}

export type HandleInboundSms = ReturnType<typeof createInboundSms>;
