// The identity bar: who is reading, and a button to switch (local mode) or sign out.
import type { Session } from "../auth.ts";
import type { RenderContext } from "../render/context.ts";
import { type Html, html } from "../render/html.ts";
import type { WebContext } from "./context.ts";

export function whoBar(c: WebContext, ctx: RenderContext, session: Session): Html | null {
  const person = session.personId ? c.engine.directory.person(session.personId) : undefined;
  const csrf = c.sessions.csrf(session);
  if (c.local) {
    if (!person) return null;
    return html`<p>${ctx.w("youAre")}: <strong>${person.name}</strong></p><form method="post" action="/chat/who"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="person" value=""><button type="submit" class="btn btn-small">${ctx.w("switchPerson")}</button></form>`;
  }
  if (!person) return null;
  return html`<p>${ctx.w("signedInAs")}: <strong>${person.name}</strong></p><form method="post" action="/logout"><input type="hidden" name="csrf" value="${csrf}"><button type="submit" class="btn btn-small">${ctx.w("logout")}</button></form>`;
}
