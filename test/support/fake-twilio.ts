// A fake Twilio on 127.0.0.1, for both directions.
// Out: the Messages API (POST and GET /2010-04-01/Accounts/{AccountSid}/Messages.json) checking
// what Twilio checks: Basic auth with the account's SID and Auth Token or one of its API keys, the
// account SID in the path, a form-encoded body, To in E.164, From (one of the account's numbers or
// an alphanumeric sender) or MessagingServiceSid, a Body of at most 1600 characters. It answers
// with Twilio's JSON: the message (SM…, queued) or an error {code, message, more_info, status}.
// In: it plays Twilio posting an incoming text to Ramp, signed with X-Twilio-Signature as Twilio
// signs it (written here independently of Ramp's checker).
import { createHmac, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LoopbackServer } from "./loopback-server.ts";

export interface FakeTwilioAccount {
  accountSid: string;
  authToken: string;
  apiKey?: { sid: string; secret: string };
  /** The account's phone numbers (From must be one of them, or an alphanumeric sender ID). */
  numbers: string[];
  messagingServiceSid?: string;
}

export interface TwilioMessageRecord {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  dateCreated: Date;
  statusCallback: string | null;
}

/** Every request to the Messages API, as received and as answered. */
export interface TwilioApiRequest {
  method: string;
  path: string;
  form: Record<string, string>;
  status: number;
  errorCode: number | null;
}

interface QueuedFailure {
  status: number;
  code: number;
  message: string;
  retryAfter?: number;
}

const E164 = /^\+[1-9][0-9]{1,14}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;

export class FakeTwilio extends LoopbackServer {
  readonly requests: TwilioApiRequest[] = [];
  /** Messages created, newest last. */
  readonly messages: TwilioMessageRecord[] = [];
  private readonly failures = new Map<string, QueuedFailure[]>();
  private readonly lostAnswers = new Map<string, number>();

  private constructor(
    readonly account: FakeTwilioAccount,
    private readonly now: () => Date,
  ) {
    super();
  }

