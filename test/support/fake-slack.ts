// A fake Slack Web API on 127.0.0.1 for integration tests and benchmarks. It records every call
// (method, parsed body, Authorization header) and answers the methods Ramp uses the way Slack
// does; failures can be injected per method (HTTP 429 with Retry-After, or {ok:false,error}).
// Start Ramp with SLACK_API_URL=fake.apiUrl: @slack/web-api posts to `${slackApiUrl}${method}`.
// Bolt's respond() posts to the response_url of a command or click; fake.responseUrl() makes one
// that points here, and its posts are recorded as method "response". Files are uploaded the
// way Slack documents it: files.getUploadURLExternal gives an upload URL here (its POST is
// recorded as method "upload"), files.completeUploadExternal shares the file with a message.
// Every message and modal is checked against Slack's Block Kit limits (slack-blocks-check.ts):
// a bad one is refused as Slack would (invalid_blocks), and close() fails the test with it.
// It checks what Slack checks before it acts: the bot token (not_authed, invalid_auth), the scope
// each method needs against those manifests/slack/manifest.yaml grants (missing_scope, with
// `needed` and `provided`), and where the bot may act: it is a member of the channels it created,
// joined or was invited to; a private channel it is not in does not exist for it
// (channel_not_found), a public one refuses it (not_in_channel) except chat.postMessage with
// chat:write.public. The workspace has one public channel, #algemeen (C0ALGEMEEN), without the bot.
// For crash and timeout tests: messages keep their `metadata` and conversations.history returns
// it (with include_all_metadata); conversations.list finds created channels; a call can be held
// until the test lets Slack process it or drop it (hold), answered only after Slack processed it
// (answerAfterMs), and every call can be slowed down (latencyMs).
import type { IncomingMessage, ServerResponse } from "node:http";
import { LoopbackServer } from "./loopback-server.ts";
import { checkSlackCall } from "./slack-blocks-check.ts";
import {
  manifestBotScopes,
  type Place,
  POST_WITHOUT_JOINING,
  SCOPE_BY_METHOD,
  SOCKET_MODE_SCOPE,
} from "./slack-scopes.ts";

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
  /** Ids of the files the message shares (files.completeUploadExternal). */
  files?: string[];
  /** Message metadata posted with it ({event_type, event_payload}), if any. */
  metadata?: Body;
}

/** A file uploaded through files.getUploadURLExternal and the upload URL. */
export interface UploadedFile {
  id: string;
  filename: string;
  /** The length announced to files.getUploadURLExternal. */
  length: number;
  /** The bytes posted to the upload URL (null until they were). */
  bytes: Buffer | null;
  /** Set by files.completeUploadExternal: the title, where it was shared and with which message. */
  title: string | null;
  channel: string | null;
  blocks: Body[];
  initialComment: string | null;
  /** The message that shares it in `channel` (also in `messages`, with its `files`). */
  ts: string | null;
}

export type Failure =
  | { status: 429; retryAfter: number }
  | { error: string }
  /** An HTTP error status without Slack's JSON (a proxy or load balancer in trouble: 502, 503). */
  | { httpStatus: number }
  /** Never answer (until the server closes): a call lost in a failing network. */
  | { hang: true }
  /** Process the call at once, answer only after this long: Slack slower than Ramp's timeout. */
  | { answerAfterMs: number }
  /** Wait for the test (see FakeSlack.hold): then process and answer, or drop the call unseen. */
  | { hold: HeldCall };

/** A call the fake holds until the test decides what Slack did with it. */
export class HeldCall {
  private verdict!: (v: "process" | "drop") => void;
  private arrivedWith!: (body: Body) => void;
  /** Resolves with the call's body when it reaches the fake. */
  readonly arrived = new Promise<Body>((resolve) => (this.arrivedWith = resolve));
  readonly decided = new Promise<"process" | "drop">((resolve) => (this.verdict = resolve));
  /** Slack processes the call (even if the caller is gone) and answers if it still can. */
  process(): void {
    this.verdict("process");
  }
  /** The call is lost before Slack saw it: nothing happens, the connection is closed. */
  drop(): void {
    this.verdict("drop");
  }
  /** @internal */
  reached(body: Body): void {
    this.arrivedWith(body);
  }
}

