// Ramp with its real Teams stack over HTTP (startRamp with RAMP_TEAMS=on, unauthenticated, port
// 0): Bot Framework activities posted to POST /api/messages, the bot's answers received by the
// fake connector (serviceUrl on 127.0.0.1); a fake clock and the scheduler ticked by hand.
import { type RunningRamp, startRamp } from "../../../src/app.ts";
import { type Config, readConfig } from "../../../src/config/env.ts";
import { createLogger } from "../../../src/logging.ts";
import type { Plan } from "../../../src/plan/schema.ts";
import { type Database, openDatabase } from "../../../src/store/database.ts";
import { FakeClock, loadSamplePlan } from "../../support/engine.ts";
import {
  actionsOf,
  type CardAction,
  type ConnectorMessage,
  cardOf,
  FakeConnector,
  type Json,
  messageText,
  openUrls,
} from "../../support/fake-connector.ts";
import { FakeIdentity } from "../../support/fake-identity.ts";
import {
  actionExecute,
  botAdded,
  channelMention,
  groupChatMention,
  installationUpdate,
  personalConversationId,
  personalMessage,
  TEAM,
  TENANT_ID,
  type TeamsUser,
  teamsUser,
} from "../../support/teams-activities.ts";

export const MESSAGES_PATH = "/api/messages";
/** Signs the board's sign-in links; required whenever a chat platform is on. */
export const RAMP_SECRET = "9c4f1e7a2b8d0c6e5f3a1b9d7c2e4f6a8b0d1c3e5f7a9b2d";

/** Sunday 22 November 2026, 09:00 in Brussels. */
export const T0 = new Date("2026-11-22T08:00:00Z");

/** Plan people by their first name (the sample plan's ids are `first-last`). */
export type Who =
  | "marleen"
  | "pieter"
  | "sofie"
  | "johan"
  | "katrien"
  | "els"
  | "bart"
  | "lien"
  | "geert"
  | "hanne"
  | "kevin"
  | "ines";

export const PERSON: Record<Who, string> = {
  marleen: "marleen-vandamme", // voorzitter
  pieter: "pieter-declercq", // coordinator, algemeen directeur
  sofie: "sofie-vermeulen", // deputy, adjunct algemeen directeur
  johan: "johan-maes", // financieel directeur
  katrien: "katrien-dewilde", // adjunct financieel directeur
  els: "els-verhaeghe", // diensthoofd sociale dienst
  bart: "bart-lannoo", // deskundige ICT
  lien: "lien-coussens", // stafmedewerker
  geert: "geert-vanhoutte", // alternate of the voorzitter
  hanne: "hanne-desmet", // communicatie (not crisis staff)
  kevin: "kevin-dumon", // alternate of bart
  ines: "ines-lambrecht", // alternate of els
};

/** Crisis-staff holders paged at the start (the coordinator declares, so he counts as coming). */
export const PAGED_AT_START: Who[] = [
  "marleen",
  "sofie",
  "johan",
  "katrien",
  "els",
  "bart",
  "lien",
];

/** The bot's app registration, in the authenticated mode. */
export const APP_ID = "3f6c9a1e-2b4d-4e8f-9a0b-1c2d3e4f5a6b";
export const APP_SECRET = "client-secret-of-the-app-registration";

export type AppType = "SingleTenant" | "MultiTenant" | "UserAssignedMSI";

/**
 * Teams with an app id: the fake identity service signs what the channel sends Ramp, issues
 * Ramp's own tokens, and the fake connector refuses every call without a valid one.
 */
export interface Authenticated {
  appType?: AppType;
  /** Seconds Ramp's access tokens are valid. */
  accessTokenSeconds?: number;
}

/** Someone with a Teams account in the tenant who is not in the plan. */
export const STRANGER = teamsUser("jan.buiten@zonnebeke-heide.be", "Jan Buiten");

export interface InvokeResult {
  status: number;
  /** The invoke response body: {statusCode, type, value}. */
  body: Json;
  /** The card in the invoke response (type application/vnd.microsoft.card.adaptive), if any. */
  card: Json | undefined;
  text: string;
}

export class TeamsRamp {
  readonly users = new Map<string, TeamsUser>();

