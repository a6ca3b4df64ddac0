// The changed-decision form's submission: the reason, after Slack's confirm dialog.
import type { App } from "@slack/bolt";
import { performAction } from "../../../core/chat/act.ts";
import { InboxAlreadyProcessed } from "../../../core/inbox-scope.ts";
import { CALLBACK_IDS, FIELDS } from "../action-ids.ts";
import { INBOX_KINDS, viewKey } from "../inbox-keys.ts";
import type { SlackContext } from "./context.ts";
import { failureMessage } from "./failure.ts";
import { slackActor, viaInbox } from "./inbox.ts";

interface DecisionChangePayload {
  userId: string;
  incidentId: string;
  situation: "A" | "B";
  locationId: string | null;
  reason: string;
}

export function registerDecisionChange(app: App, ctx: SlackContext): void {
  ctx.inbox.handle(INBOX_KINDS.decisionChange, (payload) =>
    changeDecision(ctx, payload as DecisionChangePayload),
  );
  app.view(CALLBACK_IDS.decisionChange, async ({ ack, view, body }) => {
    const reason = view.state.values[FIELDS.reason.block]?.[FIELDS.reason.action]?.value?.trim();
    if (!reason) {
      await ack({
        response_action: "errors",
        errors: {
          [FIELDS.reason.block]: ctx.nl
            ? "Geef een reden voor de wijziging."
            : "Give a reason for the change.",
        },
      });
      return;
    }
    const choice = JSON.parse(view.private_metadata || "{}") as {
      incidentId?: string;
      situation?: "A" | "B";
      locationId?: string | null;
    };
    const payload: DecisionChangePayload = {
      userId: body.user.id,
      incidentId: choice.incidentId ?? "",
      situation: choice.situation === "A" ? "A" : "B",
      locationId: choice.locationId ?? null,
      reason,
    };
    await viaInbox(ctx, ack, { key: viewKey(body), kind: INBOX_KINDS.decisionChange, payload });
  });
}

async function changeDecision(ctx: SlackContext, form: DecisionChangePayload): Promise<void> {
  try {
    const actor = slackActor(ctx.engine, form.userId);
    await performAction(ctx.engine, actor, {
      action: "decision.decide",
      subjectId: form.incidentId,
      situation: form.situation,
      locationId: form.locationId,
      reason: form.reason,
      confirmed: true,
    });
  } catch (error) {
    if (error instanceof InboxAlreadyProcessed) throw error;
    const message = failureMessage(ctx, error, "decision-change");
    await ctx.client.chat.postMessage({
      channel: form.userId,
      text: message.text,
      blocks: message.blocks as never,
    });
  }
}
