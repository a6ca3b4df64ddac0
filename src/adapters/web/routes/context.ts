// What every web route needs, and the helpers that decide who is reading.
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import express from "express";
import type { CrisisEngine } from "../../../core/engine.ts";
import { DatabaseUnavailableError, type ErrorView, RampError } from "../../../core/errors.ts";
import type { Inbox } from "../../../core/inbox.ts";
import type { Logger } from "../../../logging.ts";
import type { Session, Signer } from "../auth.ts";
import type { ChatLog } from "../chat-log.ts";
import type { LiveHub } from "../live.ts";
import { type RenderContext, renderContext } from "../render/context.ts";
import type { Html } from "../render/html.ts";
import { signInNeeded } from "../render/signin.ts";
import { type Words, words } from "../render/words.ts";
import type { Flash, WebSessions } from "../session.ts";

export interface WebContext {
  engine: CrisisEngine;
  logger: Logger;
  /** Local mode: no sign-in, the local chat, loopback only. */
  local: boolean;
  signer: Signer;
  sessions: WebSessions;
  flash: Flash;
  live: LiveHub;
  chatLog: ChatLog;
  /** The base address of links (RAMP_PUBLIC_URL or where Ramp listens), without a slash. */
  baseUrl(): string;
  reviewPath: ((incidentId: string) => string) | null;
  w: Words;
  /** Where every form post is stored before Ramp acts on it. */
  inbox: Inbox;
  /** A form's outcome, handed from its processing to the waiting request, by inbox id. */
  answers: Map<string, (outcome: unknown) => void>;
}

export function wordsFor(engine: CrisisEngine): Words {
  return words(engine.directory.locale);
}

export const formBody = express.urlencoded({ extended: false, limit: "32kb" });

/**
 * The session of whoever reads: in local mode everyone (a session is made on the spot),
 * otherwise only someone signed in with a personal link who is still in the plan.
 */
export function reader(c: WebContext, req: Request, res: Response): Session | null {
  if (c.local) return c.sessions.ensure(req, res);
  const session = c.sessions.read(req);
  return session?.personId ? session : null;
}

export function contextFor(
  c: WebContext,
  session: Session | null,
  back: string,
  options: { anonymousForms?: boolean } = {},
): RenderContext {
  const { directory } = c.engine;
  const actorId = session?.personId ?? null;
  const forms = session !== null && (actorId !== null || options.anonymousForms === true);
  return renderContext({
    w: c.w,
    locale: directory.locale,
    timeZone: directory.timeZone,
    now: c.engine.ctx.clock.now(),
    csrf: forms && session ? c.sessions.csrf(session) : null,
    back,
    actorId,
    leader: actorId !== null && directory.isLeader(actorId),
  });
}

export function sendHtml(res: Response, body: Html, status = 200): void {
  res.status(status).type("html").set("Cache-Control", "no-store").send(body.value);
}

/** A live fragment, with the server's time: the countdowns tick from it, not from a wrong wall clock. */
export function sendFragment(c: WebContext, res: Response, body: Html): void {
  res.set("X-Ramp-Now", String(c.engine.ctx.clock.now().getTime()));
  sendHtml(res, body);
}

export function refuseSignIn(c: WebContext, res: Response, expired = false): void {
  sendHtml(res, signInNeeded(contextFor(c, null, "/"), expired), 401);
}

/** Same-origin addresses a form may come from: the public address and the Host asked for. */
export function origins(c: WebContext, req: Request): string[] {
  const host = req.headers.host;
  const list = [new URL(c.baseUrl()).origin];
  if (host) list.push(`http://${host}`, `https://${host}`);
  return list;
}

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

/**
 * Local mode has no sign-in, so a page on another site must never reach it through a DNS name
 * that resolves to this machine (DNS rebinding): only loopback host names are served.
 */
export function loopbackOnly(c: WebContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!c.local || LOOPBACK_HOST.test(req.headers.host ?? "")) return next();
    res.status(421).type("text").send("Misdirected request");
  };
}

/** Security headers for every web response. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    "Content-Security-Policy":
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
  });
  next();
}

/** A redirect target from a form: a path on this site, never another site. */
export function safeBack(value: unknown, fallback = "/"): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : fallback;
}

export function wantsJson(req: Request): boolean {
  return req.get("x-requested-with") === "fetch";
}

/** A person-facing sentence for a failure; unexpected ones are logged with a reference. */
export function failureText(
  c: WebContext,
  error: unknown,
  where: string,
): { text: string; view: ErrorView } {
  if (error instanceof DatabaseUnavailableError)
    c.logger.warn({ detail: error.detail, where }, "web request failed: database unavailable");
  if (error instanceof RampError || error instanceof DatabaseUnavailableError) {
    const view = error.view();
    return { text: c.engine.directory.locale === "nl" ? view.nl : view.en, view };
  }
  const reference = randomUUID().slice(0, 8);
  c.logger.error({ err: error, reference, where }, "web request failed");
  const view: ErrorView = {
    code: "invalid-input",
    nl: `Er ging iets mis (referentie ${reference}). Probeer opnieuw; blijft het mislukken, geef de referentie door aan de beheerder.`,
    en: `Something went wrong (reference ${reference}). Try again; if it keeps failing, give the reference to the administrator.`,
  };
  return { text: c.engine.directory.locale === "nl" ? view.nl : view.en, view };
}
