// A fake Bot Framework connector (the Bot Connector REST API v3, Teams flavour) on 127.0.0.1 for
// integration tests. Activities sent to Ramp carry serviceUrl = fake.serviceUrl, so every reply,
// proactive message, card update and roster look-up Ramp makes comes here. It records each call
// and keeps the conversations' messages as they look now (after updates). Failures can be
// injected per operation (HTTP 429 with Retry-After, 403, 404, 500).
//
//   POST /v3/conversations/{id}/activities              send (proactive or in a turn)  → {id}
//   POST /v3/conversations/{id}/activities/{activityId} reply to an activity            → {id}
//   PUT  /v3/conversations/{id}/activities/{activityId} update a message in place       → {id}
//   DELETE /v3/conversations/{id}/activities/{activityId}
//   POST /v3/conversations                              create a conversation           → {id}
//   GET  /v3/conversations/{id}/members/{userId}        one member (TeamsChannelAccount)
//   GET  /v3/conversations/{id}/members                 all members
//
// With `requireToken` (Teams with an app id) it checks each call's bearer token as the Bot
// Connector does, and answers 401 without one that is valid.
//
// Every Adaptive Card it receives (and every card the harness gets back from an invoke) goes
// through teams-card-check.ts: a card Teams would garble fails the test, at the next waitFor()
// or at close() at the latest.
import type { IncomingMessage, ServerResponse } from "node:http";
import { LoopbackServer } from "./loopback-server.ts";
import { teamsCardProblems } from "./teams-card-check.ts";

export type Json = Record<string, unknown>;

export type Operation = "send" | "reply" | "update" | "delete" | "create" | "member" | "members";

export interface ConnectorCall {
  /** Order of arrival, from 1. */
  seq: number;
  method: string;
  path: string;
  operation: Operation | "unknown";
  /** The conversation id from the path, decoded. */
  conversationId: string;
  /** The activity id (update, reply, delete) or the user id (member) from the path. */
  targetId: string | undefined;
  body: Json;
  /** The Authorization header as sent, if any. */
  auth: string | undefined;
  /** What the fake answered. */
  status: number;
  answer: Json;
}

/** A message in a conversation as it looks now. */
export interface ConnectorMessage {
  conversationId: string;
  id: string;
  activity: Json;
  /** Every version, first the posted one, then each update. */
  versions: Json[];
  /** How often it was changed with PUT. */
  updates: number;
}

/** A member as GET …/members/{userId} answers it (a TeamsChannelAccount). */
export interface TeamsMember {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipalName?: string;
  email?: string;
  givenName?: string;
  surname?: string;
  tenantId?: string;
  userRole?: "user" | "guest" | "anonymous";
}

export type ConnectorFailure =
  | { status: 429; retryAfter: number }
  | { status: 403 | 404 | 500 | 502 | 503 };

interface QueuedFailure {
  operations: Operation[];
  failure: ConnectorFailure;
  conversationId: string | undefined;
  remaining: number;
}

/** An Action.Execute (or the Action.Execute inside an Action.ShowCard) found on a card. */
export interface CardAction {
  title: string;
  verb: string;
  data: Json;
  /** Input ids of the Action.ShowCard this Execute sits in (e.g. a reason to block a task). */
  inputs: string[];
}

export interface FakeConnectorOptions {
  /**
   * Why an Authorization header would be refused (null: accepted); e.g. the fake identity
   * service's verifyAccessToken. Without it every call is accepted, as unauthenticated.
   */
  requireToken?: (authorization: string | undefined) => string | null;
}

export class FakeConnector extends LoopbackServer {
  readonly calls: ConnectorCall[] = [];
  /** Messages by `${conversationId}/${id}`. */
  readonly messages = new Map<string, ConnectorMessage>();
  /** What teams-card-check.ts found wrong in the cards received, with where they came from. */
  readonly cardProblems: string[] = [];
  private readonly members = new Map<string, TeamsMember>();
  private readonly failures: QueuedFailure[] = [];
  private idCounter = 0;
  private conversationCounter = 0;

  private constructor(private readonly options: FakeConnectorOptions) {
    super();
  }

