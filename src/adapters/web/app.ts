// The web adapter: the crisis board (always) and, in local mode, the local chat and the "web"
// delivery channel. Server-rendered HTML from the same view models as Slack and Teams, a little
// script for live updates (server-sent events) and countdowns; every page works without it.
import { randomUUID } from "node:crypto";
import { type NextFunction, type Request, type Response, Router } from "express";
import type { WebConfig } from "../../config/env.ts";
import type { BoardLink } from "../../core/context.ts";
import type { CrisisEngine } from "../../core/engine.ts";
import { DatabaseUnavailableError } from "../../core/errors.ts";
import { Inbox } from "../../core/inbox.ts";
import type { RampReach } from "../../core/plan-document/build.ts";
import type { Logger } from "../../logging.ts";
import type { ReviewLinker } from "../shared/review-share.ts";
import { Signer } from "./auth.ts";
import { ChatLog } from "./chat-log.ts";
import { WebDelivery } from "./delivery.ts";
import { LiveHub } from "./live.ts";
import { registerActionHandler, registerActions } from "./routes/actions.ts";
import { registerAssets } from "./routes/assets.ts";
import { registerBoard } from "./routes/board.ts";
import { registerChat, registerChatHandler } from "./routes/chat.ts";
import { contactCheckLink, registerContactCheck } from "./routes/contact-check.ts";
import {
  failureText,
  loopbackOnly,
  securityHeaders,
  type WebContext,
  wantsJson,
  wordsFor,
} from "./routes/context.ts";
import { registerEvents } from "./routes/events.ts";
import { planCopyLink, registerPlanCopy } from "./routes/plan-copy.ts";
import { registerReview, reviewLinks, reviewPath } from "./routes/review.ts";
import { boardLink, registerSignIn } from "./routes/signin.ts";
import { registerSmsPins } from "./routes/sms-pins.ts";
import { registerTests } from "./routes/tests.ts";
import { Flash, WebSessions } from "./session.ts";

export interface WebAdapter {
  /** Mount last: it answers /, /incidents/…, /chat, /login, /events, /actions, /static/…. */
  router: Router;
  /** The "web" delivery channel; local mode only. */
  delivery: WebDelivery | null;
  /** Something changed (a command committed): the open pages fetch their content again. */
  changed(): void;
  boardLink(personId: string): BoardLink;
  /** The signed link to one holder's copy of one plan version. */
  planCopyLink(planHash: string, personId: string): string;
  /** The signed link to one person's "Klopt dit nog?" request. */
  contactCheckLink(checkId: string, personId: string): string;
  /** Signed links to one incident's review, for Slack and Teams to post with it. */
  reviewLinks: ReviewLinker;
  /** Where Ramp listens, known once it does; links use it unless RAMP_PUBLIC_URL is set. */
  listening(url: string): void;
  /** Ends the live streams so the HTTP server can close. */
  close(): void;
}

const WEB_PATHS =
  /^\/(?:|incidents\/[^/]+(?:\/review(?:\.docx|\.md)?)?|reviews\/[^/]+(?:\/[^/]+)?|plan\/(?:copy|card)(?:\.docx|\.md)?|copies\/[^/]+(?:\/(?:plan|card)(?:\.docx|\.md)?)?|contacts\/[^/]+|fragment\/board|events|actions|login|logout|links|chat(?:\/(?:feed|start|who))?|static\/ramp\.(?:css|js))$/;

export function createWebAdapter(options: {
  config: WebConfig;
  engine: CrisisEngine;
  logger: Logger;
  /** Which platforms reach Ramp, for the crisis card (the board's address is known here). */
  reach?: Omit<RampReach, "webUrl">;
  /** Where every form post is stored first (default: one of its own). */
  inbox?: Inbox;
}): WebAdapter {
  const { config, engine } = options;
  const logger = options.logger.child({ adapter: "web" });
  let listeningUrl = "http://127.0.0.1";
  const baseUrl = () => config.publicUrl ?? listeningUrl;
  const signer = config.secret ? new Signer(config.secret) : Signer.ephemeral();
  const live = new LiveHub({ fingerprint: () => fingerprint(engine), logger });
  const chatLog = new ChatLog();
  const c: WebContext = {
    engine,
    logger,
    local: config.local,
    signer,
    sessions: new WebSessions(signer, {
      secure: (config.publicUrl ?? "").startsWith("https://"),
      known: (personId) => engine.directory.person(personId) !== undefined,
    }),
    flash: new Flash(),
    live,
    chatLog,
    baseUrl,
    reviewPath,
    w: wordsFor(engine),
    inbox: options.inbox ?? new Inbox(engine.ctx, { owner: randomUUID() }),
    answers: new Map(),
  };
  registerActionHandler(c);
  registerChatHandler(c);

  const router = Router();
  const guard = loopbackOnly(c);
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (!WEB_PATHS.test(req.path)) return next();
    securityHeaders(req, res, () => guard(req, res, next));
  });
  registerAssets(router);
  registerSignIn(router, c);
  registerBoard(router, c);
  registerEvents(router, c);
  registerActions(router, c);
  registerReview(router, c);
  const reach = options.reach ?? { slack: false, teams: false, sms: false };
  registerPlanCopy(router, c, () => ({ ...reach, webUrl: baseUrl() }));
  registerContactCheck(router, c);
  registerTests(router, c);
  registerSmsPins(router, c);
  if (config.local) registerChat(router, c);
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!WEB_PATHS.test(req.path) || res.headersSent) return next(error);
    if (error instanceof DatabaseUnavailableError) {
      // A page that could not even be read: say so and when to try again, not "went wrong".
      const { text } = failureText(c, error, req.path);
      res.status(503).set("Retry-After", "30");
      if (wantsJson(req)) res.json({ ok: false, message: text });
      else res.type("text").send(text);
      return;
    }
    logger.error({ err: error, path: req.path }, "web request failed");
    res.status(500).type("text").send(c.w("failed"));
  });

  return {
    router,
    delivery: config.local ? new WebDelivery(chatLog, live) : null,
    changed: () => live.changed(),
    boardLink: (personId) => boardLink(c, personId),
    planCopyLink: (planHash, personId) => planCopyLink(c, planHash, personId),
    contactCheckLink: (checkId, personId) => contactCheckLink(c, checkId, personId),
    reviewLinks: (incidentId) => reviewLinks(c, incidentId),
    listening(url) {
      listeningUrl = url;
      if (config.local) {
        logger.info(
          { chat: `${baseUrl()}/chat`, board: `${baseUrl()}/` },
          `Lokale modus: de lokale chat staat op ${baseUrl()}/chat, het crisisbord op ${baseUrl()}/`,
        );
      } else if (!config.publicUrl) {
        logger.warn(
          { url },
          "RAMP_PUBLIC_URL is not set: sign-in links point at the address Ramp listens on",
        );
      }
    },
    close: () => live.close(),
  };
}

/** Changes whenever an incident starts, closes or gets a timeline entry (every change does). */
async function fingerprint(engine: CrisisEngine): Promise<string> {
  const [active, newest] = await Promise.all([engine.activeIncidents(), engine.recentIncidents(1)]);
  const heads = await Promise.all(
    active.map(async (i) => `${i.id}:${(await engine.ctx.store.timeline.last(i.id))?.seq ?? 0}`),
  );
  // A staff report (before any incident) shows on the board too.
  const reports = active.length === 0 ? (await engine.openReports()).length : 0;
  return [newest[0]?.id ?? "", reports, ...heads].join("|");
}
