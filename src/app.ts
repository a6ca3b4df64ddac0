// Builds and starts Ramp from a parsed configuration; used by main.ts and by the tests.

import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { createSlackAdapter } from "./adapters/slack/app.ts";
import { SmsDelivery } from "./adapters/sms/delivery.ts";
import { GatewaySms } from "./adapters/sms/gateway.ts";
import { createInboundSms } from "./adapters/sms/inbound.ts";
import { smsInboundRouter } from "./adapters/sms/inbound-route.ts";
import { TwilioSms } from "./adapters/sms/twilio/messages.ts";
import { twilioRouter } from "./adapters/sms/twilio/routes.ts";
import { announceSmsNotDelivered, recordSmsDelivered } from "./adapters/sms/twilio/status.ts";
import { createWebAdapter } from "./adapters/web/app.ts";
import { buildEngine } from "./compose.ts";
import type { Config } from "./config/env.ts";
import { rampReach } from "./config/reach.ts";
import type { EngineContext } from "./core/context.ts";
import type { CrisisEngine } from "./core/engine.ts";
import { Inbox } from "./core/inbox.ts";
import type { DeliveryChannel } from "./core/outbox.ts";
import { distributePlanCopies } from "./core/plan-copies/distribute.ts";
import { tellCoordinatorAboutPlanFile } from "./core/plan-file.ts";
import type { Clock } from "./core/ports.ts";
import { SMS_CHANNEL } from "./core/work.ts";
import { failpointsFrom } from "./failpoints.ts";
import { createHttpApp, listen } from "./http/server.ts";
import type { Logger } from "./logging.ts";
import { planFileAccess } from "./plan/amendment-files.ts";
import { loadPlanFile } from "./plan/load.ts";
import { formatProblems } from "./plan/report.ts";
import type { Plan } from "./plan/schema.ts";
import { PlanWatcher } from "./plan/watch.ts";
import { Scheduler } from "./scheduler/scheduler.ts";
import { openDatabase } from "./store/database.ts";
import { PrismaConversationRefs } from "./store/repositories/conversations.ts";

export interface RunningRamp {
  url: string;
  plan: Plan;
  engine: CrisisEngine;
  scheduler: Scheduler;
  /** The plan file as Ramp sees it while running (also in /healthz). */
  planWatcher: PlanWatcher;
  close(): Promise<void>;
}

export class StartupError extends Error {
  override name = "StartupError";
}

