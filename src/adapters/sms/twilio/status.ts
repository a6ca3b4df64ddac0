// Twilio's delivery receipts (StatusCallback): each text sent names this URL, with its outbox
// message, and Twilio posts there as the text goes queued → sent → delivered, or ends undelivered
// or failed. The URL is part of what Twilio signs, so the outbox id in it cannot be forged. A text
// that did not reach the phone is announced like a refused one: on the timeline (the review's
// "not delivered") and to the coordinator, so the person is called instead. A text that did is
// recorded on its outbox message: the review counts texts on the phone, not only at Twilio.
import type { CrisisEngine } from "../../../core/engine.ts";
import { announceNotDelivered } from "../../../core/outbox-undeliverable.ts";
import { SMS_CHANNEL } from "../../../core/work.ts";
import type { Logger } from "../../../logging.ts";

export const TWILIO_STATUS_PATH = "/sms/twilio/status";

/** Twilio's errors for a text it sent that did not arrive (twilio.com/docs/api/errors). */
const NOT_DELIVERED: Record<string, string> = {
  "30003": "unreachable destination handset",
  "30004": "message blocked",
  "30005": "unknown destination handset",
  "30006": "landline or unreachable carrier",
  "30007": "message filtered by the carrier",
  "30008": "unknown error",
};

export function statusCallbackUrl(
  publicUrl: string,
  sms: { reference: string; incidentId: string | null },
): string {
  const query = new URLSearchParams({
    ...(sms.incidentId ? { incident: sms.incidentId } : {}),
    outbox: sms.reference,
  });
  return `${publicUrl}${TWILIO_STATUS_PATH}?${query}`;
}

/** A text Twilio reports as delivered: the carrier confirmed the phone got it. */
export interface DeliveredSms {
  outboxId: string;
  messageSid: string;
}

/** Twilio's receipt fields, as posted. */
export interface TwilioStatusParams {
  MessageStatus?: string;
  ErrorCode?: string;
  MessageSid?: string;
}

export function deliveredFrom(
  query: URLSearchParams,
  params: TwilioStatusParams,
): DeliveredSms | null {
  const outboxId = query.get("outbox");
  if (params.MessageStatus !== "delivered" || !outboxId) return null;
  return { outboxId, messageSid: params.MessageSid ?? "" };
}

/** A text Twilio reports as undelivered or failed. */
export interface NotDeliveredSms {
  outboxId: string;
  incidentId: string | null;
  messageSid: string;
  /** "Twilio: undelivered 30003 (unreachable destination handset)" */
  error: string;
}

export function notDeliveredFrom(
  query: URLSearchParams,
  params: TwilioStatusParams,
): NotDeliveredSms | null {
  const status = params.MessageStatus;
  const outboxId = query.get("outbox");
  if ((status !== "undelivered" && status !== "failed") || !outboxId) return null;
  const code = params.ErrorCode ?? "";
  const meaning = NOT_DELIVERED[code];
  return {
    outboxId,
    incidentId: query.get("incident"),
    messageSid: params.MessageSid ?? "",
    error: `Twilio: ${status}${code ? ` ${code}` : ""}${meaning ? ` (${meaning})` : ""}`,
  };
}

/** Announces a text that did not arrive, on its incident's timeline and to the coordinator. */
export function announceSmsNotDelivered(engine: CrisisEngine, logger: Logger) {
  return async (receipt: NotDeliveredSms): Promise<void> => {
    logger.warn({ ...receipt }, "twilio: a text did not reach the phone");
    if (!receipt.incidentId) return;
    const item = (await engine.ctx.store.outbox.listForIncident(receipt.incidentId)).find(
      (m) => m.id === receipt.outboxId && m.channel === SMS_CHANNEL,
    );
    if (item) await announceNotDelivered(engine.ctx, item, receipt.error);
  };
}

/**
 * Records that a text reached the phone, at the moment the receipt came in (Twilio's receipt
 * carries no time of its own). A receipt posted twice keeps the first time.
 */
export function recordSmsDelivered(engine: CrisisEngine, logger: Logger) {
  return async (receipt: DeliveredSms): Promise<void> => {
    const recorded = await engine.confirmSmsOnPhone(receipt.outboxId, engine.ctx.clock.now());
    if (!recorded)
      logger.debug(
        { ...receipt },
        "twilio: a delivered receipt for a text already confirmed or unknown",
      );
  };
}
