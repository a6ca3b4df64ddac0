// Texts out through Twilio's Messages API: POST /2010-04-01/Accounts/{AccountSid}/Messages.json,
// form-encoded, with Basic auth (the Account SID and Auth Token, or an API key's SID and secret).
// Twilio's answers map onto the outbox's outcomes (README "SMS with Twilio"):
// - 201: accepted (its Message SID is kept);
// - 429 and 5xx: retried (after Retry-After when given);
// - 400 for the number or the text (21211 invalid number, 21614 not a mobile, 21610 the person
//   texted STOP, …): permanent, set aside and the coordinator is told;
// - 400 for the sender, 401/403/404 (a wrong SID, token or From): retried, so the operator can fix
//   the configuration meanwhile without losing the page;
// - a timeout or a dropped connection after the request left: unknown. Twilio has no idempotency
//   key, so the next attempt first lists the messages to that number and sends again only when
//   it finds none that matches (at-least-once, limited by that look-up).
import type { TwilioSmsConfig } from "../../../config/env.ts";
import { DeliveryError } from "../../../core/outbox.ts";
import type { OutgoingSms, SmsSender } from "../delivery.ts";
import { statusCallbackUrl } from "./status.ts";

const TIMEOUT_MS = 10_000;
/** Clocks differ: a message created shortly before the attempt was recorded still counts. */
const LOOKUP_MARGIN_MS = 60_000;
/** Errors about the sender (From / Messaging Service): the configuration, not the recipient. */
const SENDER_ERRORS = new Set([21212, 21603, 21606, 21659, 21660, 21701, 21703, 21704, 21705]);
/** Connection failures before anything was sent: the message surely did not arrive. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

interface TwilioMessage {
  sid?: string;
  to?: string;
  body?: string;
  direction?: string;
  date_created?: string;
}

export class TwilioSms implements SmsSender {
  constructor(
    private readonly config: TwilioSmsConfig,
    private readonly timeoutMs = TIMEOUT_MS,
  ) {}

  async send(sms: OutgoingSms): Promise<string> {
    if (sms.attemptedAt) {
      const earlier = await this.findSent(sms.to, sms.text, sms.attemptedAt);
      if (earlier) return earlier;
    }
    const form = new URLSearchParams({ To: sms.to, Body: sms.text });
    if (this.config.messagingServiceSid) {
      form.set("MessagingServiceSid", this.config.messagingServiceSid);
    } else if (this.config.from) {
      form.set("From", this.config.from);
    }
    // Twilio reports there whether the text reached the phone (see status.ts).
    form.set("StatusCallback", statusCallbackUrl(this.config.publicUrl, sms));
    const response = await this.request("POST", this.messagesUrl(), form);
    const body = await response.text().catch(() => "");
    if (response.ok) {
      const sid = parse<TwilioMessage>(body)?.sid;
      if (typeof sid === "string") return sid;
      throw new DeliveryError(`Twilio: ${response.status} without a message SID`, {
        outcome: "unknown",
      });
    }
    throw twilioError(response, body);
  }

  /**
   * A message to `to` created since the unknown attempt with the same text. The text's sign-in
   * link is new on each attempt (it carries the time), so links are left out of the comparison.
   */
  private async findSent(to: string, text: string, attemptedAt: Date): Promise<string | null> {
    const url = new URL(this.messagesUrl());
    url.searchParams.set("To", to);
    url.searchParams.set("PageSize", "50");
    const response = await this.request("GET", url.toString());
    const body = await response.text().catch(() => "");
    if (!response.ok) {
      const error = twilioError(response, body);
      // Not known yet whether it arrived: look again next time rather than send it twice.
      throw new DeliveryError(`looking up an earlier attempt: ${error.message}`, {
        outcome: "unknown",
        ...(error.options.retryAfterMs ? { retryAfterMs: error.options.retryAfterMs } : {}),
      });
    }
    const since = attemptedAt.getTime() - LOOKUP_MARGIN_MS;
    const wanted = withoutLinks(text);
    const found = (parse<{ messages?: TwilioMessage[] }>(body)?.messages ?? []).find(
      (m) =>
        m.to === to &&
        (m.direction ?? "").startsWith("outbound") &&
        Date.parse(m.date_created ?? "") >= since &&
        withoutLinks(m.body ?? "") === wanted,
    );
    return found?.sid ?? null;
  }

  private messagesUrl(): string {
    return `${this.config.apiUrl}/2010-04-01/Accounts/${this.config.accountSid}/Messages.json`;
  }

  private async request(method: string, url: string, form?: URLSearchParams): Promise<Response> {
    const { apiKey, accountSid, authToken } = this.config;
    const user = apiKey ? `${apiKey.sid}:${apiKey.secret}` : `${accountSid}:${authToken}`;
    try {
      return await fetch(url, {
        method,
        headers: {
          authorization: `Basic ${Buffer.from(user).toString("base64")}`,
          accept: "application/json",
          ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        },
        ...(form ? { body: form.toString() } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw unreachable(error);
    }
  }
}

function twilioError(response: Response, body: string): DeliveryError {
  const parsed = parse<{ code?: unknown; message?: unknown }>(body);
  const code = typeof parsed?.code === "number" ? parsed.code : null;
  const message = typeof parsed?.message === "string" ? parsed.message : body.slice(0, 200);
  const detail = `Twilio: ${response.status}${code ? ` ${code}` : ""} ${message}`.trim();
  const { status } = response;
  if (status === 429 || status === 503) {
    const seconds = Number(response.headers.get("retry-after"));
    return new DeliveryError(detail, {
      retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000,
    });
  }
  // The number or the text was refused: sending it again changes nothing.
  const permanent = status === 400 && !(code !== null && SENDER_ERRORS.has(code));
  return new DeliveryError(detail, { permanent });
}

function unreachable(error: unknown): DeliveryError {
  const e = error as Error & { cause?: { code?: string } };
  const code = e.cause?.code ?? "";
  const message = `Twilio unreachable: ${e.name === "TimeoutError" ? "no answer in time" : ((e.cause as Error | undefined)?.message ?? e.message)}`;
  return new DeliveryError(message, { outcome: NOT_SENT.has(code) ? "retryable" : "unknown" });
}

function withoutLinks(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function parse<T>(body: string): T | null {
  try {
    return JSON.parse(body) as T;
  } catch {
    return null;
  }
}