export async function startRamp(
  config: Config,
  logger: Logger,
  options: {
    clock?: Clock;
    startScheduler?: boolean;
    /** How often the plan file's hash is checked besides the file watch; default 10 s. */
    planCheckMs?: number;
    failpoints?: string;
    /** For the benchmark's comparison with the shape before the inbox (bench/ack-first-inbox.ts). */
    inbox?: (ctx: EngineContext, owner: string) => Inbox;
    /**
     * Hand out copies of a plan version not distributed yet (default: when the scheduler starts,
     * as in production; tests that tick by hand opt in, so their message counts stay their own).
     */
    planCopies?: boolean;
    /** Ask "Klopt dit nog?" on the plan's cadence at each tick (default: as planCopies). */
    contactChecks?: boolean;
  } = {},
): Promise<RunningRamp> {
  const loaded = await loadPlanFile(config.planFile);
  if (!loaded.ok) {
    throw new StartupError(
      `The plan ${config.planFile} cannot be used (RAMP_PLAN):\n${formatProblems(loaded.problems, config.planFile, "nl")}\n` +
        "Run `npx ramp plan check <file>` after fixing it.",
    );
  }
  const { plan, hash } = loaded;
  if (loaded.warnings.length > 0) {
    logger.warn(
      { warnings: formatProblems(loaded.warnings, config.planFile, plan.organisation.locale) },
      "plan warnings",
    );
  }

  const database = await openDatabase(config.databaseUrl);
  logger.info({ provider: database.provider }, "database ready");

  const engine = buildEngine({
    database,
    plan,
    planHash: hash,
    log: logger,
    channels: [
      ...(config.slack ? ["slack"] : []),
      ...(config.teams ? ["teams"] : []),
      ...(config.sms ? [SMS_CHANNEL] : []),
      // Local mode: the local chat is where pages and cards arrive.
      ...(config.web.local ? ["web"] : []),
    ],
    smsReceipts: config.sms?.provider === "twilio",
    ...(options.clock ? { clock: options.clock } : {}),
  });
  // The web adapter (made below) signs the links to a review that Slack and Teams post.
  const reviewLinks = (incidentId: string) => web.reviewLinks(incidentId);
  const refs = new PrismaConversationRefs(database.client, () => randomUUID());
  const failpoint = failpointsFrom(options.failpoints);
  const owner = `inbox:${randomUUID().slice(0, 8)}`;
  const inbox =
    options.inbox?.(engine.ctx, owner) ??
    new Inbox(engine.ctx, { owner, ...(failpoint ? { failpoint } : {}) });
  const channels = new Map<string, DeliveryChannel>();
  const slack = config.slack
    ? createSlackAdapter({ config: config.slack, engine, inbox, refs, logger, reviewLinks })
    : null;
  if (slack) channels.set(slack.delivery.name, slack.delivery);
  // Loaded only when Teams is on: botbuilder and teams-ai take about 60–90 MB resident, which a
  // Slack-only or local deployment does not need.
  const teams = config.teams
    ? (await import("./adapters/teams/app.ts")).createTeamsAdapter({
        config: config.teams,
        engine,
        inbox,
        refs,
        logger,
        reviewLinks,
      })
    : null;
  if (teams) channels.set(teams.delivery.name, teams.delivery);
  const web = createWebAdapter({
    config: config.web,
    engine,
    logger,
    inbox,
    reach: rampReach(config),
  });
  if (web.delivery) channels.set(web.delivery.name, web.delivery);
  if (config.sms) {
    const sender =
      config.sms.provider === "twilio" ? new TwilioSms(config.sms) : new GatewaySms(config.sms);
    const sms = new SmsDelivery(sender, engine, (personId) => web.boardLink(personId));
    channels.set(sms.name, sms);
  }
  // Texts to Ramp, through the generic gateway's POST /sms/inbound or Twilio's signed webhook:
  // one handler, registered before recovery starts, for texts a crash left.
  const takesTexts =
    config.sms?.provider === "twilio" ||
    (config.sms?.provider === "gateway" && config.sms.inboundToken != null);
  const handleInboundSms = takesTexts ? createInboundSms({ engine, inbox, logger }) : null;
  const smsInbound =
    handleInboundSms && config.sms?.provider === "gateway" && config.sms.inboundToken != null
      ? smsInboundRouter({ token: config.sms.inboundToken, handle: handleInboundSms, logger })
      : null;
  engine.ctx.boardLink = (personId) => web.boardLink(personId);
  engine.ctx.planCopyLink = (planHash, personId) => web.planCopyLink(planHash, personId);
  engine.ctx.contactCheckLink = (checkId, personId) => web.contactCheckLink(checkId, personId);
  engine.ctx.planFile = planFileAccess(config.planFile);
  const scheduler = new Scheduler(engine, channels, logger, config.tickSeconds);
  // "Klopt dit nog?" on the plan's cadence: with the scheduler, as in production (tests that
  // tick by hand opt in, like planCopies, so their message counts stay their own).
  scheduler.askContacts = options.contactChecks ?? options.startScheduler !== false;
  engine.ctx.onCommitted = () => {
    scheduler.kick();
    web.changed();
  };

  const planWatcher = new PlanWatcher({
    file: config.planFile,
    running: { plan, hash },
    onChange: (change) => tellCoordinatorAboutPlanFile(engine.ctx, config.planFile, change),
    logger,
    ...(options.planCheckMs ? { intervalMs: options.planCheckMs } : {}),
  });
  const app = createHttpApp({
    database: () => database.health(),
    plan: () => planWatcher.status(),
    scheduler: () => ({
      tickSeconds: config.tickSeconds,
      lastTickAt: scheduler.lastTick?.at.toISOString() ?? null,
    }),
  });

  if (slack?.router) app.use(slack.router);
  if (teams) app.use(teams.router);
  // Twilio's webhooks before the board's routes: they read the raw form for the signature.
  if (config.sms?.provider === "twilio") {
    app.use(
      twilioRouter({
        authToken: config.sms.authToken,
        publicUrl: config.sms.publicUrl,
        ...(handleInboundSms ? { handle: handleInboundSms } : {}),
        notDelivered: announceSmsNotDelivered(engine, logger),
        delivered: recordSmsDelivered(engine, logger),
        logger,
      }),
    );
  }
  if (smsInbound) app.use(smsInbound);
  app.use(web.router);

  let server: Server;
  try {
    server = await listen(app, config.port, config.host, logger);
    await slack?.start();
  } catch (error) {
    await database.close();
    throw error;
  }
  // The plan's practice schedule as job rows (idempotent: each replica computes the same rows).
  await engine.ensurePracticeSchedule();
  planWatcher.start();
  const recovery = startInboxRecovery(inbox, logger, config.tickSeconds);
  // In the background, once listening: a new plan version's copies go out with it. Not fatal:
  // the next start tries again, and the board shows who holds which version.
  const copies =
    (options.planCopies ?? options.startScheduler !== false)
      ? distributePlanCopies(engine.ctx).catch((error: unknown) => {
          logger.error({ err: error }, "plan copies could not be recorded");
        })
      : Promise.resolve();
  const { port } = server.address() as AddressInfo;
  // Only one live process can listen on this host and port: leases of an earlier one are free.
  await scheduler.bindInstance(`${hostname()}:${port}`).catch((error: unknown) => {
    logger.warn({ err: error }, "could not resume an earlier run's leases; they expire instead");
  });
  if (options.startScheduler !== false) scheduler.start();
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  web.listening(url);
  return {
    url,
    plan,
    engine,
    scheduler,
    planWatcher,
    async close() {
      await copies;
      await planWatcher.stop();
      await recovery.stop();
      await scheduler.stop();
      await slack?.stop();
      web.close();
      await closeServer(server);
      await database.close();
    },
  };
}

/**
 * Stops taking connections and waits for requests in flight, for a few seconds at most: a
 * client that keeps a connection open (a browser's keep-alive, an unread response) must not hold
 * up a shutdown, or the database behind the requests would stay open with it.
 */
function closeServer(server: Server, graceMs = 2000): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  });
}

/**
 * Interactions stored but left unprocessed by a process that died (this one before a restart,
 * or another replica): taken up at start-up and then every tick, once their lease expired.
 */
function startInboxRecovery(inbox: Inbox, logger: Logger, tickSeconds: number) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const pass = () => {
    if (stopped || running) return;
    running = inbox
      .recover()
      .catch((error: unknown) => logger.warn({ err: error }, "inbox: recovery pass failed"))
      .finally(() => {
        running = null;
      });
  };
  pass();
  const timer = setInterval(pass, tickSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
