// A fake Slack Web API on 127.0.0.1 for integration tests and benchmarks. It records every call
// (method, parsed body, Authorization header) and answers the methods Ramp uses the way Slack
// does; failures can be injected per method (HTTP 429 with Retry-After, or {ok:false,error}).
// Start Ramp with SLACK_API_URL=fake.apiUrl: @slack/web-api posts to `${slackApiUrl}${method}`.
// Bolt's respond() posts to the response_url of a command or click; fake.responseUrl() makes one
// that points here, and its posts are recorded as method "response".
import type { IncomingMessage, ServerResponse } from "node:http";
import { LoopbackServer } from "./loopback-server.ts";

export type Body = Record<string, unknown>;

export interface RecordedCall {
  /** Web API method ("chat.postMessage"), or "response" for a post to a response_url. */
  method: string;
  path: string;
  body: Body;
  /** The Authorization header as sent ("Bearer xoxb-…"), if any. */
  auth: string | undefined;
  /** What the fake answered. */
  status: number;
  answer: Body;
  /** Order of arrival, from 1. */
  seq: number;
  /** performance.now() on arrival (for benchmarks; tests never assert on time). */
  at: number;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Body[];
  /** How often it was changed with chat.update. */
  updates: number;
}

export type Failure =
  | { status: 429; retryAfter: number }
  | { error: string }
  /** Never answer (until the server closes): a call lost in a failing network. */
  | { hang: true };

const BOT_USER_ID = "U0RAMPBOT";

export class FakeSlack extends LoopbackServer {
  readonly calls: RecordedCall[] = [];
  /** Messages by `${channel}/${ts}`, as they look now (after chat.update). */
  readonly messages = new Map<string, SlackMessage>();
  private readonly channels = new Map<string, { id: string; name: string; members: Set<string> }>();
  private readonly failures = new Map<
    string,
    Array<{ failure: Failure; match: (body: Body) => boolean }>
  >();
  private tsCounter = 0;
  private channelCounter = 0;
  private viewCounter = 0;
  private responseCounter = 0;

