// `/ramp …`: stored, acknowledged at once, then run and answered only to the person who typed it.
import type { App } from "@slack/bolt";
import { parseChatCommand } from "../../../core/chat/parse.ts";
import { runChatCommand } from "../../../core/chat/run.ts";
import { InboxAlreadyProcessed } from "../../../core/inbox-scope.ts";
import { SLASH_COMMAND } from "../action-ids.ts";
import { INBOX_KINDS } from "../inbox-keys.ts";
import { renderReply } from "../render/index.ts";
import { startModal } from "../render/modals.ts";
import type { SlackContext } from "./context.ts";
import { failureMessage } from "./failure.ts";
import { formExpiredText, respondTo, slackActor, viaInbox } from "./inbox.ts";

interface CommandPayload {
  userId: string;
  text: string;
  channelId: string;
  responseUrl: string;
  triggerId: string;
}

export function registerCommand(app: App, ctx: SlackContext): void {
  ctx.inbox.handle(INBOX_KINDS.command, (payload, live) =>
    runCommand(ctx, payload as CommandPayload, live),
  );
  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    const payload: CommandPayload = {
      userId: command.user_id,
      text: command.text,
      channelId: command.channel_id,
      responseUrl: command.response_url,
      triggerId: command.trigger_id,
    };
    await viaInbox(ctx, ack, {
      key: `trigger:${command.trigger_id}`,
      kind: INBOX_KINDS.command,
      payload,
    });
  });
}

async function runCommand(ctx: SlackContext, command: CommandPayload, live: boolean) {
  const respond = (message: object) =>
    respondTo(command.responseUrl, { response_type: "ephemeral", ...message });
  try {
    const actor = slackActor(ctx.engine, command.userId);
    const reply = await runChatCommand(
      ctx.engine,
      actor,
      parseChatCommand(command.text),
      SLASH_COMMAND,
    );
    if (reply.kind === "start-form") {
      // Not retried after a restart: views.open needs the command's trigger_id, valid 3 s.
      if (!live) return await respond({ text: formExpiredText(ctx.nl) });
      await ctx.client.views.open({
        trigger_id: command.triggerId,
        view: startModal(ctx.nl, command.channelId, reply.description, reply) as never,
      });
      return;
    }
    await respond(renderReply(reply, ctx.nl));
  } catch (error) {
    if (error instanceof InboxAlreadyProcessed) throw error;
    await respond(failureMessage(ctx, error, "command"));
  }
}
