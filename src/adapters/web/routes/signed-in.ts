// Board pages and forms for the signed-in person (the SMS PINs, the reachability tests): the page
// with their name bar and the last form's message, and a form that acts in their name.
import type { Request, RequestHandler, Response } from "express";
import type { Actor } from "../../../core/actor.ts";
import type { Session } from "../auth.ts";
import type { RenderContext } from "../render/context.ts";
import type { Html } from "../render/html.ts";
import { page } from "../render/layout.ts";
import { checkPost } from "./actions.ts";
import { failureText, sendHtml, type WebContext } from "./context.ts";
import { whoBar } from "./who.ts";

/** Sends a board page (outside the navigation) with the reader's name bar and the message left by their last form. */
export function sendSignedInPage(
  c: WebContext,
  res: Response,
  session: Session,
  ctx: RenderContext,
  content: { title: string; body: Html },
): void {
  sendHtml(
    res,
    page(ctx, {
      title: content.title,
      current: null,
      local: c.local,
      who: whoBar(c, ctx, session),
      flash: c.flash.take(session),
      body: content.body,
    }),
  );
}

/**
 * The handler of a board form that acts as the signed-in person: `act` returns the message to
 * show, a failure shows why instead (logged under `where`); either way back to `back`.
 */
export function actAsSignedIn(
  c: WebContext,
  where: { back: string; failure: string },
  act: (actor: Actor, req: Request) => Promise<string>,
): RequestHandler {
  return async (req, res) => {
    const session = checkPost(c, req, res);
    if (!session) return;
    try {
      if (!session.personId) throw new Error("no person");
      const actor = c.engine.identify({ personId: session.personId }, "web");
      c.flash.set(session, await act(actor, req));
    } catch (error) {
      c.flash.set(session, failureText(c, error, where.failure).text);
    }
    res.redirect(303, where.back);
  };
}