  /** Starts listening on an ephemeral port of 127.0.0.1. */
  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    await fake.listen();
    return fake;
  }

  /** SLACK_API_URL for Ramp (with the trailing slash the Web API client expects). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url, as Slack puts in every command and click. */
  responseUrl(): string {
    this.responseCounter += 1;
    return `http://127.0.0.1:${this.port}/response/${this.responseCounter}`;
  }

  /**
   * The next `times` calls of `method` (those whose body matches, if `match` is given) fail as
   * given: `{ status: 429, retryAfter: 30 }` answers HTTP 429 with Retry-After: 30;
   * `{ error: "internal_error" }` answers {ok:false,error}.
   */
  fail(
    method: string,
    failure: Failure,
    times = 1,
    match: (body: Body) => boolean = () => true,
  ): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push({ failure, match });
    this.failures.set(method, queue);
  }

  /** Failures injected but not yet used. */
  pendingFailures(): number {
    return [...this.failures.values()].reduce((n, queue) => n + queue.length, 0);
  }

  private takeFailure(method: string, body: Body): Failure | undefined {
    const queue = this.failures.get(method);
    const index = queue?.findIndex((f) => f.match(body)) ?? -1;
    if (!queue || index < 0) return undefined;
    return queue.splice(index, 1)[0]!.failure;
  }

  /** Forget the recorded calls (the messages and channels stay). */
  clearCalls(): void {
    this.calls.length = 0;
  }

  /** Recorded calls, optionally only those of one method and matching a filter. */
  callsOf(method: string, filter: (body: Body) => boolean = () => true): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && filter(c.body));
  }

  /** Posts to one response_url. */
  responsesTo(url: string): Body[] {
    const path = new URL(url).pathname;
    return this.calls.filter((c) => c.method === "response" && c.path === path).map((c) => c.body);
  }

  /** The DM channel id the fake gives a user (conversations.open). */
  dmOf(userId: string): string {
    return `D${userId.replace(/^[UW]/, "")}`;
  }

  /** Successful chat.postMessage calls to a channel, in order. */
  postsTo(channel: string): RecordedCall[] {
    return this.calls.filter(
      (c) => c.method === "chat.postMessage" && c.body.channel === channel && c.answer.ok === true,
    );
  }

  /** Messages in a channel as they look now, in posting order. */
  messagesIn(channel: string): SlackMessage[] {
    return [...this.messages.values()]
      .filter((m) => m.channel === channel)
      .sort((a, b) => Number(a.ts) - Number(b.ts));
  }

  /** The channel created with this name, if any. */
  channelNamed(name: string): { id: string; name: string; members: Set<string> } | undefined {
    return [...this.channels.values()].find((c) => c.name === name);
  }

  /**
   * Polls the recorded state until `check` returns something other than undefined/false, and
   * returns it. Fails with `what` after `timeoutMs` (a bound, not a measurement).
   */
  async waitFor<T>(
    what: string,
    check: () => T | undefined | false,
    timeoutMs = 15_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) {
        const seen = this.calls.map((c) => `${c.seq} ${c.method} ${c.status}`).join("\n");
        throw new Error(`timed out waiting for ${what}; calls so far:\n${seen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(req);
    const body = parseBody(raw, req.headers["content-type"]);
    const auth = req.headers.authorization;
    if (req.method === "POST" && url.pathname.startsWith("/response/")) {
      this.record("response", url.pathname, body, auth, 200, { ok: true });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true }));
      return;
    }
    const method = url.pathname.startsWith("/api/") ? url.pathname.slice("/api/".length) : "";
    const failure = this.takeFailure(method, body);
    if (failure && "hang" in failure) {
      this.record(method, url.pathname, body, auth, 0, { ok: false, error: "no answer" });
      return;
    }
    if (failure && "status" in failure) {
      const answer = { ok: false, error: "ratelimited" };
      this.record(method, url.pathname, body, auth, 429, answer);
      res.writeHead(429, {
        "content-type": "application/json",
        "retry-after": String(failure.retryAfter),
      });
      res.end(JSON.stringify(answer));
      return;
    }
    const answer = failure
      ? { ok: false, error: failure.error }
      : auth?.startsWith("Bearer xoxb-")
        ? this.answer(method, body)
        : { ok: false, error: "not_authed" };
    this.record(method, url.pathname, body, auth, 200, answer);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  }

  private record(
    method: string,
    path: string,
    body: Body,
    auth: string | undefined,
    status: number,
    answer: Body,
  ): void {
    this.calls.push({
      method,
      path,
      body,
      auth,
      status,
      answer,
      seq: this.calls.length + 1,
      at: performance.now(),
    });
  }

  private answer(method: string, body: Body): Body {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://zonnebeke-heide.slack.com/",
          team: "OCMW Zonnebeke-Heide",
          user: "ramp",
          team_id: "T0ZONNEBEKE",
          user_id: BOT_USER_ID,
          bot_id: "B0RAMPBOT",
          is_enterprise_install: false,
        };
      case "conversations.open": {
        const users = String(body.users ?? "");
        if (!users) return { ok: false, error: "users_list_not_supplied" };
        if (users.includes(",")) return { ok: false, error: "not_allowed_token_type" };
        return { ok: true, channel: { id: this.dmOf(users) } };
      }
      case "conversations.create": {
        const name = String(body.name ?? "");
        if (!/^[a-z0-9_-]{1,80}$/.test(name)) return { ok: false, error: "invalid_name_specials" };
        if (this.channelNamed(name)) return { ok: false, error: "name_taken" };
        this.channelCounter += 1;
        const id = `C0RAMP${String(this.channelCounter).padStart(4, "0")}`;
        this.channels.set(id, { id, name, members: new Set([BOT_USER_ID]) });
        return {
          ok: true,
          channel: {
            id,
            name,
            is_channel: true,
            is_private: body.is_private === "true",
            creator: BOT_USER_ID,
          },
        };
      }
      case "conversations.invite": {
        const channel = this.channels.get(String(body.channel ?? ""));
        if (!channel) return { ok: false, error: "channel_not_found" };
        for (const user of String(body.users ?? "").split(",")) {
          if (user) channel.members.add(user);
        }
        return { ok: true, channel: { id: channel.id, name: channel.name } };
      }
      case "chat.postMessage": {
        const channel = String(body.channel ?? "");
        if (!channel) return { ok: false, error: "channel_not_found" };
        if (!body.text && !body.blocks) return { ok: false, error: "no_text" };
        this.tsCounter += 1;
        const ts = `${1_790_000_000 + this.tsCounter}.000100`;
        const message: SlackMessage = {
          channel,
          ts,
          text: String(body.text ?? ""),
          blocks: (body.blocks as Body[] | undefined) ?? [],
          updates: 0,
        };
        this.messages.set(`${channel}/${ts}`, message);
        return {
          ok: true,
          channel,
          ts,
          message: { type: "message", text: message.text, ts, bot_id: "B0RAMPBOT" },
        };
      }
      case "chat.update": {
        const channel = String(body.channel ?? "");
        const ts = String(body.ts ?? "");
        const message = this.messages.get(`${channel}/${ts}`);
        if (!message) return { ok: false, error: "message_not_found" };
        message.text = String(body.text ?? message.text);
        if (body.blocks) message.blocks = body.blocks as Body[];
        message.updates += 1;
        return { ok: true, channel, ts, text: message.text };
      }
      case "chat.postEphemeral":
        if (!body.channel || !body.user) return { ok: false, error: "channel_not_found" };
        this.tsCounter += 1;
        return { ok: true, message_ts: `${1_790_000_000 + this.tsCounter}.000200` };
      case "views.open": {
        if (!body.trigger_id) return { ok: false, error: "invalid_trigger_id" };
        if (!body.view) return { ok: false, error: "invalid_arguments" };
        this.viewCounter += 1;
        return {
          ok: true,
          view: {
            ...(body.view as Body),
            id: `V0RAMP${String(this.viewCounter).padStart(4, "0")}`,
          },
        };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * The Web API client sends application/x-www-form-urlencoded with nested values (blocks, view)
 * as JSON strings; response_url posts are JSON. Both come back as one object.
 */
function parseBody(raw: string, contentType: string | undefined): Body {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Body;
  const body: Body = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return body;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
