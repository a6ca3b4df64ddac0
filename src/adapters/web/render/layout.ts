// The page shell: landmarks, a skip link, the menu, the identity bar and the live status.
import { formatDateTime } from "../../../core/time.ts";
import type { RenderContext } from "./context.ts";
import { type Content, type Html, html } from "./html.ts";

export interface PageOptions {
  title: string;
  /** Which menu item is this page, if any. */
  current: "board" | "chat" | null;
  /** False for pages shown before signing in: no menu, no live updates. */
  nav?: boolean;
  /** Whether the menu shows the local chat. */
  local: boolean;
  /** Who is reading, with a way to switch or sign out. */
  who?: Content;
  flash?: string | null;
  body: Content;
}

export function page(ctx: RenderContext, options: PageOptions): Html {
  const { w } = ctx;
  const nav = options.nav !== false;
  const item = (href: string, key: "board" | "chat") =>
    html`<a href="${href}"${options.current === key ? html` aria-current="page"` : ""}>${w(key)}</a>`;
  return html`<!doctype html>
<html lang="${ctx.locale}" data-now="${ctx.now.getTime()}" data-tz="${ctx.timeZone}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<link rel="icon" href="data:,">
<title>${options.title} — ${w("appName")}</title>
<link rel="stylesheet" href="/static/ramp.css">
<script src="/static/ramp.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${w("skip")}</a>
<header class="top">
<p class="brand">${w("appName")}</p>
${
  !nav
    ? ""
    : html`<nav aria-label="${w("mainNav")}">${item("/", "board")}${options.local ? item("/chat", "chat") : ""}</nav>`
}
${options.who ? html`<div class="who">${options.who}</div>` : ""}
${!nav ? "" : html`<p class="live" role="status" data-live-status data-on="${w("liveOn")}" data-off="${w("liveOff")}"></p>`}
</header>
<main id="main" tabindex="-1">
${options.flash ? html`<p class="flash" role="alert">${options.flash}</p>` : ""}
<div class="client-message" role="alert" hidden data-client-message></div>
<div class="sr-only" aria-live="polite" data-announce></div>
<div class="sr-only" aria-live="assertive" data-announce-urgent></div>
${options.body}
</main>
<footer class="print-only"><p>${w("printed")}: ${formatDateTime(ctx.now, ctx.locale, ctx.timeZone)}</p></footer>
</body>
</html>`;
}
