// Twilio's webhooks, form-encoded and signed with X-Twilio-Signature: incoming texts
// (POST /sms/twilio/inbound) and delivery receipts (POST /sms/twilio/status, see status.ts). Only a
// request whose signature checks out against the public URL Twilio was given (RAMP_PUBLIC_URL +
// the path and query) is handled; anything else is refused with 401 and changes nothing. A text is
// answered with an empty TwiML <Response/>: the reply goes out through the outbox, stored and
// retried like every message (README "SMS with Twilio").
import express, { type Request, type Response, Router } from "express";
import type { Logger } from "../../../logging.ts";
import type { InboundSmsHandler } from "./inbound-sms.ts";
import { type TwilioParams, validTwilioSignature } from "./signature.ts";
import {
  type DeliveredSms,
  deliveredFrom,
  type NotDeliveredSms,
  notDeliveredFrom,
  TWILIO_STATUS_PATH,
} from "./status.ts";

export const TWILIO_INBOUND_PATH = "/sms/twilio/inbound";
/** "Nothing to send from here": Twilio must not text anything itself. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export interface TwilioRoutesOptions {
  authToken: string;
  /** RAMP_PUBLIC_URL without a trailing slash: what Twilio signs, behind any proxy. */
  publicUrl: string;
  /** Incoming texts; without it (not wired yet) Twilio's incoming webhook is not served. */
  handle?: InboundSmsHandler;
  /** A text Twilio reports as undelivered or failed. */
  notDelivered?: (receipt: NotDeliveredSms) => Promise<void>;
  /** A text Twilio reports as delivered to the phone; stored before Twilio gets its answer. */
  delivered?: (receipt: DeliveredSms) => Promise<void>;
  logger: Logger;
  now?: () => Date;
}

export function twilioRouter(options: TwilioRoutesOptions): Router {
  const router = Router();
  const formText = express.text({ type: "application/x-www-form-urlencoded", limit: "64kb" });
  const { handle, notDelivered, delivered } = options;
  if (handle) {
    router.post(TWILIO_INBOUND_PATH, formText, (req, res) => {
      inbound(options, handle, req, res).catch((error: unknown) => {
        options.logger.error({ err: error }, "twilio: incoming text could not be stored");
        // Not stored: Twilio logs the failure (error 11200) for the operator, and the person,
        // without a reply, sends it again.
        if (!res.headersSent) res.status(503).type("text/plain").send("Not stored; send it again");
      });
    });
  }
  router.post(TWILIO_STATUS_PATH, formText, (req, res) => {
    const params = signedParams(options, req, res);
    if (!params) return;
    const query = new URL(req.originalUrl, "http://ramp").searchParams;
    const fields = {
      MessageStatus: single(params.MessageStatus) ?? "",
      ErrorCode: single(params.ErrorCode) ?? "",
      MessageSid: single(params.MessageSid) ?? "",
    };
    const failed = notDelivered ? notDeliveredFrom(query, fields) : null;
    const arrived = delivered ? deliveredFrom(query, fields) : null;
    // Queued, sent, or what Ramp does not follow: acknowledged, nothing to record.
    const record =
      failed && notDelivered
        ? notDelivered(failed)
        : arrived && delivered
          ? delivered(arrived)
          : null;
    if (!record) {
      res.status(204).end();
      return;
    }
    record
      .then(() => res.status(204).end())
      .catch((error: unknown) => {
        options.logger.error({ err: error, ...fields }, "twilio: delivery receipt not recorded");
        // A 5xx, so Twilio may post it again; the log keeps it either way.
        res.status(503).type("text/plain").send("Ramp could not record it; send it again");
      });
  });
  return router;
}

/** The posted form when its signature is Twilio's; otherwise answered 401 here, and null. */
function signedParams(
  options: TwilioRoutesOptions,
  req: Request,
  res: Response,
): Record<string, string | string[]> | null {
  const params = formParams(typeof req.body === "string" ? req.body : "");
  // The URL Twilio requested, as Twilio saw it: the public address, this path and its query.
  const url = `${options.publicUrl}${req.originalUrl}`;
  if (!validTwilioSignature(options.authToken, req.get("x-twilio-signature"), url, params)) {
    options.logger.warn(
      { url, signed: Boolean(req.get("x-twilio-signature")) },
      "twilio: refused a request without a valid X-Twilio-Signature",
    );
    res.status(401).type("text/plain").send("X-Twilio-Signature does not match");
    return null;
  }
  return params;
}

async function inbound(
  options: TwilioRoutesOptions,
  handle: InboundSmsHandler,
  req: Request,
  res: Response,
): Promise<void> {
  const params = signedParams(options, req, res);
  if (!params) return;
  const from = single(params.From);
  const messageSid = single(params.MessageSid) ?? single(params.SmsSid);
  if (!from || !messageSid) {
    res
      .status(400)
      .type("text/plain")
      .send("An incoming message needs From and MessageSid (Twilio's messaging webhook)");
    return;
  }
  const to = single(params.To);
  // Stored (and answered through the outbox) before the 200 goes back.
  await handle({
    from,
    ...(to ? { to } : {}),
    body: single(params.Body) ?? "",
    providerId: messageSid,
    receivedAt: options.now?.() ?? new Date(),
  });
  res.status(200).type("text/xml").send(EMPTY_TWIML);
}

/** The posted form, keeping every value of a name given twice (the signature covers them all). */
function formParams(body: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const earlier = params[name];
    params[name] =
      earlier === undefined
        ? value
        : Array.isArray(earlier)
          ? [...earlier, value]
          : [earlier, value];
  }
  return params;
}

function single(value: TwilioParams[string] | undefined): string | null {
  if (value === undefined) return null;
  return typeof value === "string" ? value : (value[0] ?? null);
}