  /** Starts listening on an ephemeral port of 127.0.0.1. */
  static async start(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
    const fake = new FakeConnector(options);
    await fake.listen();
    return fake;
  }

  /** The serviceUrl to put in activities sent to Ramp (with the trailing slash Teams uses). */
  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** Adds (or replaces) a member the roster look-up knows, in every conversation. */
  addMember(member: TeamsMember): void {
    this.members.set(member.id, member);
  }

  /**
   * The next `times` calls of `operation` (optionally only to one conversation) fail as given:
   * `{ status: 429, retryAfter: 2 }` answers 429 with Retry-After: 2; `{ status: 403 }` answers
   * 403 as Teams does when the user blocked or uninstalled the bot.
   */
  fail(
    operation: Operation | Operation[],
    failure: ConnectorFailure,
    options: { times?: number; conversationId?: string } = {},
  ): void {
    // Several operations may share one injection: a proactive message is a send or a reply,
    // depending on the conversation reference it goes out with.
    this.failures.push({
      operations: Array.isArray(operation) ? operation : [operation],
      failure,
      conversationId: options.conversationId,
      remaining: options.times ?? 1,
    });
  }

  /** Failures injected with fail() that have not been used yet. */
  pendingFailures(operation: Operation): number {
    return this.failures
      .filter((f) => f.operations.includes(operation))
      .reduce((sum, f) => sum + f.remaining, 0);
  }

  /** Recorded calls of some operations, optionally filtered. */
  callsOf(
    operation: Operation | Operation[],
    filter: (call: ConnectorCall) => boolean = () => true,
  ): ConnectorCall[] {
    const ops = Array.isArray(operation) ? operation : [operation];
    return this.calls.filter((c) => ops.includes(c.operation as Operation) && filter(c));
  }

  /** Messages Ramp posted to a conversation (sends and replies), as they look now, in order. */
  messagesIn(conversationId: string): ConnectorMessage[] {
    return [...this.messages.values()]
      .filter((m) => m.conversationId === conversationId)
      .sort((a, b) => Number(a.id.split("-")[1]) - Number(b.id.split("-")[1]));
  }

  /** Messages Ramp posted to a conversation or any of its threads (`id;messageid=…`). */
  messagesInChannel(channelId: string): ConnectorMessage[] {
    return [...this.messages.values()]
      .filter((m) => m.conversationId.split(";")[0] === channelId)
      .sort((a, b) => Number(a.id.split("-")[1]) - Number(b.id.split("-")[1]));
  }

