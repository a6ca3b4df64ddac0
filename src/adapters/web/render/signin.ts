// Pages around signing in: the refusal (401, no names or numbers from the plan), a refused
// request (403), and the link a coordinator made for someone.
import { formatDateTime } from "../../../core/time.ts";
import { hiddenFields } from "./actions.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";
import { page } from "./layout.ts";

export function signInNeeded(ctx: RenderContext, expired: boolean): Html {
  const { w } = ctx;
  return page(ctx, {
    title: w("signInTitle"),
    current: null,
    nav: false,
    local: false,
    body: html`<h1>${w("signInTitle")}</h1>${expired ? html`<p class="flash" role="alert">${w("linkExpired")}</p>` : ""}<p>${w("signInText")}</p>`,
  });
}

export function refused(ctx: RenderContext): Html {
  return page(ctx, {
    title: "403",
    current: null,
    nav: false,
    local: false,
    body: html`<h1>403</h1><p>${ctx.w("forbidden")}</p>`,
  });
}

export function notFound(ctx: RenderContext): Html {
  return page(ctx, {
    title: "404",
    current: null,
    nav: false,
    local: false,
    body: html`<h1>404</h1><p>${ctx.w("notFound")}</p><p><a href="/">${ctx.w("back")}</a></p>`,
  });
}

export function linkForm(ctx: RenderContext, people: Array<{ id: string; name: string }>): Html {
  const { w } = ctx;
  if (!ctx.csrf || !ctx.leader) return html``;
  return html`<section id="links" class="panel no-print" aria-labelledby="links-title"><h2 id="links-title">${w("links")}</h2>
<form method="post" action="/links">${hiddenFields(ctx)}
<p class="hint" id="links-hint">${w("linksHint")}</p>
<label for="link-person">${w("linkFor")}</label>
<select id="link-person" name="person" aria-describedby="links-hint">${people.map((p) => html`<option value="${p.id}">${p.name}</option>`)}</select>
<button type="submit" class="btn">${w("makeLink")}</button>
</form></section>`;
}

export function linkMade(ctx: RenderContext, name: string, url: string, expiresAt: Date): Html {
  const { w } = ctx;
  return html`<h1>${w("linkMade")}: ${name}</h1>
<p>${w("linkValid")} ${formatDateTime(expiresAt, ctx.locale, ctx.timeZone)}. ${w("linkCopy")}</p>
<label for="made-link">${w("linkMade")}</label>
<input id="made-link" class="link-output" readonly value="${url}">
<p><a href="/">${w("back")}</a></p>`;
}