  static async start(account: FakeTwilioAccount, now: () => Date = () => new Date()) {
    const fake = new FakeTwilio(account, now);
    await fake.listen();
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next `times` messages to `to` are refused as Twilio refuses them. */
  fail(to: string, failure: QueuedFailure, times = 1): void {
    const queue = this.failures.get(to) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.failures.set(to, queue);
  }

  /** The next message to `to` is created (and would be texted) but its answer never comes back. */
  loseAnswer(to: string): void {
    this.lostAnswers.set(to, (this.lostAnswers.get(to) ?? 0) + 1);
  }

  /** Messages created, optionally only those to one number. */
  sent(to?: string): TwilioMessageRecord[] {
    return this.messages.filter((m) => to === undefined || m.to === to);
  }

  // --- Twilio's role for incoming texts -------------------------------------------------------

  /**
   * Twilio posting an incoming text: to `postTo` (where Ramp listens), signed for `webhookUrl`
   * (the URL configured in the Twilio Console, Ramp's public address), unless a signature is given.
   */
  async postIncoming(options: {
    postTo: string;
    webhookUrl: string;
    from: string;
    to: string;
    body: string;
    messageSid?: string;
    signature?: string | null;
    authToken?: string;
  }): Promise<Response> {
    const params = this.incomingParams(options);
    const signature =
      options.signature === undefined
        ? signAsTwilio(options.authToken ?? this.account.authToken, options.webhookUrl, params)
        : options.signature;
    return fetch(options.postTo, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "user-agent": "TwilioProxy/1.1",
        ...(signature === null ? {} : { "x-twilio-signature": signature }),
      },
      body: new URLSearchParams(params).toString(),
    });
  }

  /**
   * Twilio's delivery receipt for a message it sent: posted to Ramp (`rampUrl`, where it listens)
   * at the path and query of the message's StatusCallback, signed for that URL.
   */
  async postStatus(
    message: TwilioMessageRecord,
    options: { rampUrl: string; status: string; errorCode?: string; authToken?: string },
  ): Promise<Response> {
    if (!message.statusCallback) throw new Error(`message ${message.sid} has no StatusCallback`);
    const params: Record<string, string> = {
      AccountSid: this.account.accountSid,
      ApiVersion: "2010-04-01",
      From: message.from ?? "+32460201234",
      MessageSid: message.sid,
      MessageStatus: options.status,
      SmsSid: message.sid,
      SmsStatus: options.status,
      To: message.to,
      ...(options.errorCode ? { ErrorCode: options.errorCode } : {}),
      ...(message.messagingServiceSid ? { MessagingServiceSid: message.messagingServiceSid } : {}),
    };
    const signed = new URL(message.statusCallback);
    return fetch(`${options.rampUrl}${signed.pathname}${signed.search}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": signAsTwilio(
          options.authToken ?? this.account.authToken,
          message.statusCallback,
          params,
        ),
      },
      body: new URLSearchParams(params).toString(),
    });
  }

  /** The parameters Twilio posts for an incoming SMS. */
  incomingParams(options: {
    from: string;
    to: string;
    body: string;
    messageSid?: string;
  }): Record<string, string> {
    const messageSid = options.messageSid ?? `SM${randomBytes(16).toString("hex")}`;
    return {
      ToCountry: "BE",
      ToState: "",
      SmsMessageSid: messageSid,
      NumMedia: "0",
      ToCity: "",
      FromZip: "",
      SmsSid: messageSid,
      FromState: "",
      SmsStatus: "received",
      FromCity: "",
      Body: options.body,
      FromCountry: "BE",
      To: options.to,
      ToZip: "",
      NumSegments: "1",
      MessageSid: messageSid,
      AccountSid: this.account.accountSid,
      From: options.from,
      ApiVersion: "2010-04-01",
    };
  }

  // --- the Messages API -------------------------------------------------------------------------

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", this.apiUrl);
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(url.pathname);
    const form =
      req.method === "POST"
        ? Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")))
        : Object.fromEntries(url.searchParams);
    const record = (status: number, errorCode: number | null) =>
      this.requests.push({
        method: req.method ?? "",
        path: url.pathname,
        form,
        status,
        errorCode,
      });
    const error = (status: number, code: number, message: string, headers = {}) => {
      record(status, code);
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(
        JSON.stringify({
          code,
          message,
          more_info: `https://www.twilio.com/docs/errors/${code}`,
          status,
        }),
      );
    };
    if (!match) return error(404, 20404, "The requested resource was not found");
    if (!this.authorized(req.headers.authorization)) {
      return error(401, 20003, "Authenticate");
    }
    if (match[1] !== this.account.accountSid) {
      return error(404, 20404, `The requested resource ${url.pathname} was not found`);
    }
    if (req.method === "GET") return this.list(url, res, record);
    if (req.method !== "POST") return error(405, 20004, "Method not allowed");
    if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) {
      return error(400, 20001, "Missing required parameter To in the post body");
    }
    const to = form.To ?? "";
    if (!to) return error(400, 21604, "A 'To' phone number is required.");
    if (!E164.test(to)) {
      return error(400, 21211, `Invalid 'To' Phone Number: ${to}`);
    }
    const from = form.From ?? null;
    const service = form.MessagingServiceSid ?? null;
    if (!from && !service) {
      return error(
        400,
        21603,
        "A 'From' or 'MessagingServiceSid' parameter is required to send a message",
      );
    }
    if (service && service !== this.account.messagingServiceSid) {
      return error(400, 21705, "The Messaging Service Sid is invalid.");
    }
    if (
      !service &&
      from &&
      !this.account.numbers.includes(from) &&
      !ALPHANUMERIC_SENDER.test(from)
    ) {
      return error(
        400,
        21606,
        `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
      );
    }
    const body = form.Body ?? "";
    if (!body) return error(400, 21602, "Message body is required.");
    if (form.StatusCallback !== undefined && !/^https?:\/\/[^/]+/.test(form.StatusCallback)) {
      return error(400, 21609, "Invalid StatusCallback url");
    }
    if ([...body].length > 1600) {
      return error(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
    }
    const failure = this.failures.get(to)?.shift();
    if (failure) {
      return error(failure.status, failure.code, failure.message, {
        ...(failure.retryAfter ? { "retry-after": String(failure.retryAfter) } : {}),
      });
    }
    const message: TwilioMessageRecord = {
      sid: `SM${randomBytes(16).toString("hex")}`,
      to,
      from: service ? null : from,
      messagingServiceSid: service,
      body,
      dateCreated: this.now(),
      statusCallback: form.StatusCallback ?? null,
    };
    this.messages.push(message);
    const lost = this.lostAnswers.get(to) ?? 0;
    if (lost > 0) {
      // Created and texted, but the answer is lost on the way back (Ramp's request times out).
      this.lostAnswers.set(to, lost - 1);
      record(0, null);
      return;
    }
    record(201, null);
    res.writeHead(201, { "content-type": "application/json" });
    res.end(JSON.stringify(this.resource(message)));
  }

  private list(url: URL, res: ServerResponse, record: (status: number, code: null) => void) {
    const to = url.searchParams.get("To");
    const pageSize = Number(url.searchParams.get("PageSize") ?? 50);
    const messages = this.messages
      .filter((m) => to === null || m.to === to)
      .reverse()
      .slice(0, pageSize)
      .map((m) => this.resource(m));
    record(200, null);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        messages,
        page: 0,
        page_size: pageSize,
        first_page_uri: url.pathname + url.search,
        next_page_uri: null,
        previous_page_uri: null,
        uri: url.pathname + url.search,
        start: 0,
        end: Math.max(0, messages.length - 1),
      }),
    );
  }

  private authorized(header: string | undefined): boolean {
    const match = /^Basic (.+)$/.exec(header ?? "");
    if (!match) return false;
    const [user, ...rest] = Buffer.from(match[1]!, "base64").toString("utf8").split(":");
    const password = rest.join(":");
    const { accountSid, authToken, apiKey } = this.account;
    return (
      (user === accountSid && password === authToken) ||
      (apiKey !== undefined && user === apiKey.sid && password === apiKey.secret)
    );
  }

  private resource(m: TwilioMessageRecord) {
    return {
      account_sid: this.account.accountSid,
      api_version: "2010-04-01",
      body: m.body,
      date_created: m.dateCreated.toUTCString().replace("GMT", "+0000"),
      date_sent: null,
      date_updated: m.dateCreated.toUTCString().replace("GMT", "+0000"),
      direction: "outbound-api",
      error_code: null,
      error_message: null,
      from: m.from,
      messaging_service_sid: m.messagingServiceSid,
      num_media: "0",
      num_segments: "1",
      price: null,
      price_unit: "USD",
      sid: m.sid,
      status: m.messagingServiceSid ? "accepted" : "queued",
      subresource_uris: {
        media: `/2010-04-01/Accounts/${this.account.accountSid}/Messages/${m.sid}/Media.json`,
      },
      to: m.to,
      uri: `/2010-04-01/Accounts/${this.account.accountSid}/Messages/${m.sid}.json`,
    };
  }
}

/** Twilio's signature: the URL, then each parameter's name and value sorted by name; HMAC-SHA1. */
export function signAsTwilio(authToken: string, url: string, params: Record<string, string>) {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => `${text}${name}${params[name]}`, url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}
