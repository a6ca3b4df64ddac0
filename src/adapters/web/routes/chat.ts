// The local chat (local mode only): GET /chat, its live feed, POST /chat (a typed command),
// POST /chat/start (the start form) and POST /chat/who (choose who you are).

import type { Request, Response, Router } from "express";
import { type ChatCommand, parseChatCommand } from "../../../core/chat/parse.ts";
import { type ChatReply, runChatCommand, statusReply } from "../../../core/chat/run.ts";
import { contactCheckNotice } from "../../../core/contacts/notice.ts";
import { InboxAlreadyProcessed } from "../../../core/inbox-scope.ts";
import { type OutboxItem, SCOPES, type Scope } from "../../../core/model.ts";
import { planCopyNotice } from "../../../core/plan-copies/message.ts";
import { shareableCard } from "../../../core/views/personal.ts";
import { cardKey } from "../../../core/work.ts";
import { CLASSIFICATIONS } from "../../../plan/schema.ts";
import { draftReviewShare } from "../../shared/review-share.ts";
import { newSession } from "../auth.ts";
import type { ChatEntry } from "../chat-log.ts";
import { WEB_CHANNEL } from "../chat-log.ts";
import { chatBody, type FeedItem, feed, pickerBody } from "../render/chat.ts";
import { page } from "../render/layout.ts";
import { answer, checkPost } from "./actions.ts";
import {
  contextFor,
  failureText,
  formBody,
  sendFragment,
  sendHtml,
  type WebContext,
} from "./context.ts";
import { formKey, processForm, storeForm, WEB_INBOX_KINDS } from "./inbox.ts";
import { reviewPath } from "./review.ts";
import { whoBar } from "./who.ts";

export const CHAT_PREFIX = "/ramp";

/** Takes in deliveries the outbox holds but this process has not seen (e.g. after a restart). */
async function syncFromOutbox(c: WebContext): Promise<void> {
  const incidents = await c.engine.recentIncidents(5);
  const lists = await Promise.all(
    incidents.map((i) => c.engine.ctx.store.outbox.listForIncident(i.id)),
  );
  const items: OutboxItem[] = lists
    .flat()
    .filter((item) => item.channel === WEB_CHANNEL)
    .sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() || a.dedupeKey.localeCompare(b.dedupeKey),
    );
  c.chatLog.absorb(items);
}

/** Replies that show state are shown as it is now, like the cards. */
async function current(
  c: WebContext,
  entry: Extract<ChatEntry, { kind: "said" }>,
): Promise<ChatReply | null> {
  const reply = entry.reply;
  const { views } = c.engine;
  try {
    if (reply?.kind === "status") return await statusReply(c.engine, reply.view.incidentId);
    if (reply?.kind === "tasks") {
      const incidentId = reply.groups.flatMap((g) => g.tasks)[0]?.incidentId;
      if (!incidentId) return reply;
      const mine = entry.command?.kind === "tasks" && entry.command.mine;
      const groups = (await views.tasks(incidentId)).map((g) => ({
        ...g,
        tasks: mine ? g.tasks.filter((t) => t.ownerId === entry.personId) : g.tasks,
      }));
      return { ...reply, groups };
    }
  } catch (error) {
    c.logger.warn({ err: error }, "web: could not refresh a reply");
  }
  return reply;
}

/** The command that queued a delivery: its incident and timeline position (see core/work.ts). */
const commandOf = (entry: ChatEntry) =>
  entry.kind === "delivery" ? entry.item.dedupeKey.split(":").slice(0, 2).join(":") : null;

/**
 * Within the deliveries of one command, the incident card comes first: it says what the
 * pages and the paging card that follow are about.
 */
export function incidentFirst(entries: ChatEntry[]): ChatEntry[] {
  const rank = (e: ChatEntry) =>
    e.kind === "delivery" &&
    e.item.delivery.type === "card" &&
    e.item.delivery.card.kind === "incident"
      ? 0
      : 1;
  const out: ChatEntry[] = [];
  let run: ChatEntry[] = [];
  const flush = () => {
    out.push(
      ...run
        .map((e, i) => ({ e, i }))
        .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
        .map((x) => x.e),
    );
    run = [];
  };
  for (const entry of entries) {
    const command = commandOf(entry);
    if (command === null || (run.length > 0 && commandOf(run[0]!) !== command)) flush();
    if (command === null) out.push(entry);
    else run.push(entry);
  }
  flush();
  return out;
}