  message(conversationId: string, id: string): ConnectorMessage | undefined {
    return this.messages.get(`${conversationId}/${id}`);
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
      this.assertCards();
      const value = check();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) {
        const seen = this.calls
          .map((c) => `${c.seq} ${c.method} ${c.operation} ${c.conversationId} ${c.status}`)
          .join("\n");
        throw new Error(`timed out waiting for ${what}; calls so far:\n${seen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /**
   * Checks a card as Teams would read it; its problems are kept (and fail the test at the next
   * waitFor or at close) and returned.
   */
  checkCard(card: unknown, where: string): string[] {
    const problems = teamsCardProblems(card);
    for (const problem of problems) this.cardProblems.push(`${where}: ${problem}`);
    return problems;
  }

  /** Throws when a card received so far would be garbled by Teams. */
  assertCards(): void {
    if (this.cardProblems.length === 0) return;
    throw new Error(`cards Teams would garble:\n- ${this.cardProblems.join("\n- ")}`);
  }

  /** Closes the server, then fails if any card received would be garbled by Teams. */
  override async close(): Promise<void> {
    await super.close();
    this.assertCards();
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(req);
    const body = raw === "" ? {} : (JSON.parse(raw) as Json);
    const method = req.method ?? "GET";
    const route = matchRoute(method, url.pathname);
    const call: Omit<ConnectorCall, "seq" | "status" | "answer"> = {
      method,
      path: url.pathname,
      operation: route?.operation ?? "unknown",
      conversationId: route?.conversationId ?? "",
      targetId: route?.targetId,
      body,
      auth: req.headers.authorization,
    };
    const answer = (status: number, json: Json, headers: Record<string, string> = {}) => {
      this.calls.push({ ...call, seq: this.calls.length + 1, status, answer: json });
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(JSON.stringify(json));
    };
    if (!route) {
      answer(404, errorBody("NotFound", `no route ${method} ${url.pathname}`));
      return;
    }
    const refused = this.options.requireToken?.(req.headers.authorization);
    if (refused) {
      answer(401, errorBody("Unauthorized", `Authorization has been denied: ${refused}`));
      return;
    }
    const failure = this.takeFailure(route.operation, route.conversationId);
    if (failure) {
      if (failure.status === 429) {
        answer(429, errorBody("Throttled", "Too many requests"), {
          "retry-after": String(failure.retryAfter),
        });
      } else {
        const code =
          failure.status === 403
            ? "BotDisabledByAdmin"
            : failure.status === 404
              ? "ConversationNotFound"
              : "ServiceError";
        answer(failure.status, errorBody(code, `injected ${failure.status}`));
      }
      return;
    }
    if (route.operation === "send" || route.operation === "reply" || route.operation === "update")
      for (const card of adaptiveCards(body))
        this.checkCard(card, `${route.operation} to ${route.conversationId}`);
    switch (route.operation) {
      case "send":
      case "reply": {
        if (body.type === undefined) {
          answer(400, errorBody("BadArgument", "Activity must have a type"));
          return;
        }
        const id = this.nextId();
        const activity = { ...body, id };
        // A typing indicator (teams-ai sends one when a turn takes over a second) is no message.
        if (body.type !== "message") {
          answer(201, { id });
          return;
        }
        this.messages.set(`${route.conversationId}/${id}`, {
          conversationId: route.conversationId,
          id,
          activity,
          versions: [activity],
          updates: 0,
        });
        answer(201, { id });
        return;
      }
      case "update": {
        const key = `${route.conversationId}/${route.targetId}`;
        const message = this.messages.get(key);
        if (!message) {
          answer(404, errorBody("ActivityNotFoundInConversation", `no activity ${key}`));
          return;
        }
        const activity = { ...body, id: message.id };
        message.activity = activity;
        message.versions.push(activity);
        message.updates += 1;
        answer(200, { id: message.id });
        return;
      }
      case "delete":
        this.messages.delete(`${route.conversationId}/${route.targetId}`);
        answer(200, {});
        return;
      case "create": {
        this.conversationCounter += 1;
        const id = `a:1fake-personal-${this.conversationCounter}`;
        answer(201, { id, activityId: this.nextId() });
        return;
      }
      case "member": {
        const member = route.targetId ? this.members.get(route.targetId) : undefined;
        if (!member) {
          answer(404, errorBody("MemberNotFoundInConversation", "The member was not found"));
          return;
        }
        answer(200, { ...member, tenantId: member.tenantId });
        return;
      }
      case "members":
        answer(200, [...this.members.values()] as unknown as Json);
        return;
    }
  }

  private takeFailure(operation: Operation, conversationId: string): ConnectorFailure | undefined {
    const index = this.failures.findIndex(
      (f) =>
        f.operations.includes(operation) &&
        (f.conversationId === undefined || f.conversationId === conversationId),
    );
    if (index < 0) return undefined;
    const found = this.failures[index]!;
    found.remaining -= 1;
    if (found.remaining === 0) this.failures.splice(index, 1);
    return found.failure;
  }

  private nextId(): string {
    this.idCounter += 1;
    // Teams message ids are numeric timestamps; a prefix keeps them recognisable in failures.
    return `act-${this.idCounter}`;
  }
}

function matchRoute(
  method: string,
  pathname: string,
): { operation: Operation; conversationId: string; targetId?: string } | null {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== "v3" || parts[1] !== "conversations") return null;
  if (parts.length === 2)
    return method === "POST" ? { operation: "create", conversationId: "" } : null;
  const conversationId = parts[2]!;
  const [, , , collection, target] = parts;
  if (collection === "activities") {
    if (parts.length === 4 && method === "POST") return { operation: "send", conversationId };
    if (parts.length === 5) {
      if (method === "POST") return { operation: "reply", conversationId, targetId: target! };
      if (method === "PUT") return { operation: "update", conversationId, targetId: target! };
      if (method === "DELETE") return { operation: "delete", conversationId, targetId: target! };
    }
  }
  if (collection === "members" && method === "GET") {
    if (parts.length === 5) return { operation: "member", conversationId, targetId: target! };
    if (parts.length === 4) return { operation: "members", conversationId };
  }
  if (collection === "pagedmembers" && method === "GET")
    return { operation: "members", conversationId };
  return null;
}

function errorBody(code: string, message: string): Json {
  return { error: { code, message } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

// --- Reading what Ramp sent -----------------------------------------------------------------

/** Every Adaptive Card attached to an activity. */
function adaptiveCards(activity: Json): Json[] {
  const attachments = (activity.attachments as Json[] | undefined) ?? [];
  return attachments
    .filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    .map((a) => a.content as Json);
}

/** The Adaptive Card of an activity (its first attachment of that type), if any. */
export function cardOf(activity: Json): Json | undefined {
  const attachments = (activity.attachments as Json[] | undefined) ?? [];
  const card = attachments.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive");
  return card?.content as Json | undefined;
}

/** Every TextBlock's and FactSet's text of a card, in order, one per line (cards nested in ShowCards excluded). */
export function cardText(card: Json | undefined): string {
  const lines: string[] = [];
  const walk = (elements: unknown): void => {
    if (!Array.isArray(elements)) return;
    for (const element of elements as Json[]) {
      if (element.type === "TextBlock") lines.push(String(element.text));
      if (element.type === "FactSet") {
        for (const fact of (element.facts as Json[]) ?? []) {
          lines.push(`${String(fact.title)}: ${String(fact.value)}`);
        }
      }
      if (element.type === "Container") walk(element.items);
      if (element.type === "ColumnSet") {
        for (const column of (element.columns as Json[]) ?? []) walk(column.items);
      }
    }
  };
  walk(card?.body);
  return lines.join("\n");
}

/** The text of a message's card (or its plain text, when it has none). */
export function messageText(message: ConnectorMessage | Json): string {
  const activity = "activity" in message ? (message.activity as Json) : message;
  const card = cardOf(activity);
  return card ? cardText(card) : String(activity.text ?? "");
}

/** The Action.Execute buttons of a card, top-level and inside ShowCards and ActionSets. */
export function actionsOf(card: Json | undefined): CardAction[] {
  const found: CardAction[] = [];
  const inputIds = (body: unknown): string[] =>
    Array.isArray(body)
      ? (body as Json[]).filter((e) => String(e.type).startsWith("Input.")).map((e) => String(e.id))
      : [];
  const visit = (actions: unknown, inputs: string[]): void => {
    if (!Array.isArray(actions)) return;
    for (const action of actions as Json[]) {
      if (action.type === "Action.Execute") {
        found.push({
          title: String(action.title),
          verb: String(action.verb),
          data: (action.data as Json | undefined) ?? {},
          inputs,
        });
      }
      if (action.type === "Action.ShowCard") {
        const inner = action.card as Json;
        visit(inner.actions, [...inputs, ...inputIds(inner.body)]);
      }
    }
  };
  const walk = (elements: unknown): void => {
    if (!Array.isArray(elements)) return;
    for (const element of elements as Json[]) {
      if (element.type === "ActionSet") visit(element.actions, []);
      if (element.type === "Container") walk(element.items);
    }
  };
  walk(card?.body);
  visit(card?.actions, []);
  return found;
}

/** Button labels of a card: top-level Action.Execute and Action.ShowCard titles, in order. */
export function buttonLabels(card: Json | undefined): string[] {
  return ((card?.actions as Json[] | undefined) ?? []).map((a) => String(a.title));
}

/** The Action.OpenUrl buttons of a card (top-level), in order. */
export function openUrls(card: Json | undefined): { title: string; url: string }[] {
  return ((card?.actions as Json[] | undefined) ?? [])
    .filter((a) => a.type === "Action.OpenUrl")
    .map((a) => ({ title: String(a.title), url: String(a.url) }));
}