const BOT_USER_ID = "U0RAMPBOT";

/** The bot token of the installation, unless the test gives its own. */
export const FAKE_BOT_TOKEN = "xoxb-1111111111-2222222222-rampTestToken";
/** The workspace's #algemeen: public, every member in it, the bot not. */
export const GENERAL_CHANNEL = "C0ALGEMEEN";

export interface FakeChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  /** When it was created, in seconds since the epoch (conversations.list's `created`). */
  created?: number;
  /** Members besides everyone (when `everyone`); the bot is one only when it created, joined or was invited. */
  members: Set<string>;
  /** Every member of the workspace is in it (like #algemeen), the bot only if in `members`. */
  everyone?: boolean;
}

export interface FakeSlackOptions {
  /** The installation's bot token; calls with another get invalid_auth. */
  botToken?: string;
  /** The app-level token for Socket Mode (apps.connections.open); none by default. */
  appToken?: string;
  /** The bot scopes granted; default those manifests/slack/manifest.yaml requests. */
  scopes?: string[];
}

/** A payload that broke Slack's Block Kit rules (refused with invalid_blocks). */
export interface InvalidPayload {
  method: string;
  body: Body;
  problems: string[];
}

export class FakeSlack extends LoopbackServer {
  readonly calls: RecordedCall[] = [];
  /** Payloads refused by the Block Kit check; close() throws while any are here. */
  readonly invalidPayloads: InvalidPayload[] = [];
  /** Messages by `${channel}/${ts}`, as they look now (after chat.update). */
  readonly messages = new Map<string, SlackMessage>();
  private readonly channels = new Map<string, FakeChannel>();
  /** DMs opened with conversations.open. */
  private readonly dms = new Set<string>();
  /** Users whose invitation Slack refuses, with the error (user_not_found, cant_invite, …). */
  private readonly inviteRefusals = new Map<string, string>();
  readonly botToken: string;
  /** The app-level token (xapp-…, with connections:write) for Socket Mode; set by FakeSocketMode. */
  appToken: string | undefined;
  /** The app-level token's scopes. */
  readonly appScopes = new Set([SOCKET_MODE_SCOPE]);
  /** The bot scopes this installation has (the manifest's unless the test says otherwise). */
  readonly scopes: Set<string>;
  /** Answers apps.connections.open with a WebSocket URL (a FakeSocketMode attaches itself). */
  socketUrl: (() => string) | null = null;
  /** Every API call (but auth.test) waits this long before Slack processes it (a slow Slack). */
  latencyMs = 0;
  /**
   * Slack's rate limits (bench/slack-rate-tiers.ts): the seconds to wait when this call is over
   * its method's limit (answered 429 with that Retry-After), else undefined. None by default.
   */
  rateLimit: ((method: string, body: Body) => number | undefined) | null = null;
  private readonly failures = new Map<
    string,
    Array<{ failure: Failure; match: (body: Body) => boolean }>
  >();
  private readonly files = new Map<string, UploadedFile>();
  private tsCounter = 0;
  private fileCounter = 0;
  private channelCounter = 0;
  private viewCounter = 0;
  private responseCounter = 0;

  constructor(options: FakeSlackOptions = {}) {
    super();
    this.botToken = options.botToken ?? FAKE_BOT_TOKEN;
    this.appToken = options.appToken;
    this.scopes = new Set(options.scopes ?? manifestBotScopes());
    this.channels.set(GENERAL_CHANNEL, {
      id: GENERAL_CHANNEL,
      name: "algemeen",
      isPrivate: false,
      members: new Set(),
      everyone: true,
    });
  }

