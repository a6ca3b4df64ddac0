// The blocked-task form's submission.
import type { App } from "@slack/bolt";
import { InboxAlreadyProcessed } from "../../../core/inbox-scope.ts";
import { CALLBACK_IDS, FIELDS } from "../action-ids.ts";
import { INBOX_KINDS, viewKey } from "../inbox-keys.ts";
import type { SlackContext } from "./context.ts";
import { failureMessage } from "./failure.ts";
import { slackActor, viaInbox } from "./inbox.ts";

interface BlockReasonPayload {
  userId: string;
  taskId: string;
  reason: string;
}

export function registerBlockReason(app: App, ctx: SlackContext): void {
  ctx.inbox.handle(INBOX_KINDS.blockReason, (payload) =>
    blockTask(ctx, payload as BlockReasonPayload),
  );
  app.view(CALLBACK_IDS.blockReason, async ({ ack, view, body }) => {
    const reason = view.state.values[FIELDS.reason.block]?.[FIELDS.reason.action]?.value?.trim();
    if (!reason) {
      await ack({
        response_action: "errors",
        errors: { [FIELDS.reason.block]: ctx.nl ? "Geef een reden." : "Give a reason." },
      });
      return;
    }
    const { taskId } = JSON.parse(view.private_metadata || "{}") as { taskId?: string };
    const payload: BlockReasonPayload = { userId: body.user.id, taskId: taskId ?? "", reason };
    await viaInbox(ctx, ack, { key: viewKey(body), kind: INBOX_KINDS.blockReason, payload });
  });
}

async function blockTask(ctx: SlackContext, form: BlockReasonPayload): Promise<void> {
  try {
    const actor = slackActor(ctx.engine, form.userId);
    await ctx.engine.task(actor, form.taskId, "block", form.reason);
  } catch (error) {
    if (error instanceof InboxAlreadyProcessed) throw error;
    const message = failureMessage(ctx, error, "block-reason");
    await ctx.client.chat.postMessage({
      channel: form.userId,
      text: message.text,
      blocks: message.blocks as never,
    });
  }
}
