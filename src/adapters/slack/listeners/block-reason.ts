// The blocked-task form's submission.
import type { App } from "@slack/bolt";
import { CALLBACK_IDS, FIELDS } from "../action-ids.ts";
import { afterAck, type SlackContext } from "./context.ts";
import { failureMessage } from "./failure.ts";

export function registerBlockReason(app: App, ctx: SlackContext): void {
  app.view(CALLBACK_IDS.blockReason, async ({ ack, view, body, client }) => {
    const reason = view.state.values[FIELDS.reason.block]?.[FIELDS.reason.action]?.value?.trim();
    if (!reason) {
      await ack({
        response_action: "errors",
        errors: { [FIELDS.reason.block]: ctx.nl ? "Geef een reden." : "Give a reason." },
      });
      return;
    }
    await ack();
    await afterAck();
    const { taskId } = JSON.parse(view.private_metadata || "{}") as { taskId?: string };
    try {
      const actor = ctx.engine.identify({ slackUserId: body.user.id }, "slack");
      await ctx.engine.task(actor, taskId ?? "", "block", reason);
    } catch (error) {
      const message = failureMessage(ctx, error, "block-reason");
      await client.chat.postMessage({
        channel: body.user.id,
        text: message.text,
        blocks: message.blocks as never,
      });
    }
  });
}
