// Twilio's incoming-message webhook: POST /sms/twilio/inbound, form-encoded, signed with
// X-Twilio-Signature. Only a request whose signature checks out against the public URL Twilio was
// given (RAMP_PUBLIC_URL + the path) reaches the handler; anything else is refused with 401 and
// changes nothing. The handler's reply goes back as TwiML, so Twilio texts it from the number the
// person wrote to (README "SMS with Twilio").
import express, { type Request, type Response, Router } from "express";
import type { Logger } from "../../../logging.ts";
import type { InboundSmsHandler } from "./inbound-sms.ts";
import { type TwilioParams, validTwilioSignature } from "./signature.ts";
import { twimlReply } from "./twiml.ts";

export const TWILIO_INBOUND_PATH = "/sms/twilio/inbound";

export interface TwilioRoutesOptions {
  authToken: string;
  /** RAMP_PUBLIC_URL without a trailing slash: what Twilio signs, behind any proxy. */
  publicUrl: string;
  handle: InboundSmsHandler;
  logger: Logger;
  now?: () => Date;
}

export function twilioRouter(options: TwilioRoutesOptions): Router {
  const router = Router();
  const formText = express.text({ type: "application/x-www-form-urlencoded", limit: "64kb" });
  router.post(TWILIO_INBOUND_PATH, formText, (req, res) => {
    inbound(options, req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, "twilio: incoming text not handled");
      // Twilio logs the failure (error 11200) for the operator; the text is not answered.
      if (!res.headersSent) res.status(500).type("text/plain").send("Ramp could not handle it");
    });
  });
  return router;
}

async function inbound(options: TwilioRoutesOptions, req: Request, res: Response): Promise<void> {
  const params = formParams(typeof req.body === "string" ? req.body : "");
  // The URL Twilio requested, as Twilio saw it: the public address, this path and its query.
  const url = `${options.publicUrl}${req.originalUrl}`;
  if (!validTwilioSignature(options.authToken, req.get("x-twilio-signature"), url, params)) {
    options.logger.warn(
      { url, signed: Boolean(req.get("x-twilio-signature")) },
      "twilio: refused a request without a valid X-Twilio-Signature",
    );
    res.status(401).type("text/plain").send("X-Twilio-Signature does not match");
    return;
  }
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
  const reply = await options.handle({
    from,
    ...(to ? { to } : {}),
    body: single(params.Body) ?? "",
    providerId: messageSid,
    receivedAt: options.now?.() ?? new Date(),
  });
  res.status(200).type("text/xml").send(twimlReply(reply));
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
