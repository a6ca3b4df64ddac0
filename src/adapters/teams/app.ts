// The Teams adapter: teams-ai (v1) over botbuilder's CloudAdapter at POST /api/messages.
// With an app id every request is authenticated (Bot Framework JWT); without one the bot runs
// unauthenticated for local testing, as Bot Framework tools expect.
import { randomUUID } from "node:crypto";
import { Application, TeamsAdapter, type TurnState } from "@microsoft/teams-ai";
import {
  ActivityTypes,
  ConfigurationBotFrameworkAuthentication,
  MemoryStorage,
  type TurnContext,
} from "botbuilder";
import express, { Router } from "express";
import type { TeamsConfig } from "../../config/env.ts";
import type { CrisisEngine } from "../../core/engine.ts";
import { DatabaseUnavailableError } from "../../core/errors.ts";
import { Inbox } from "../../core/inbox.ts";
import type { ConversationRefRepository } from "../../core/ports.ts";
import type { Logger } from "../../logging.ts";
import type { ReviewLinker } from "../shared/review-share.ts";
import { botFrameworkSettings, credentialsFactory, requireBotFrameworkToken } from "./auth.ts";
import { TeamsConversations } from "./conversations.ts";
import { TeamsDelivery } from "./delivery.ts";
import type { AdaptiveCard } from "./render/elements.ts";
import { onAction, onRefresh, onStart, registerActionHandlers } from "./routes/actions.ts";
import { onContactAction, registerContactHandlers } from "./routes/contact-check.ts";
import type { TeamsContext } from "./routes/context.ts";
import { failureView } from "./routes/failure.ts";
import { TeamsInboxUnavailable } from "./routes/inbox.ts";
import { onInstalled } from "./routes/install.ts";
import { onMessage, registerMessageHandler } from "./routes/message.ts";
import { CONTACT_VERBS, REFRESH_VERB, START_VERB, VERBS } from "./verbs.ts";

export const TEAMS_MESSAGES_PATH = "/api/messages";

export interface TeamsAdapterHandle {
  router: Router;
  delivery: TeamsDelivery;
}

export function createTeamsAdapter(options: {
  config: TeamsConfig;
  engine: CrisisEngine;
  /** Where every message and card action is stored first (default: one of its own). */
  inbox?: Inbox;
  refs: ConversationRefRepository;
  logger: Logger;
  /** Signed links to a review, for the message that shares it (made by the web adapter). */
  reviewLinks: ReviewLinker;
}): TeamsAdapterHandle {
  const { config, engine } = options;
  const logger = options.logger.child({ adapter: "teams" });
  const settings = botFrameworkSettings(config);
  const credentials = credentialsFactory(config, settings);
  const adapter = new TeamsAdapter(settings, credentials);
  adapter.onTurnError = async (context, error) => {
    // Not stored, so not acknowledged: botbuilder answers Teams with a 500.
    if (error instanceof TeamsInboxUnavailable) throw error;
    logger.error({ err: error, activityType: context.activity.type }, "Teams turn failed");
  };
  const app = new Application<TurnState>({
    adapter,
    botAppId: config.appId ?? "",
    storage: new MemoryStorage(),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const conversations = new TeamsConversations(
    options.refs,
    engine.directory.plan.chat.teams.channel,
  );
  const ctx: TeamsContext = {
    appId: config.appId ?? "",
    engine,
    conversations,
    logger,
    nl: engine.directory.locale === "nl",
    inbox: options.inbox ?? new Inbox(engine.ctx, { owner: randomUUID() }),
    adapter,
    turns: new Map(),
    answers: new Map(),
  };
  registerMessageHandler(ctx);
  registerActionHandlers(ctx);
  registerContactHandlers(ctx);

  // Every message, also one with no words left once the mention is removed (`@Ramp` alone gets
  // the help): teams-ai's RegExp and string selectors skip messages without text.
  app.message(
    async (context) => context.activity.type === ActivityTypes.Message,
    (context) => onMessage(context, ctx),
  );
  app.conversationUpdate("membersAdded", async (context) => {
    const botId = context.activity.recipient?.id;
    if (context.activity.membersAdded?.some((m) => m.id === botId)) await onInstalled(context, ctx);
  });
  app.activity("installationUpdate", (context) => onInstalled(context, ctx));
  app.adaptiveCards.actionExecute(REFRESH_VERB, async (context, _state, data) =>
    answerWithCard(context, await onRefresh(context, ctx, data)),
  );
  app.adaptiveCards.actionExecute(START_VERB, async (context, _state, data) =>
    unlessUnstored(ctx, START_VERB, async () =>
      answerWithCard(context, await onStart(context, ctx, data)),
    ),
  );
  for (const verb of Object.values(CONTACT_VERBS)) {
    app.adaptiveCards.actionExecute(verb, async (context: TurnContext, _state, data) =>
      unlessUnstored(ctx, verb, async () =>
        answerWithCard(context, await onContactAction(context, ctx, verb, data)),
      ),
    );
  }
  for (const verb of Object.values(VERBS)) {
    app.adaptiveCards.actionExecute(verb, async (context: TurnContext, _state, data) =>
      unlessUnstored(ctx, verb, async () =>
        answerWithCard(context, await onAction(context, ctx, verb, data)),
      ),
    );
  }

  const router = Router();
  // With an app id every request's token is checked (auth.ts) before the activity is looked at.
  if (config.appId) {
    const authentication = new ConfigurationBotFrameworkAuthentication(settings, credentials);
    router.post(
      TEAMS_MESSAGES_PATH,
      express.json({ limit: "1mb" }),
      requireBotFrameworkToken(authentication, logger),
    );
  }
  router.post(TEAMS_MESSAGES_PATH, express.json({ limit: "1mb" }), async (req, res) => {
    await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
  });
  return {
    router,
    delivery: new TeamsDelivery(
      adapter,
      config.appId ?? "",
      engine,
      conversations,
      options.reviewLinks,
    ),
  };
}

/**
 * Answers an Action.Execute with a card for the person who clicked only. teams-ai would also
 * replace the message for everyone (updateActivity) whenever the card has a refresh clause: a
 * warning meant for one person ("Al opgenomen door …") would show for all, and every refresh
 * would rewrite the message. Everyone else's card is updated by the outbox.
 */
/**
 * A card action the inbox could not store (or the database away) did nothing: Teams shows the person a message saying to
 * try again (teams-ai answers a string with a message response) and the card stays as it is, its
 * buttons still there.
 */
async function unlessUnstored(
  ctx: TeamsContext,
  verb: string,
  act: () => Promise<AdaptiveCard>,
): Promise<AdaptiveCard | string> {
  try {
    return await act();
  } catch (error) {
    // The database away before the row (identifying the person, the card to show): the same.
    const unavailable = error instanceof DatabaseUnavailableError;
    if (!(error instanceof TeamsInboxUnavailable) && !unavailable) throw error;
    const view = failureView(ctx, unavailable ? error : error.cause, verb);
    return ctx.nl ? view.nl : view.en;
  }
}

async function answerWithCard(context: TurnContext, card: AdaptiveCard): Promise<AdaptiveCard> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: {
      status: 200,
      body: { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card },
    },
  });
  return card;
}
