// Ramp with its real Bolt stack over HTTP (startRamp, config.slack set, port 0) against the fake
// Slack Web API, on a given database, with a fake clock and the scheduler ticked by hand.
import { type RunningRamp, startRamp } from "../../../src/app.ts";
import { readConfig } from "../../../src/config/env.ts";
import { createLogger } from "../../../src/logging.ts";
import { type Database, openDatabase } from "../../../src/store/database.ts";
import { FakeClock } from "../../support/engine.ts";
import { type Body, FakeSlack, type SlackMessage } from "../../support/fake-slack.ts";
import {
  blockAction,
  findButton,
  type SendOptions,
  type SlackRequest,
  sendToSlackEndpoint,
  slashCommand,
  viewSubmission,
} from "../../support/slack-requests.ts";

export const SIGNING_SECRET = "8f2c0d6e4b1a9f73c5e2d8b0a4f6c1e9";
export const BOT_TOKEN = "xoxb-1111111111-2222222222-rampTestToken";

/** Sunday 22 November 2026, 09:00 in Brussels. */
export const T0 = new Date("2026-11-22T08:00:00Z");

/** Slack member ids of the sample plan's people. */
export const U = {
  pieter: "U04PD3X8L2C", // coordinator, holder of algemeen-directeur
  sofie: "U04SV5N1R7D", // deputy, holder of adjunct-algemeen-directeur
  marleen: "U04MV7K2Q1B", // voorzitter
  geert: "U04GV9R4J2T", // alternate of the voorzitter
  johan: "U04JM2T6W4E", // financieel directeur
  katrien: "U04KD8H3Y5F", // adjunct financieel directeur
  els: "U04EV6P9Z2G", // diensthoofd sociale dienst
  ines: "U04IL1N9S5R", // alternate of els
  bart: "U04BL1C4M8H", // deskundige ICT
  kevin: "U04KV8M2T4Q", // alternate of bart
  lien: "U04LC9D7Q3J", // stafmedewerker
  hanne: "U04HD3L6C7P", // communicatie (not crisis staff)
  stranger: "U09NOTINPLAN",
} as const;

/** Crisis-staff holders with a Slack id who are paged (the coordinator declares, so counts as coming). */
export const PAGED_AT_START = [U.marleen, U.sofie, U.johan, U.katrien, U.els, U.bart, U.lien];

export const CHANNEL_NAME = "ramp-2026-11-22-brand-in-het-administratief-centrum";

export interface Sent {
  status: number;
  responseUrl: string;
  /** Waits for the first message Ramp posted to this request's response_url. */
  reply(): Promise<Body>;
}

export class SlackRamp {
  private constructor(
    readonly ramp: RunningRamp,
    readonly fake: FakeSlack,
    readonly clock: FakeClock,
    /**
     * The test's own handle on Ramp's database, for assertions. On SQLite it shares Ramp's
     * connection: a second better-sqlite3 connection in this process would block the event loop
     * while Ramp holds the write lock across an await (see src/store/sqlite-client.ts).
     */
    readonly db: Database,
  ) {}