async function feedItems(c: WebContext, personId: string): Promise<FeedItem[]> {
  await syncFromOutbox(c);
  const items: FeedItem[] = [];
  const shown = new Set<string>();
  for (const entry of incidentFirst(c.chatLog.forPerson(personId))) {
    if (entry.kind === "said") {
      items.push({ kind: "said", text: entry.text, reply: await current(c, entry) });
    } else if (entry.kind === "failed") {
      items.push({ kind: "failed", error: entry.error });
    } else if (entry.item.delivery.type === "notice") {
      const personal = entry.item.audience.kind === "person";
      items.push({ kind: "notice", notice: entry.item.delivery.notice, personal });
    } else if (entry.item.delivery.type === "plan-copy") {
      const notice = planCopyNotice(c.engine.ctx, entry.item.delivery.copy);
      if (notice) items.push({ kind: "notice", notice, personal: true });
    } else if (entry.item.delivery.type === "contact-check") {
      // The notice's link opens the form ("Klopt" / "Wijzigen") for this person only.
      const notice = contactCheckNotice(c.engine.ctx, entry.item.delivery.check);
      items.push({ kind: "notice", notice, personal: true });
    } else if (entry.item.delivery.type === "review") {
      try {
        entry.review ??= (await draftReviewShare(c.engine, entry.item.delivery.review)).view;
      } catch (error) {
        // The rest of the conversation still shows; the board links to the review as well.
        c.logger.warn({ err: error, outboxId: entry.item.id }, "web: shared review not drafted");
        continue;
      }
      const page = reviewPath(entry.review.incidentId);
      items.push({ kind: "review", view: entry.review, page, docx: `${page}.docx` });
    } else {
      // A card is shown once, where it first appeared, as it is now.
      // An update-only delivery adds nothing: the card, if it was shown, is shown as it is now.
      const ref = entry.item.delivery.card;
      const key = cardKey(ref);
      if (shown.has(key) || entry.item.delivery.ifShown) continue;
      shown.add(key);
      try {
        const view = await c.engine.views.card(ref);
        // A card for everyone in the local chat is shown as a shared channel would show it.
        const shared = entry.item.audience.kind === "incident";
        items.push({ kind: "card", view: shared ? shareableCard(view) : view });
      } catch (error) {
        c.logger.warn({ err: error, card: key }, "web: card no longer renders");
      }
    }
  }
  return items;
}

async function running(c: WebContext): Promise<boolean> {
  return (await c.engine.activeIncidents()).length > 0;
}

function people(c: WebContext) {
  const { directory } = c.engine;
  const { coordinator, deputies } = directory.plan.coordination;
  const role = (id: string) =>
    id === coordinator ? ("leader" as const) : deputies.includes(id) ? ("deputy" as const) : null;
  const rank = (id: string) => (id === coordinator ? 0 : deputies.includes(id) ? 1 : 2);
  // The coordinator and the deputies first: they are the ones who can start an incident.
  return [...directory.plan.people]
    .sort((a, b) => rank(a.id) - rank(b.id))
    .map((person) => ({ person, role: role(person.id) }));
}

async function chatPage(c: WebContext, req: Request, res: Response) {
  const session = c.sessions.ensure(req, res);
  if (!session.personId) {
    const ctx = contextFor(c, session, "/chat", { anonymousForms: true });
    return sendHtml(
      res,
      page(ctx, {
        title: c.w("chat"),
        current: "chat",
        local: true,
        body: pickerBody(ctx, people(c)),
      }),
    );
  }
  const ctx = contextFor(c, session, "/chat");
  sendHtml(
    res,
    page(ctx, {
      title: c.w("chat"),
      current: "chat",
      local: true,
      who: whoBar(c, ctx, session),
      flash: c.flash.take(session),
      body: chatBody(ctx, await feedItems(c, session.personId), await running(c)),
    }),
  );
}

