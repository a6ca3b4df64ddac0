// `@Ramp start …` in a channel or group chat, or any text in the personal chat: the same commands
// as /ramp. What is personal in a reply is only ever sent to the personal chat.
import { CardFactory, MessageFactory, type TurnContext } from "botbuilder";
import { parseChatCommand } from "../../../core/chat/parse.ts";
import { withheldNote, withoutPersonal } from "../../../core/chat/personal.ts";
import { runChatCommand } from "../../../core/chat/run.ts";
import { InboxAlreadyProcessed } from "../../../core/inbox-scope.ts";
import { isPersonal } from "../conversations.ts";
import { identify } from "../identity.ts";
import { sendToPersonalChat } from "../personal-chat.ts";
import type { AdaptiveCard } from "../render/elements.ts";
import { renderError, renderPersonal, renderReply, withNote } from "../render/index.ts";
import { startFormCard } from "../render/start-form.ts";
import { TEAMS_PREFIX, type TeamsContext } from "./context.ts";
import { failureView } from "./failure.ts";
import { inTurn, store, TEAMS_INBOX_KINDS, type TeamsPayload, teamsPayload } from "./inbox.ts";

interface MessagePayload extends TeamsPayload {
  text: string;
}

export function registerMessageHandler(ctx: TeamsContext): void {
  ctx.inbox.handle(TEAMS_INBOX_KINDS.message, (payload, _live, item) => {
    const message = payload as MessagePayload;
    // After a restart the answer goes to the same conversation, proactively.
    return inTurn(ctx, ctx.turns.get(item.id), message.reference, (turn) =>
      answerMessage(turn, ctx, message.text),
    );
  });
}

/** A message: stored under its activity id, then answered within its turn. */
export async function onMessage(context: TurnContext, ctx: TeamsContext): Promise<void> {
  const text = context.activity.text ?? "";
  const item = await store(
    ctx,
    context,
    TEAMS_INBOX_KINDS.message,
    teamsPayload(context, { text }),
  );
  if (!item) return;
  ctx.turns.set(item.id, context);
  try {
    await ctx.inbox.process(item);
  } finally {
    ctx.turns.delete(item.id);
  }
}

async function answerMessage(context: TurnContext, ctx: TeamsContext, text: string): Promise<void> {
  const send = (card: AdaptiveCard) =>
    context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  try {
    const actor = await identify(context, ctx.engine, ctx.conversations);
    await ctx.conversations.remember(context, actor.personId, "used");
    // The mention is removed by teams-ai; what is left are the command words.
    const reply = await runChatCommand(ctx.engine, actor, parseChatCommand(text), TEAMS_PREFIX);
    if (reply.kind === "start-form") {
      await send(startFormCard(ctx.nl, reply.description, reply));
      return;
    }
    if (reply.kind === "declared" && !isPersonal(context)) {
      await ctx.conversations.rememberIncident(context, reply.incident.incidentId);
    }
    if (reply.personal && !isPersonal(context)) {
      // A channel or group chat is read by others: the personal part goes to the person's
      // personal chat with Ramp, or nowhere; the reply here says which.
      const part = reply.personal;
      const sent = await sendToPersonalChat(
        context,
        ctx,
        actor.personId,
        renderPersonal(part, ctx.nl),
      );
      const note = withheldNote(part, ctx.engine.directory.locale, sent);
      await send(withNote(renderReply(withoutPersonal(reply), ctx.nl), note));
      return;
    }
    await send(renderReply(reply, ctx.nl));
  } catch (error) {
    if (error instanceof InboxAlreadyProcessed) throw error;
    await send(renderError(failureView(ctx, error, "message"), ctx.nl));
  }
}
