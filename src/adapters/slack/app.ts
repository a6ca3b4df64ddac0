// The Slack adapter: Bolt over HTTP at POST /slack/events on Ramp's one port (signatures
// verified by Bolt's receiver), or Socket Mode when SLACK_APP_TOKEN is set.
import { randomUUID } from "node:crypto";
import { App, type Logger as BoltLogger, ExpressReceiver, LogLevel } from "@slack/bolt";
import { Router } from "express";
import type { SlackConfig } from "../../config/env.ts";
import type { CrisisEngine } from "../../core/engine.ts";
import type { ConversationRefRepository } from "../../core/ports.ts";
import type { Logger } from "../../logging.ts";
import { SlackDelivery } from "./delivery.ts";
import { registerBlockReason } from "./listeners/block-reason.ts";
import { registerButtons } from "./listeners/buttons.ts";
import { registerCommand } from "./listeners/command.ts";
import type { SlackContext } from "./listeners/context.ts";
import { registerStartForm } from "./listeners/start-form.ts";

export const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackAdapter {
  /** Mount on the HTTP server (HTTP mode only). */
  router: Router | null;
  delivery: SlackDelivery;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackAdapter(options: {
  config: SlackConfig;
  engine: CrisisEngine;
  refs: ConversationRefRepository;
  logger: Logger;
}): SlackAdapter {
  const { config, engine, refs } = options;
  const logger = options.logger.child({ adapter: "slack" });
  const boltLogger = toBoltLogger(logger);
  // Our outbox retries failed and rate-limited calls; the Web API client must not retry on its own.
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  };
  let router: Router | null = null;
  let app: App;
  if (config.appToken) {
    app = new App({
      token: config.botToken,
      appToken: config.appToken,
      socketMode: true,
      logger: boltLogger,
      clientOptions,
    });
  } else {
    router = Router();
    const receiver = new ExpressReceiver({
      signingSecret: config.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      router,
      logger: boltLogger,
    });
    app = new App({ token: config.botToken, receiver, logger: boltLogger, clientOptions });
  }

  const ctx: SlackContext = { engine, logger, nl: engine.directory.locale === "nl" };
  registerCommand(app, ctx);
  registerButtons(app, ctx);
  registerStartForm(app, ctx);
  registerBlockReason(app, ctx);
  app.error(async (error) => {
    const reference = randomUUID().slice(0, 8);
    logger.error({ err: error, reference }, "Slack listener failed");
  });

  return {
    router,
    delivery: new SlackDelivery(app.client, engine, refs, logger),
    async start() {
      if (config.appToken) await app.start();
    },
    async stop() {
      if (config.appToken) await app.stop();
    },
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
