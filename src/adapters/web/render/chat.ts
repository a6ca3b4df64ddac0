// The local chat: choose who you are, the conversation (cards with working buttons, notices,
// your commands and their replies) and the command line.
import type { ChatReply } from "../../../core/chat/run.ts";
import type { ErrorView } from "../../../core/errors.ts";
import type { Notice } from "../../../core/model.ts";
import type { ReviewShareView } from "../../../core/review/share-view.ts";
import type { CardView } from "../../../core/views/types.ts";
import type { Person } from "../../../plan/schema.ts";
import { hiddenFields } from "./actions.ts";
import type { RenderContext } from "./context.ts";
import { decisionCard } from "./decision.ts";
import { exerciseLine } from "./exercise.ts";
import { type Html, html } from "./html.ts";
import { incidentCard } from "./incident.ts";
import { noticeCard } from "./notice.ts";
import { pageCard } from "./page.ts";
import { pagingCard } from "./paging.ts";
import { errorBox, replyHtml } from "./reply.ts";
import { reviewShareCard } from "./review-share.ts";
import { taskCard } from "./task.ts";
import { testCard } from "./test.ts";

export type FeedItem =
  | { kind: "said"; text: string; reply: ChatReply | null }
  | { kind: "failed"; error: ErrorView }
  | { kind: "card"; view: CardView }
  | { kind: "notice"; notice: Notice; personal: boolean }
  | { kind: "review"; view: ReviewShareView; page: string; docx: string };

export const FEED_PATH = "/chat/feed";

function card(ctx: RenderContext, view: CardView): Html {
  switch (view.kind) {
    case "incident":
      return incidentCard(ctx, view);
    case "paging":
      return pagingCard(ctx, view);
    case "page":
      return pageCard(ctx, view);
    case "decision":
      return decisionCard(ctx, view);
    case "task":
      return taskCard(ctx, view);
    case "test":
      return testCard(ctx, view);
  }
}

function item(ctx: RenderContext, entry: FeedItem): Html {
  const { w } = ctx;
  switch (entry.kind) {
    case "said":
      return html`<li class="msg msg-said"><p class="said"><span class="sr-only">${w("youTyped")}: </span><code>${entry.text}</code></p>${
        entry.reply
          ? html`<div class="reply"><p class="only-you">${w("onlyYou")}</p>${replyHtml(ctx, entry.reply)}</div>`
          : ""
      }</li>`;
    case "failed":
      return html`<li class="msg msg-failed"><div class="reply"><p class="only-you">${w("onlyYou")}</p>${errorBox(ctx, entry.error)}</div></li>`;
    case "card":
      return html`<li class="msg msg-card">${exerciseLine(entry.view.exercise)}${card(ctx, entry.view)}</li>`;
    case "notice":
      return html`<li class="msg msg-notice">${exerciseLine(entry.notice.exercise)}${noticeCard(ctx, entry.notice, entry.personal)}</li>`;
    case "review":
      return html`<li class="msg msg-review">${reviewShareCard(ctx, entry)}</li>`;
  }
}

export function feed(ctx: RenderContext, items: FeedItem[]): Html {
  if (items.length === 0) return html`<li class="msg msg-empty"><p>${ctx.w("emptyFeed")}</p></li>`;
  return html`${items.map((entry) => item(ctx, entry))}<li class="feed-end" id="feed-end" aria-hidden="true"></li>`;
}

/**
 * `running`: whether an incident runs; the hint suggests what fits (start, or status, tasks and
 * log). The script swaps the hint when the feed says the state changed.
 */
export function chatBody(ctx: RenderContext, items: FeedItem[], running: boolean): Html {
  const { w } = ctx;
  return html`<h1 class="sr-only">${w("chat")}</h1>
<section class="conversation" aria-labelledby="feed-title"><h2 id="feed-title" class="sr-only">${w("conversation")}</h2>
<ol class="feed" id="feed" data-live="${FEED_PATH}" data-scroll-end>${feed(ctx, items)}</ol></section>
<form id="command-form" method="post" action="/chat" class="command" data-enhance data-command>${hiddenFields(ctx)}
<label for="command">${w("command")}</label>
<div class="row"><input id="command" name="text" required maxlength="1000" autocomplete="off" spellcheck="false" aria-describedby="command-hint" placeholder="${w(running ? "commandExampleActive" : "commandExampleIdle")}" data-example-idle="${w("commandExampleIdle")}" data-example-active="${w("commandExampleActive")}"><button type="submit" class="btn btn-primary">${w("send")}</button></div>
<p id="command-hint" class="hint" data-hint-idle="${w("commandHintIdle")}" data-hint-active="${w("commandHintActive")}">${w(running ? "commandHintActive" : "commandHintIdle")}</p>
</form>`;
}

export function personLabel(
  ctx: RenderContext,
  person: Person,
  role: "leader" | "deputy" | null,
): string {
  const title = person.title ? ` — ${person.title}` : "";
  return `${person.name}${title}${role ? ` (${ctx.w(role)})` : ""}`;
}

export function pickerBody(
  ctx: RenderContext,
  people: Array<{ person: Person; role: "leader" | "deputy" | null }>,
): Html {
  const { w } = ctx;
  return html`<h1>${w("chat")}</h1>
<form method="post" action="/chat/who" class="picker">${hiddenFields(ctx)}
<label for="who">${w("whoAreYou")}</label>
<p class="hint" id="who-hint">${w("whoHint")}</p>
<select id="who" name="person" aria-describedby="who-hint">${people.map(
    (p) => html`<option value="${p.person.id}">${personLabel(ctx, p.person, p.role)}</option>`,
  )}</select>
<button type="submit" class="btn btn-primary">${w("continue")}</button>
</form>`;
}