  static async start(
    databaseUrl: string,
    options: {
      planFile?: string;
      start?: Date;
      beforeStart?: (fake: FakeSlack) => void | Promise<void>;
      /** More environment, e.g. an SMS gateway. */
      env?: Record<string, string>;
    } = {},
  ): Promise<SlackRamp> {
    const fake = await FakeSlack.start();
    await options.beforeStart?.(fake);
    const clock = new FakeClock(options.start ?? T0);
    const config = {
      ...readConfig({
        DATABASE_URL: databaseUrl,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        RAMP_SECRET: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978",
        ...(options.planFile ? { RAMP_PLAN: options.planFile } : {}),
        ...options.env,
      }),
      port: 0,
      host: "127.0.0.1",
    };
    const logger = createLogger(process.env.RAMP_TEST_LOG_LEVEL ?? "silent");
    try {
      const ramp = await startRamp(config, logger, { clock, startScheduler: false });
      const db = await openDatabase(databaseUrl, { migrate: false });
      return new SlackRamp(ramp, fake, clock, db);
    } catch (error) {
      await fake.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.db.close();
    await this.ramp.close();
    await this.fake.close();
  }

  send(request: SlackRequest, options: SendOptions = {}): Promise<Response> {
    return sendToSlackEndpoint(this.ramp.url, SIGNING_SECRET, request, options);
  }

  private sent(response: Response, responseUrl: string): Sent {
    return {
      status: response.status,
      responseUrl,
      reply: () =>
        this.fake.waitFor(`a reply to ${responseUrl}`, () => this.fake.responsesTo(responseUrl)[0]),
    };
  }

  /** `/ramp <text>` typed by a Slack user. */
  async command(
    userId: string,
    text: string,
    options: SendOptions & { channelId?: string; responseUrl?: string; triggerId?: string } = {},
  ): Promise<Sent> {
    const responseUrl = options.responseUrl ?? this.fake.responseUrl();
    const request = slashCommand({
      userId,
      text,
      responseUrl,
      ...(options.channelId ? { channelId: options.channelId } : {}),
      ...(options.triggerId ? { triggerId: options.triggerId } : {}),
    });
    const response = await this.send(request, options);
    await response.arrayBuffer();
    return this.sent(response, responseUrl);
  }

  /** A click on the button labelled `label` of a message Ramp posted. */
  async click(
    userId: string,
    message: SlackMessage,
    label: string,
    options: SendOptions & { responseUrl?: string; triggerId?: string } = {},
  ): Promise<Sent> {
    const responseUrl = options.responseUrl ?? this.fake.responseUrl();
    const request = blockAction({
      userId,
      message,
      button: findButton(message, label),
      responseUrl,
      ...(options.triggerId ? { triggerId: options.triggerId } : {}),
    });
    const response = await this.send(request, options);
    await response.arrayBuffer();
    return this.sent(response, responseUrl);
  }

  /** Submits a modal Ramp opened; returns Slack's view of Ramp's answer (the ack body). */
  async submit(
    userId: string,
    view: Body,
    values: Record<string, Record<string, Body>>,
  ): Promise<{ status: number; body: string }> {
    const response = await this.send(viewSubmission({ userId, view, values }));
    return { status: response.status, body: await response.text() };
  }

  /** The incident channel's id, once created. */
  async incidentChannel(name = CHANNEL_NAME): Promise<string> {
    return this.fake.waitFor(`channel ${name}`, () => this.fake.channelNamed(name)?.id);
  }

  /** The message in `channel` whose fallback text matches, as it looks now. */
  message(channel: string, text: string | RegExp): SlackMessage | undefined {
    return this.fake
      .messagesIn(channel)
      .find((m) => (typeof text === "string" ? m.text.includes(text) : text.test(m.text)));
  }

  waitForMessage(channel: string, text: string | RegExp): Promise<SlackMessage> {
    return this.fake.waitFor(`a message ${text} in ${channel}`, () => this.message(channel, text));
  }

  /** The task card of a plan task in `channel` (found by its task id, the block id of its buttons). */
  async taskCard(
    channel: string,
    planTaskId: string,
    situation: "A" | "B" = "B",
  ): Promise<SlackMessage> {
    const [row] = await this.query(
      `SELECT id FROM "Task" WHERE "planTaskId" = $1 AND situation = $2`,
      [planTaskId, situation],
    );
    if (!row) throw new Error(`no task ${planTaskId} in situation ${situation}`);
    const blockId = `task:${String(row.id)}`;
    return this.fake.waitFor(`the task card of ${planTaskId}`, () =>
      this.fake.messagesIn(channel).find((m) => m.blocks.some((b) => b.block_id === blockId)),
    );
  }

  /** A message as it looks now (the fake keeps one object per message and updates it). */
  now(message: SlackMessage): SlackMessage {
    return this.fake.messages.get(`${message.channel}/${message.ts}`)!;
  }

  /**
   * Waits until every outbox message that is due has been handed to Slack (sent, or set aside
   * for a later retry). Call after the command's effect was observed, since the listener
   * acknowledges before the command runs.
   */
  async settled(): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const left = await this.count(
        `SELECT count(*) AS n FROM "OutboxMessage" WHERE status = 'leased' OR (status = 'pending' AND attempts = 0)`,
      );
      if (left === 0) return;
      if (Date.now() > deadline) throw new Error(`the outbox did not drain (${left} left)`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** One scheduler tick (jobs due at the fake clock's time, then deliveries), after the outbox settled. */
  async tick(): Promise<void> {
    await this.settled();
    await this.ramp.scheduler.tick();
  }

  /** Plain SQL on Ramp's database; placeholders $1, $2, … on both providers. */
  async query(sql: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> {
    const text = this.db.provider === "sqlite" ? sql.replace(/\$\d+/g, "?") : sql;
    return this.db.client.$queryRawUnsafe(text, ...params);
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await this.query(sql, params);
    return Number(Object.values(row ?? {})[0]);
  }

  /** Timeline entries of a type, over all incidents. */
  timelineCount(type: string): Promise<number> {
    return this.count(`SELECT count(*) AS n FROM "TimelineEntry" WHERE type = $1`, [type]);
  }
}
