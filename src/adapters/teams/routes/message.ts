// `@Ramp start …` in a channel, or any text in the personal chat: the same commands as /ramp.
import { CardFactory, MessageFactory, type TurnContext } from "botbuilder";
import { parseChatCommand } from "../../../core/chat/parse.ts";
import { runChatCommand } from "../../../core/chat/run.ts";
import { isPersonal } from "../conversations.ts";
import { identify } from "../identity.ts";
import type { AdaptiveCard } from "../render/elements.ts";
import { renderError, renderReply } from "../render/index.ts";
import { startFormCard } from "../render/start-form.ts";
import { TEAMS_PREFIX, type TeamsContext } from "./context.ts";
import { failureView } from "./failure.ts";

export async function onMessage(context: TurnContext, ctx: TeamsContext): Promise<void> {
  const send = (card: AdaptiveCard) =>
    context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  try {
    const actor = await identify(context, ctx.engine, ctx.conversations);
    await ctx.conversations.remember(context, actor.personId, "used");
    // The mention is removed by teams-ai; what is left are the command words.
    const reply = await runChatCommand(
      ctx.engine,
      actor,
      parseChatCommand(context.activity.text ?? ""),
      TEAMS_PREFIX,
    );
    if (reply.kind === "start-form") {
      await send(startFormCard(ctx.nl, reply.description, reply));
      return;
    }
    if (reply.kind === "board" && reply.url && !isPersonal(context)) {
      // A personal sign-in link must not be posted where the whole channel reads it.
      const text = ctx.nl
        ? "Uw link naar het crisisbord is persoonlijk: typ bord in uw persoonlijke chat met Ramp."
        : "Your link to the crisis board is personal: type board in your personal chat with Ramp.";
      await send(renderReply({ kind: "text", text }, ctx.nl));
      return;
    }
    if (reply.kind === "declared" && !isPersonal(context)) {
      await ctx.conversations.rememberIncident(context, reply.incident.incidentId);
    }
    await send(renderReply(reply, ctx.nl));
  } catch (error) {
    await send(renderError(failureView(ctx, error, "message")));
  }
}