interface ChatPayload {
  personId: string;
  command: ChatCommand;
}

export function registerChatHandler(c: WebContext): void {
  c.inbox.handle(WEB_INBOX_KINDS.chat, async (payload, _live, item) => {
    const { personId, command } = payload as ChatPayload;
    let reply: ChatReply;
    try {
      const actor = c.engine.identify({ personId }, "web");
      reply = await runChatCommand(c.engine, actor, command, CHAT_PREFIX);
    } catch (error) {
      if (error instanceof InboxAlreadyProcessed) throw error;
      reply = { kind: "error", error: failureText(c, error, "chat").view };
    }
    // After a restart the conversation (kept in memory) is gone; what changed shows in the feed.
    c.answers.get(item.id)?.(reply);
  });
}

async function run(c: WebContext, req: Request, res: Response, text: string, command: ChatCommand) {
  const session = checkPost(c, req, res);
  if (!session) return;
  if (!session.personId) return res.redirect(303, "/chat");
  const body = req.body as Record<string, unknown>;
  const item = await storeForm(c, req, res, {
    key: formKey(body, req.path),
    kind: WEB_INBOX_KINDS.chat,
    payload: { personId: session.personId, command } satisfies ChatPayload,
  });
  if (item === "failed") return;
  if (!item) return answer(c, req, res, session, { ok: true, message: c.w("alreadySent") });
  await syncFromOutbox(c);
  const entry = c.chatLog.said(session.personId, text, command);
  const reply = await processForm<ChatReply | null>(c, item, null);
  entry.reply = reply;
  c.live.changed();
  if (reply?.kind === "error" && reply.error.code === "database-unavailable") {
    // The conversation may not load either: the answer itself says to try again.
    const message = c.engine.directory.locale === "nl" ? reply.error.nl : reply.error.en;
    return answer(c, req, res, session, { ok: false, message, status: 503, inFeed: true });
  }
  answer(c, req, res, session, { ok: true });
}

export function registerChat(router: Router, c: WebContext): void {
  router.get("/chat", (req, res) => chatPage(c, req, res));
  router.get("/chat/feed", async (req, res) => {
    const session = c.sessions.read(req);
    if (!session?.personId) return res.status(401).type("text").send("");
    const items = await feedItems(c, session.personId);
    // The command hint follows the state (see chatBody).
    res.set("X-Ramp-Incident", (await running(c)) ? "active" : "none");
    sendFragment(c, res, feed(contextFor(c, session, "/chat"), items));
  });
  router.post("/chat", formBody, (req, res) => {
    const text = String((req.body as Record<string, unknown>).text ?? "")
      .trim()
      .slice(0, 1000);
    return run(c, req, res, text, parseChatCommand(text));
  });
  router.post("/chat/start", formBody, (req, res) => {
    const body = req.body as Record<string, unknown>;
    const level = String(body.classification ?? "");
    const classification = (CLASSIFICATIONS as readonly string[]).includes(level)
      ? (level as (typeof CLASSIFICATIONS)[number])
      : undefined;
    const scope = (SCOPES as readonly unknown[]).includes(body.scope)
      ? (body.scope as Scope)
      : "onbekend";
    const description = String(body.description ?? "")
      .trim()
      .slice(0, 200);
    const fallback = body.meeting === "fallback";
    const command: ChatCommand = {
      kind: "start",
      ...(classification ? { classification } : {}),
      scope,
      ...(fallback ? { meeting: "fallback" as const } : {}),
      ...(description ? { description } : {}),
    };
    const text =
      `${CHAT_PREFIX} start ${classification ?? ""} ${scope} ${fallback ? "uitwijk" : ""} ${description}`.replace(
        /\s+/g,
        " ",
      );
    return run(c, req, res, text.trim(), command);
  });
  router.post("/chat/who", formBody, (req, res) => {
    const session = checkPost(c, req, res);
    if (!session) return;
    const personId = String((req.body as Record<string, unknown>).person ?? "");
    const known = personId !== "" && c.engine.directory.person(personId) !== undefined;
    // A fresh session (and CSRF token) for every identity.
    c.sessions.write(res, newSession(known ? personId : null));
    res.redirect(303, "/chat");
  });
}
