// The Slack adapter: Bolt over HTTP at POST /slack/events on Ramp's one port (signatures
// verified by Bolt's receiver), or Socket Mode when SLACK_APP_TOKEN is set.
import { randomUUID } from "node:crypto";
import {
  App,
  type Authorize,
  type Logger as BoltLogger,
  ExpressReceiver,
  LogLevel,
  SocketModeReceiver,
  webApi,
} from "@slack/bolt";
import { Router } from "express";
import type { SlackConfig } from "../../config/env.ts";
import type { CrisisEngine } from "../../core/engine.ts";
import { Inbox } from "../../core/inbox.ts";
import type { ConversationRefRepository } from "../../core/ports.ts";
import type { Logger } from "../../logging.ts";
import type { ReviewLinker } from "../shared/review-share.ts";
import { SlackDelivery } from "./delivery.ts";
import { registerBlockReason } from "./listeners/block-reason.ts";
import { registerButtons } from "./listeners/buttons.ts";
import { registerCommand } from "./listeners/command.ts";
import { registerContactCheck } from "./listeners/contact-check.ts";
import type { SlackContext } from "./listeners/context.ts";
import { registerDecisionChange } from "./listeners/decision-change.ts";
import { InboxUnavailable } from "./listeners/inbox.ts";
import { registerStartForm } from "./listeners/start-form.ts";

export const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackAdapter {
  /** Mount on the HTTP server (HTTP mode only). */
  router: Router | null;
  delivery: SlackDelivery;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * How long one Web API call may take. Without a limit a call that never gets an answer (a
 * half-open connection while the network is failing) holds up every delivery behind it, and the
 * scheduler's tick with them; with one it fails and the outbox tries again.
 */
export const SLACK_API_TIMEOUT_MS = 10_000;

export function createSlackAdapter(options: {
  config: SlackConfig;
  engine: CrisisEngine;
  /** Where every interaction is stored before it is acknowledged (default: one of its own). */
  inbox?: Inbox;
  refs: ConversationRefRepository;
  logger: Logger;
  /** Signed links to a review, for the message that shares it (made by the web adapter). */
  reviewLinks: ReviewLinker;
  /** For tests; default SLACK_API_TIMEOUT_MS. */
  apiTimeoutMs?: number;
}): SlackAdapter {
  const { config, engine, refs } = options;
  const logger = options.logger.child({ adapter: "slack" });
  const boltLogger = toBoltLogger(logger);
  // Our outbox retries failed and rate-limited calls; the Web API client must not retry on its own.
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.apiTimeoutMs ?? SLACK_API_TIMEOUT_MS,
  };
  // The bot token's client, for deliveries; listeners get one from Bolt with the same token.
  const client = new webApi.WebClient(config.botToken, { ...clientOptions, logger: boltLogger });
  const authorize = botAuthorization(client, config.botToken, logger);
  let router: Router | null = null;
  let app: App;
  if (config.appToken) {
    // The Socket Mode client has its own Web API client (apps.connections.open, with the app
    // token): it takes the API address through the receiver's options and keeps its own
    // retries. Left to Bolt, it got the bot client's options, whose `retries: 0` made a single
    // 5xx or refused connection during a reconnection end Socket Mode for good.
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: boltLogger,
      installerOptions: { clientOptions: config.apiUrl ? { slackApiUrl: config.apiUrl } : {} },
    });
    app = new App({ authorize, receiver, socketMode: true, logger: boltLogger, clientOptions });
  } else {
    router = Router();
    const receiver = new ExpressReceiver({
      signingSecret: config.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      router,
      logger: boltLogger,
    });
    app = new App({ authorize, receiver, logger: boltLogger, clientOptions });
  }

  const ctx: SlackContext = {
    engine,
    logger,
    nl: engine.directory.locale === "nl",
    inbox: options.inbox ?? new Inbox(engine.ctx, { owner: randomUUID() }),
    client,
  };
  registerCommand(app, ctx);
  registerButtons(app, ctx);
  registerStartForm(app, ctx);
  registerBlockReason(app, ctx);
  registerDecisionChange(app, ctx);
  registerContactCheck(app, ctx);
  app.error(async (error) => {
    // An interaction the inbox could not store gets no 200: Bolt answers 500, Slack tells the
    // person it failed (and retries what it retries), nothing is acknowledged and then lost.
    const cause = (error as { original?: unknown }).original ?? error;
    if (cause instanceof InboxUnavailable) throw error;
    const reference = randomUUID().slice(0, 8);
    logger.error({ err: error, reference }, "Slack listener failed");
  });

  return {
    router,
    delivery: new SlackDelivery(client, engine, refs, logger, options.reviewLinks),
    async start() {
      if (config.appToken) await app.start();
    },
    async stop() {
      if (config.appToken) await app.stop();
    },
  };
}

/**
 * Who the bot is (auth.test), asked when the first request needs it and kept once Slack answered.
 * Bolt's own single-token mode asks at construction and keeps the promise, failed or not: Slack
 * unreachable or rate-limiting at start-up became an unhandled rejection that ends the process,
 * and every later request failed until a restart. Here a failed check does not hold up the
 * request (the token is all a command, click or form needs; the bot's ids only let Bolt ignore
 * the bot's own events) and is asked again next time.
 */
export function botAuthorization(
  client: webApi.WebClient,
  botToken: string,
  logger: Logger,
): Authorize<boolean> {
  let identity: Promise<{ botId?: string; botUserId?: string }> | null = null;
  return async () => {
    identity ??= client.auth.test({ token: botToken }).then((result) => ({
      ...(result.bot_id ? { botId: result.bot_id } : {}),
      ...(result.user_id ? { botUserId: result.user_id } : {}),
    }));
    try {
      return { botToken, ...(await identity) };
    } catch (error) {
      identity = null;
      logger.warn({ err: error }, "Slack auth.test failed; asking again with the next request");
      return { botToken };
    }
  };
}

function toBoltLogger(logger: Logger): BoltLogger {
  return {
    debug: (...msg) => logger.debug(msg.join(" ")),
    info: (...msg) => logger.info(msg.join(" ")),
    warn: (...msg) => logger.warn(msg.join(" ")),
    error: (...msg) => logger.error(msg.join(" ")),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