  /** Starts listening on an ephemeral port of 127.0.0.1. */
  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    await fake.listen();
    return fake;
  }

  /** An installation from before the manifest asked for these scopes. */
  withoutScopes(...scopes: string[]): void {
    for (const scope of scopes) this.scopes.delete(scope);
  }

  /** A channel that exists in the workspace (the bot a member only if `members` says so). */
  addChannel(channel: FakeChannel): void {
    this.channels.set(channel.id, channel);
  }

  /** Every invitation of this user fails with `error` (user_not_found, cant_invite, …). */
  refuseInvite(userId: string, error: string): void {
    this.inviteRefusals.set(userId, error);
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

  /** Holds the next call of `method` (matching `match`) until the test decides its fate. */
  hold(method: string, match: (body: Body) => boolean = () => true): HeldCall {
    const held = new HeldCall();
    this.fail(method, { hold: held }, 1, match);
    return held;
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

  /**
   * Files uploaded and completed (files.completeUploadExternal), in upload order; only those
   * shared in `channel` if given. An upload never completed is not in the workspace.
   */
  uploadedFiles(channel?: string): UploadedFile[] {
    return [...this.files.values()].filter(
      (f) => f.title !== null && (channel === undefined || f.channel === channel),
    );
  }

  /** The channel created with this name, if any. */
  channelNamed(name: string): FakeChannel | undefined {
    return this.findChannel(name);
  }

  /** Channels created by conversations.create, in creation order. */
  createdChannels(): Array<{ id: string; name: string }> {
    // Not the workspace's own channels (#algemeen, a test's addChannel): those have no `created`.
    return [...this.channels.values()]
      .filter((c) => c.created !== undefined)
      .map(({ id, name }) => ({ id, name }));
  }

  private findChannel(name: string) {
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
    const bytes = await readBody(req);
    const auth = req.headers.authorization;
    if (req.method === "POST" && url.pathname.startsWith("/upload/")) {
      await this.upload(url.pathname, bytes, req.headers["content-type"], auth, res);
      return;
    }
    const body = parseBody(bytes.toString("utf8"), req.headers["content-type"]);
    if (req.method === "POST" && url.pathname.startsWith("/response/")) {
      if (this.refuseInvalid("response", url.pathname, body, auth, res)) return;
      this.record("response", url.pathname, body, auth, 200, { ok: true });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true }));
      return;
    }
    const method = url.pathname.startsWith("/api/") ? url.pathname.slice("/api/".length) : "";
    if (this.refuseInvalid(method, url.pathname, body, auth, res)) return;
    const limited = this.rateLimit?.(method, body);
    let failure: Failure | undefined =
      limited === undefined ? this.takeFailure(method, body) : { status: 429, retryAfter: limited };
    // auth.test is exempt: Bolt asks it before acknowledging the first request (within 3 s).
    if (this.latencyMs > 0 && method !== "auth.test")
      await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (failure && "hold" in failure) {
      failure.hold.reached(body);
      if ((await failure.hold.decided) === "drop") {
        this.record(method, url.pathname, body, auth, 0, { ok: false, error: "dropped" });
        res.destroy();
        return;
      }
      failure = undefined;
    }
    if (failure && "answerAfterMs" in failure) {
      const answer = this.answer(method, body);
      this.record(method, url.pathname, body, auth, 200, answer);
      await new Promise((resolve) => setTimeout(resolve, failure.answerAfterMs));
      if (!res.destroyed) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(answer));
      }
      return;
    }
    if (failure && "hang" in failure) {
      this.record(method, url.pathname, body, auth, 0, { ok: false, error: "no answer" });
      return;
    }
    if (failure && "httpStatus" in failure) {
      this.record(method, url.pathname, body, auth, failure.httpStatus, { ok: false });
      res.writeHead(failure.httpStatus, { "content-type": "text/html" });
      res.end("<html><body>Service Unavailable</body></html>");
      return;
    }
    if (res.destroyed) {
      // The caller gave up (or died) while Slack waited: Slack still processes the call.
      const answer = this.refuseAuth(method, auth) ?? this.answer(method, body);
      this.record(method, url.pathname, body, auth, 0, answer);
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
      : (this.refuseAuth(method, auth) ?? this.answer(method, body));
    this.record(method, url.pathname, body, auth, 200, answer);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  }

  /** Slack answers invalid_blocks to a payload that breaks its rules; so does this fake. */
  private refuseInvalid(
    method: string,
    path: string,
    body: Body,
    auth: string | undefined,
    res: ServerResponse,
  ): boolean {
    const problems = checkSlackCall(method, body);
    if (!problems || problems.length === 0) return false;
    this.invalidPayloads.push({ method, body, problems });
    const answer = { ok: false, error: "invalid_blocks", errors: problems };
    const status = method === "response" ? 400 : 200;
    this.record(method, path, body, auth, status, answer);
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
    return true;
  }

  /** Fails (after closing) if Ramp sent any payload that breaks Slack's Block Kit rules. */
  override async close(): Promise<void> {
    await super.close();
    if (this.invalidPayloads.length === 0) return;
    const list = this.invalidPayloads
      .map((p) => `${p.method}:\n  ${p.problems.join("\n  ")}`)
      .join("\n");
    throw new Error(`Ramp sent Slack payloads that break Block Kit rules:\n${list}`);
  }

  /**
   * The POST to an upload URL: Slack answers 200 with "OK - <length>" and keeps the bytes until
   * files.completeUploadExternal. Failures for method "upload" are injected like any other.
   */
  private async upload(
    path: string,
    raw: Buffer,
    contentType: string | undefined,
    auth: string | undefined,
    res: ServerResponse,
  ): Promise<void> {
    const received = await uploadedBytes(raw, contentType);
    const failure = this.takeFailure("upload", {});
    if (failure && "hang" in failure) {
      this.record("upload", path, { length: received.length }, auth, 0, { ok: false });
      return;
    }
    const file = this.files.get(path.slice("/upload/".length));
    const status = failure
      ? "status" in failure
        ? failure.status
        : "httpStatus" in failure
          ? failure.httpStatus
          : 500
      : file
        ? 200
        : 404;
    if (status === 200 && file) file.bytes = received;
    this.record("upload", path, { length: received.length }, auth, status, { ok: status === 200 });
    res.writeHead(status, {
      "content-type": "text/plain",
      ...(failure && "status" in failure ? { "retry-after": String(failure.retryAfter) } : {}),
    });
    res.end(status === 200 ? `OK - ${received.length}` : "upload failed");
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

  /** not_authed without a token, invalid_auth with one that is not this installation's. */
  private refuseAuth(method: string, auth: string | undefined): Body | undefined {
    const token = auth?.startsWith("Bearer ") ? auth.slice("Bearer ".length) : undefined;
    if (!token) return { ok: false, error: "not_authed" };
    const socket = method === "apps.connections.open";
    if (this.appToken && token === this.appToken)
      return socket ? undefined : { ok: false, error: "not_allowed_token_type" };
    if (token === this.botToken)
      return socket ? { ok: false, error: "not_allowed_token_type" } : undefined;
    return { ok: false, error: "invalid_auth" };
  }

  private isMember(channel: FakeChannel, userId: string): boolean {
    return channel.members.has(userId) || (channel.everyone === true && userId !== BOT_USER_ID);
  }

  /** Where a call acts, for its scope: the channel's kind (or "none" when it names none). */
  private placeOf(method: string, body: Body): Place {
    if (method === "conversations.create") return body.is_private === "true" ? "private" : "public";
    if (method === "conversations.open")
      return String(body.users ?? "").includes(",") ? "private" : "im";
    const id = String(body.channel ?? body.channel_id ?? "");
    if (!id) return "none";
    const channel = this.channels.get(id);
    if (channel) return channel.isPrivate ? "private" : "public";
    return /^[DUW]/.test(id) ? "im" : "none";
  }

  /** missing_scope as Slack answers it: the scope needed and the scopes the token has. */
  private refuseScope(method: string, body: Body): Body | undefined {
    const needed = SCOPE_BY_METHOD[method]?.(this.placeOf(method, body));
    if (!needed || this.scopes.has(needed)) return undefined;
    return { ok: false, error: "missing_scope", needed, provided: [...this.scopes].join(",") };
  }

  /**
   * Whether the bot may act in `id`: a DM it opened or a user's DM with the app, or a channel
   * it is a member of. A private channel it is not in does not exist for it; a public one
   * refuses it unless `publicWithoutJoining` (chat.postMessage with chat:write.public).
   */
  private refuseChannel(id: string, publicWithoutJoining = false): Body | undefined {
    if (!id) return { ok: false, error: "channel_not_found" };
    if (id.startsWith("D"))
      return this.dms.has(id) ? undefined : { ok: false, error: "channel_not_found" };
    if (/^[UW]/.test(id)) return undefined;
    const channel = this.channels.get(id);
    if (!channel || (channel.isPrivate && !this.isMember(channel, BOT_USER_ID)))
      return { ok: false, error: "channel_not_found" };
    if (this.isMember(channel, BOT_USER_ID)) return undefined;
    return publicWithoutJoining && this.scopes.has(POST_WITHOUT_JOINING)
      ? undefined
      : { ok: false, error: "not_in_channel" };
  }

  private answer(method: string, body: Body): Body {
    if (method !== "apps.connections.open" && !(method in SCOPE_BY_METHOD))
      return { ok: false, error: "unknown_method" };
    const refused = method === "apps.connections.open" ? undefined : this.refuseScope(method, body);
    if (refused) return refused;
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
      case "apps.connections.open":
        if (!this.appScopes.has(SOCKET_MODE_SCOPE))
          return {
            ok: false,
            error: "missing_scope",
            needed: SOCKET_MODE_SCOPE,
            provided: [...this.appScopes].join(","),
          };
        if (!this.socketUrl) return { ok: false, error: "internal_error" };
        return { ok: true, url: this.socketUrl() };
      case "conversations.open": {
        const users = String(body.users ?? "");
        if (!users) return { ok: false, error: "users_list_not_supplied" };
        if (users.includes(",")) return { ok: false, error: "not_allowed_token_type" };
        const id = this.dmOf(users);
        this.dms.add(id);
        return { ok: true, channel: { id } };
      }
      case "conversations.create": {
        const name = String(body.name ?? "");
        if (!/^[a-z0-9_-]{1,80}$/.test(name)) return { ok: false, error: "invalid_name_specials" };
        if (this.channelNamed(name)) return { ok: false, error: "name_taken" };
        this.channelCounter += 1;
        const id = `C0RAMP${String(this.channelCounter).padStart(4, "0")}`;
        const isPrivate = body.is_private === "true";
        this.channels.set(id, {
          id,
          name,
          members: new Set([BOT_USER_ID]),
          created: Math.floor(Date.now() / 1000),
          isPrivate,
        });
        return {
          ok: true,
          channel: { id, name, is_channel: true, is_private: isPrivate, creator: BOT_USER_ID },
        };
      }
      case "conversations.join": {
        const channel = this.channels.get(String(body.channel ?? ""));
        if (!channel || channel.isPrivate) return { ok: false, error: "channel_not_found" };
        channel.members.add(BOT_USER_ID);
        return { ok: true, channel: { id: channel.id, name: channel.name } };
      }
      case "conversations.invite":
        return this.invite(body);
      case "chat.postMessage": {
        const channel = String(body.channel ?? "");
        const refusedHere = this.refuseChannel(channel, true);
        if (refusedHere) return refusedHere;
        if (!body.text && !body.blocks) return { ok: false, error: "no_text" };
        const ts = this.nextTs();
        const message: SlackMessage = {
          channel,
          ts,
          text: String(body.text ?? ""),
          blocks: (body.blocks as Body[] | undefined) ?? [],
          updates: 0,
          ...(isBody(body.metadata) ? { metadata: body.metadata } : {}),
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
        // The bot's own messages: where it could post them, it can change them.
        const refusedHere = this.refuseChannel(channel, true);
        if (refusedHere) return refusedHere;
        const message = this.messages.get(`${channel}/${ts}`);
        if (!message) return { ok: false, error: "message_not_found" };
        message.text = String(body.text ?? message.text);
        if (body.blocks) message.blocks = body.blocks as Body[];
        message.updates += 1;
        return { ok: true, channel, ts, text: message.text };
      }
      case "chat.postEphemeral": {
        if (!body.channel || !body.user) return { ok: false, error: "channel_not_found" };
        // Ephemeral messages need the bot in the channel; chat:write.public does not help.
        const refusedHere = this.refuseChannel(String(body.channel));
        if (refusedHere) return refusedHere;
        const channel = this.channels.get(String(body.channel));
        if (channel && !this.isMember(channel, String(body.user)))
          return { ok: false, error: "user_not_in_channel" };
        return { ok: true, message_ts: this.nextTs() };
      }
      case "conversations.history":
        return this.history(body);
      case "conversations.list":
        return this.list(body);
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
      case "files.getUploadURLExternal": {
        const filename = String(body.filename ?? "");
        const length = Number(body.length ?? 0);
        // Slack answers missing_argument for a length of 0, as for a missing filename.
        if (!filename || !Number.isInteger(length) || length <= 0)
          return { ok: false, error: "missing_argument" };
        this.fileCounter += 1;
        const id = `F0RAMP${String(this.fileCounter).padStart(4, "0")}`;
        this.files.set(id, {
          id,
          filename,
          length,
          bytes: null,
          title: null,
          channel: null,
          blocks: [],
          initialComment: null,
          ts: null,
        });
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal":
        return this.completeUpload(body);
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  /**
   * conversations.invite: the bot must be in the channel. Each user Slack cannot add is named in
   * `errors` with the reason (already_in_channel too); without `force` nobody is added then,
   * with it the others are. The call answers ok:false with the first reason when any failed.
   */
  private invite(body: Body): Body {
    const id = String(body.channel ?? "");
    const refusedHere = this.refuseChannel(id);
    if (refusedHere) return refusedHere;
    const channel = this.channels.get(id);
    if (!channel) return { ok: false, error: "channel_not_found" };
    const users = String(body.users ?? "")
      .split(",")
      .filter(Boolean);
    if (users.length === 0) return { ok: false, error: "no_user" };
    const errors: Array<{ user: string; ok: false; error: string }> = [];
    const invited: string[] = [];
    for (const user of users) {
      const error =
        this.inviteRefusals.get(user) ??
        (user === BOT_USER_ID
          ? "cant_invite_self"
          : this.isMember(channel, user)
            ? "already_in_channel"
            : undefined);
      if (error) errors.push({ user, ok: false, error });
      else invited.push(user);
    }
    if (errors.length === 0 || body.force === "true")
      for (const user of invited) channel.members.add(user);
    if (errors.length > 0) return { ok: false, error: errors[0]!.error, errors };
    return { ok: true, channel: { id: channel.id, name: channel.name } };
  }
  /** A message ts as Slack makes them: seconds since the epoch, then a counter (unique, in order). */
  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, "0")}`;
  }

  /**
   * conversations.history: newest first, from `oldest` (exclusive) to `latest` (inclusive), at
   * most `limit` with a cursor; metadata only with include_all_metadata, as Slack does.
   */
  private history(body: Body): Body {
    const channel = String(body.channel ?? "");
    if (!channel.startsWith("D") && !this.channels.has(channel))
      return { ok: false, error: "channel_not_found" };
    const oldest = Number(body.oldest ?? 0);
    const latest = body.latest === undefined ? Number.POSITIVE_INFINITY : Number(body.latest);
    const withMetadata = body.include_all_metadata === "true" || body.include_all_metadata === true;
    const all = this.messagesIn(channel)
      .filter((m) => Number(m.ts) > oldest && Number(m.ts) <= latest)
      .reverse();
    const start = Number(body.cursor ?? 0);
    const limit = Math.min(Number(body.limit ?? 100), 999);
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return {
      ok: true,
      messages: page.map((m) => ({
        type: "message",
        ts: m.ts,
        text: m.text,
        bot_id: "B0RAMPBOT",
        ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
      })),
      has_more: more,
      response_metadata: { next_cursor: more ? String(start + limit) : "" },
    };
  }

  /** conversations.list: the channels created here (the bot is a member of each). */
  private list(body: Body): Body {
    const types = String(body.types ?? "public_channel").split(",");
    const channels = [...this.channels.values()].filter((c) =>
      types.includes(c.isPrivate ? "private_channel" : "public_channel"),
    );
    const start = Number(body.cursor ?? 0);
    const limit = Math.min(Number(body.limit ?? 100), 1000);
    const more = start + limit < channels.length;
    return {
      ok: true,
      channels: channels.slice(start, start + limit).map((c) => ({
        id: c.id,
        name: c.name,
        is_channel: true,
        is_private: c.isPrivate,
        created: c.created ?? 0,
        creator: BOT_USER_ID,
        is_member: true,
      })),
      response_metadata: { next_cursor: more ? String(start + limit) : "" },
    };
  }

  /** Shares uploaded files, with one message in `channel_id` (private without a channel). */
  private completeUpload(body: Body): Body {
    const list = body.files;
    if (!Array.isArray(list) || list.length === 0) return { ok: false, error: "invalid_arguments" };
    const files: UploadedFile[] = [];
    for (const entry of list as Array<{ id?: unknown; title?: unknown }>) {
      const file = this.files.get(String(entry.id ?? ""));
      // Not uploaded yet, or completed already: Slack knows no pending upload with that id.
      if (!file || file.bytes === null || file.title !== null)
        return { ok: false, error: "file_not_found" };
      files.push(file);
    }
    const channel = body.channel_id ? String(body.channel_id) : null;
    // Sharing a file in a channel needs the bot in it (chat:write.public does not help).
    const refusedHere = channel ? this.refuseChannel(channel) : undefined;
    if (refusedHere) return refusedHere;
    const initialComment = body.initial_comment ? String(body.initial_comment) : null;
    // Documented: with an initial_comment, the blocks are ignored.
    const blocks = initialComment ? [] : ((body.blocks as Body[] | undefined) ?? []);
    let ts: string | null = null;
    if (channel) {
      ts = this.nextTs();
      this.messages.set(`${channel}/${ts}`, {
        channel,
        ts,
        text: initialComment ?? "",
        blocks,
        updates: 0,
        files: files.map((f) => f.id),
      });
    }
    for (const [i, file] of files.entries()) {
      const entry = (list as Array<{ title?: unknown }>)[i]!;
      Object.assign(file, {
        title: entry.title ? String(entry.title) : file.filename,
        channel,
        blocks,
        initialComment,
        ts,
      });
    }
    return {
      ok: true,
      files: files.map((f) => ({ id: f.id, title: f.title, name: f.filename, size: f.length })),
    };
  }
}

function isBody(value: unknown): value is Body {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** An upload URL takes raw bytes or a multipart form (the Web API client sends the latter). */
async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith("multipart/form-data")) return raw;
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  for (const value of form.values()) {
    if (typeof value !== "string") return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
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
