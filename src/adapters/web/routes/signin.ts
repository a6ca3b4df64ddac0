// GET /login?token=… (a personal link: sets the session cookie), POST /logout, and POST /links
// (the coordinator or a deputy makes a link for someone, e.g. whose chat platform is down).
import type { Router } from "express";
import { createLinkToken, newSession, readLinkToken } from "../auth.ts";
import { page } from "../render/layout.ts";
import { linkMade } from "../render/signin.ts";
import { checkPost } from "./actions.ts";
import { contextFor, formBody, refuseSignIn, sendHtml, type WebContext } from "./context.ts";

export function boardLink(c: WebContext, personId: string) {
  if (c.local) return { url: `${c.baseUrl()}/`, personal: false, expiresAt: null };
  const { token, expiresAt } = createLinkToken(c.signer, personId, Date.now());
  return {
    url: `${c.baseUrl()}/login?token=${encodeURIComponent(token)}`,
    personal: true,
    expiresAt,
  };
}

export function registerSignIn(router: Router, c: WebContext): void {
  router.get("/login", (req, res) => {
    if (c.local) return res.redirect(303, "/");
    const token = typeof req.query.token === "string" ? req.query.token : "";
    const claims = token ? readLinkToken(c.signer, token, Date.now()) : null;
    if (!claims || !c.engine.directory.person(claims.personId)) {
      c.logger.warn({ hasToken: token !== "" }, "web: refused sign-in link");
      return refuseSignIn(c, res, true);
    }
    // The session ends when the link does: a forwarded or lost link stops working by itself.
    c.sessions.write(res, newSession(claims.personId, claims.expiresAt));
    c.logger.info({ personId: claims.personId }, "web: signed in with a link");
    res.redirect(303, "/");
  });

  router.post("/logout", formBody, (req, res) => {
    const session = checkPost(c, req, res);
    if (!session) return;
    c.sessions.clear(res);
    res.redirect(303, "/");
  });

  router.post("/links", formBody, (req, res) => {
    const session = checkPost(c, req, res);
    if (!session) return;
    const ctx = contextFor(c, session, "/");
    if (c.local || !ctx.leader) return res.status(403).type("text").send(c.w("forbidden"));
    const personId = String((req.body as Record<string, unknown>).person ?? "");
    const person = c.engine.directory.person(personId);
    if (!person) return refuseSignIn(c, res);
    const link = boardLink(c, person.id);
    c.logger.info({ by: session.personId, for: person.id }, "web: sign-in link made");
    sendHtml(
      res,
      page(ctx, {
        title: c.w("linkMade"),
        current: null,
        local: false,
        body: linkMade(ctx, person.name, link.url, link.expiresAt as Date),
      }),
    );
  });
}