  private constructor(
    readonly ramp: RunningRamp,
    readonly fake: FakeConnector,
    readonly clock: FakeClock,
    readonly databaseUrl: string,
    private readonly db: Database,
    plan: Plan,
    /** The fake identity service, in the authenticated mode. */
    readonly identity: FakeIdentity | null,
  ) {
    for (const person of plan.people) {
      if (!person.teamsUserId) continue;
      this.users.set(person.id, teamsUser(person.teamsUserId, person.name));
    }
  }

  static async start(
    databaseUrl: string,
    options: {
      env?: Record<string, string>;
      start?: Date;
      config?: Partial<Config>;
      /** With an app id and the fake identity service (see Authenticated). */
      authenticated?: Authenticated;
    } = {},
  ): Promise<TeamsRamp> {
    const auth = options.authenticated;
    const identity = auth
      ? await FakeIdentity.start({
          appId: APP_ID,
          appSecret: auth.appType === "UserAssignedMSI" ? undefined : APP_SECRET,
          accessTokenSeconds: auth.accessTokenSeconds,
        })
      : null;
    const fake = await FakeConnector.start(
      identity ? { requireToken: (header) => identity.verifyAccessToken(header) } : {},
    );
    const clock = new FakeClock(options.start ?? T0);
    const appType = auth?.appType ?? "SingleTenant";
    // A managed identity's tokens come from the machine's IMDS endpoint; Azure's SDK takes its
    // address from this variable (as in AKS pod identity), read at the first token request.
    if (identity && appType === "UserAssignedMSI")
      process.env.AZURE_POD_IDENTITY_AUTHORITY_HOST = identity.url;
    const config: Config = {
      ...readConfig({
        DATABASE_URL: databaseUrl,
        RAMP_TEAMS: "on",
        RAMP_SECRET,
        ...(identity
          ? {
              MICROSOFT_APP_ID: APP_ID,
              MICROSOFT_APP_TYPE: appType,
              ...(appType === "UserAssignedMSI" ? {} : { MICROSOFT_APP_PASSWORD: APP_SECRET }),
              ...(appType === "MultiTenant" ? {} : { MICROSOFT_APP_TENANT_ID: TENANT_ID }),
              ...identity.env(appType === "MultiTenant" ? undefined : TENANT_ID),
            }
          : {}),
        ...options.env,
      }),
      port: 0,
      host: "127.0.0.1",
      ...options.config,
    };
    const logger = createLogger(process.env.RAMP_TEST_LOG_LEVEL ?? "silent");
    try {
      const { plan } = await loadSamplePlan();
      const ramp = await startRamp(config, logger, { clock, startScheduler: false });
      // Ramp's own client (SQLite: shared per file in this process). A second SQLite library in
      // the process (raw-sql.ts's better-sqlite3) must not open the file while Ramp writes:
      // closing it drops Ramp's POSIX locks and deletes the WAL under Ramp's feet.
      const db = await openDatabase(databaseUrl, { migrate: false });
      const harness = new TeamsRamp(ramp, fake, clock, databaseUrl, db, plan, identity);
      // The tenant's directory: what TeamsInfo.getMember answers for each user.
      for (const user of [...harness.users.values(), STRANGER]) {
        fake.addMember({
          id: user.id,
          name: user.name,
          aadObjectId: user.aadObjectId,
          userPrincipalName: user.userPrincipalName,
          email: user.userPrincipalName,
          tenantId: TENANT_ID,
          userRole: "user",
        });
      }
      return harness;
    } catch (error) {
      await fake.close();
      await identity?.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.db.close();
    await this.ramp.close();
    await this.fake.close();
    await this.identity?.close();
    if (this.identity) delete process.env.AZURE_POD_IDENTITY_AUTHORITY_HOST;
  }

  user(who: Who | TeamsUser): TeamsUser {
    if (typeof who !== "string") return who;
    const user = this.users.get(PERSON[who]);
    if (!user) throw new Error(`${who} has no Teams account in the sample plan`);
    return user;
  }

  /** The personal conversation of a user with the bot. */
  dm(who: Who | TeamsUser): string {
    return personalConversationId(this.user(who));
  }

  /**
   * Posts an activity to POST /api/messages as the Teams channel service would: in the
   * authenticated mode with a token the fake identity service signed for it, unless `headers`
   * bring their own Authorization.
   */
  async post(
    activity: Json,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: string }> {
    const token = this.identity?.channelToken({ serviceUrl: String(activity.serviceUrl) });
    const response = await fetch(`${this.ramp.url}${MESSAGES_PATH}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify(activity),
    });
    return { status: response.status, body: await response.text() };
  }

  async installPersonal(who: Who | TeamsUser): Promise<void> {
    const sent = await this.post(
      installationUpdate(this.fake.serviceUrl, { from: this.user(who), scope: "personal" }),
    );
    if (sent.status >= 300) throw new Error(`installationUpdate answered ${sent.status}`);
  }

  async installInTeam(who: Who | TeamsUser): Promise<void> {
    const from = this.user(who);
    for (const activity of [
      installationUpdate(this.fake.serviceUrl, { from, scope: "team" }),
      botAdded(this.fake.serviceUrl, { from, scope: "team" }),
    ]) {
      const sent = await this.post(activity);
      if (sent.status >= 300) throw new Error(`${String(activity.type)} answered ${sent.status}`);
    }
  }

  /** `@Ramp <text>` in the team's channel, as a new post (its own thread); returns the thread id. */
  async mention(
    who: Who | TeamsUser,
    text: string,
  ): Promise<{ status: number; conversationId: string; activityId: string }> {
    const activity = channelMention(this.fake.serviceUrl, { from: this.user(who), text });
    const sent = await this.post(activity);
    return {
      status: sent.status,
      conversationId: String((activity.conversation as Json).id),
      activityId: String(activity.id),
    };
  }

  /** `@Ramp <text>` in the crisis team's group chat. */
  async mentionInGroupChat(
    who: Who | TeamsUser,
    text: string,
  ): Promise<{ status: number; conversationId: string; activityId: string }> {
    const activity = groupChatMention(this.fake.serviceUrl, { from: this.user(who), text });
    const sent = await this.post(activity);
    return {
      status: sent.status,
      conversationId: String((activity.conversation as Json).id),
      activityId: String(activity.id),
    };
  }

  /** A message in the person's personal chat with the bot. */
  async say(who: Who | TeamsUser, text: string): Promise<{ status: number }> {
    return this.post(personalMessage(this.fake.serviceUrl, { from: this.user(who), text }));
  }

  /** The bot's replies to one activity (POST …/activities/{activityId}). */
  repliesTo(conversationId: string, activityId: string): ConnectorMessage[] {
    const ids = new Set(
      this.fake
        .callsOf("reply", (c) => c.conversationId === conversationId && c.targetId === activityId)
        .map((c) => String(c.answer.id)),
    );
    return this.fake.messagesIn(conversationId).filter((m) => ids.has(m.id));
  }

  /** Waits for the bot's first reply to an activity and returns its card's text. */
  async replyTo(sent: { conversationId: string; activityId: string }): Promise<ConnectorMessage> {
    return this.fake.waitFor(
      `a reply to ${sent.activityId}`,
      () => this.repliesTo(sent.conversationId, sent.activityId)[0],
    );
  }

  /** Clicks the Action.Execute button titled `label` (exact, else prefix) of a message's card. */
  async click(
    who: Who | TeamsUser,
    message: ConnectorMessage,
    label: string,
    inputs: Json = {},
  ): Promise<InvokeResult> {
    const action = findAction(cardOf(message.activity), label, message.id);
    return this.execute(who, message, action.verb, action.data, inputs);
  }

  /** Sends an Action.Execute invoke with a verb and data for a message. */
  async execute(
    who: Who | TeamsUser,
    message: { conversationId: string; id: string },
    verb: string,
    data: Json,
    inputs: Json = {},
    trigger: "manual" | "automatic" = "manual",
  ): Promise<InvokeResult> {
    const sent = await this.post(
      actionExecute(this.fake.serviceUrl, {
        from: this.user(who),
        conversationId: message.conversationId,
        replyToId: message.id,
        verb,
        data,
        inputs,
        trigger,
      }),
    );
    const body = sent.body ? (JSON.parse(sent.body) as Json) : {};
    const card =
      body.type === "application/vnd.microsoft.card.adaptive" ? (body.value as Json) : undefined;
    if (card) {
      this.fake.checkCard(card, `the invoke response to ${verb}`);
      this.fake.assertCards();
    }
    return {
      status: sent.status,
      body,
      card,
      text: card ? messageText({ attachments: [{ contentType: body.type, content: card }] }) : "",
    };
  }

  /** Asks for the current card as Teams does when someone looks at it (Universal Actions refresh). */
  refresh(who: Who | TeamsUser, message: ConnectorMessage): Promise<InvokeResult> {
    const refresh = (cardOf(message.activity)?.refresh as Json | undefined)?.action as
      | Json
      | undefined;
    if (!refresh) throw new Error(`the card of ${message.id} has no refresh action`);
    return this.execute(
      who,
      message,
      String(refresh.verb),
      (refresh.data as Json | undefined) ?? {},
      {},
      "automatic",
    );
  }

  /** The team's channel messages (all threads) whose card text matches, as they look now. */
  channelMessages(text?: string | RegExp): ConnectorMessage[] {
    return this.fake
      .messagesInChannel(TEAM.id)
      .filter((m) => (text === undefined ? true : matches(messageText(m), text)));
  }

  channelMessage(text: string | RegExp): ConnectorMessage | undefined {
    return this.channelMessages(text)[0];
  }

  waitForChannelMessage(text: string | RegExp): Promise<ConnectorMessage> {
    return this.fake.waitFor(`a channel message ${text}`, () => this.channelMessage(text));
  }

  /** Messages in a person's personal chat whose card text matches, as they look now. */
  dmMessages(who: Who | TeamsUser, text?: string | RegExp): ConnectorMessage[] {
    return this.fake
      .messagesIn(this.dm(who))
      .filter((m) => (text === undefined ? true : matches(messageText(m), text)));
  }

  waitForDm(who: Who | TeamsUser, text: string | RegExp): Promise<ConnectorMessage> {
    return this.fake.waitFor(
      `a personal message ${text} to ${typeof who === "string" ? who : who.name}`,
      () => this.dmMessages(who, text)[0],
    );
  }

  /** A message as it looks now (after updates). */
  current(message: ConnectorMessage): ConnectorMessage {
    return this.fake.message(message.conversationId, message.id)!;
  }

  /**
   * Waits until every outbox message that is due has been handed to Teams (sent, or set aside
   * for a later retry).
   */
  async settled(): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [row] = await this.query(
        `SELECT count(*) AS n FROM "OutboxMessage" WHERE status = 'leased' OR (status = 'pending' AND attempts = 0)`,
      );
      if (Number(row?.n) === 0) return;
      if (Date.now() > deadline) throw new Error(`the outbox did not drain (${row?.n} left)`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** One scheduler tick (jobs due at the fake clock's time, then deliveries), after the outbox settled. */
  async tick(): Promise<void> {
    await this.settled();
    await this.ramp.scheduler.tick();
  }

  /** Polls an asynchronous check (the database, say) until it holds; fails with `what` after `timeoutMs`. */
  async until<T>(
    what: string,
    check: () => Promise<T | undefined | false>,
    timeoutMs = 15_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Plain SQL with $1, $2, … placeholders on either database, through Ramp's own client. */
  async query(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    const text = this.db.provider === "sqlite" ? sql.replace(/\$\d+/g, "?") : sql;
    return this.db.client.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params);
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await this.query(sql, params);
    return Number(Object.values(row ?? {})[0]);
  }

  timelineCount(type: string): Promise<number> {
    return this.count(`SELECT count(*) AS n FROM "TimelineEntry" WHERE type = $1`, [type]);
  }
}

export function matches(text: string, pattern: string | RegExp): boolean {
  return typeof pattern === "string" ? text.includes(pattern) : pattern.test(text);
}

/** The shared post-incident reviews in a conversation: cards with a button to the Word document. */
export function reviewCards(fake: FakeConnector, conversationId: string): ConnectorMessage[] {
  return fake
    .messagesIn(conversationId)
    .filter((m) => openUrls(cardOf(m.activity)).some((b) => /\.docx$/.test(b.url)));
}

export function findAction(card: Json | undefined, label: string, where = "card"): CardAction {
  const actions = actionsOf(card);
  const action =
    actions.find((a) => a.title === label) ?? actions.find((a) => a.title.startsWith(label));
  if (!action) {
    throw new Error(
      `no button "${label}" on ${where}; it has: ${actions.map((a) => a.title).join(", ") || "none"}`,
    );
  }
  return action;
}
