// POST /sms/inbound: the generic gateway's incoming texts, as JSON with a bearer token (README,
// "SMS"). Anything without the token gets 401 and changes nothing; the text is stored before the
// 200 goes back (a database that cannot take it answers 503, so the gateway delivers it again).
import { timingSafeEqual } from "node:crypto";
import express, { type Request, type Response, Router } from "express";
import type { Logger } from "../../logging.ts";
import type { HandleInboundSms, InboundSms } from "./inbound.ts";

export const SMS_INBOUND_PATH = "/sms/inbound";

export function smsInboundRouter(options: {
  token: string;
  handle: HandleInboundSms;
  logger: Logger;
}): Router {
  const router = Router();
  const expected = Buffer.from(`Bearer ${options.token}`);
  router.post(
    SMS_INBOUND_PATH,
    (req, res, next) => {
      const given = Buffer.from(req.headers.authorization ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        options.logger.warn({ ip: req.ip }, "sms: inbound request without the right token refused");
        res.status(401).json({ error: "unauthorized" });
        return;
      }
      next();
    },
    express.json({ limit: "32kb" }),
    async (req: Request, res: Response) => {
      const parsed = parseInbound(req.body);
      if ("error" in parsed) {
        res.status(400).json({ error: parsed.error });
        return;
      }
      try {
        const result = await options.handle(parsed);
        res.status(200).json({ status: result.kind });
      } catch (error) {
        options.logger.error({ err: error }, "sms: inbound text could not be stored");
        res.status(503).json({ error: "not stored; deliver again" });
      }
    },
  );
  return router;
}

/**
 * `{"from", "to"?, "text", "id", "receivedAt"?}`; `body` for `text` and `messageId` for `id` are
 * taken too (gateways differ). The id is the gateway's own message id.
 */
export function parseInbound(body: unknown): InboundSms | { error: string } {
  if (typeof body !== "object" || body === null) return { error: "expected a JSON object" };
  const b = body as Record<string, unknown>;
  const from = str(b.from);
  const text = str(b.text) ?? str(b.body);
  const id = str(b.id) ?? str(b.messageId) ?? (typeof b.id === "number" ? String(b.id) : null);
  if (!from) return { error: '"from" (the sender\'s number) is missing' };
  if (text === null) return { error: '"text" (the message) is missing' };
  if (!id) return { error: '"id" (the gateway\'s message id) is missing' };
  const at = str(b.receivedAt);
  const receivedAt = at ? new Date(at) : new Date();
  if (Number.isNaN(receivedAt.getTime()))
    return { error: '"receivedAt" is not a date (ISO 8601, e.g. 2026-11-22T21:04:00Z)' };
  const to = str(b.to);
  return { from, ...(to ? { to } : {}), body: text, providerId: id, receivedAt };
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}
