// `/ramp …`: acknowledge at once, then run the command and answer only the person who typed it.
import type { App } from "@slack/bolt";
import { parseChatCommand } from "../../../core/chat/parse.ts";
import { runChatCommand } from "../../../core/chat/run.ts";
import { SLASH_COMMAND } from "../action-ids.ts";
import { renderReply } from "../render/index.ts";
import { startModal } from "../render/modals.ts";
import { afterAck, type SlackContext } from "./context.ts";
import { failureMessage } from "./failure.ts";

export function registerCommand(app: App, ctx: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    await afterAck();
    try {
      const actor = ctx.engine.identify({ slackUserId: command.user_id }, "slack");
      const reply = await runChatCommand(
        ctx.engine,
        actor,
        parseChatCommand(command.text),
        SLASH_COMMAND,
      );
      if (reply.kind === "start-form") {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: startModal(ctx.nl, command.channel_id, reply.description, reply) as never,
        });
        return;
      }
      await respond({ response_type: "ephemeral", ...renderReply(reply, ctx.nl) });
    } catch (error) {
      await respond({ response_type: "ephemeral", ...failureMessage(ctx, error, "command") });
    }
  });
}
