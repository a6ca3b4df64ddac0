// The changed-decision form's submission: the reason, after Slack's confirm dialog.
import type { App } from "@slack/bolt";
import { performAction } from "../../../core/chat/act.ts";
import { CALLBACK_IDS, FIELDS } from "../action-ids.ts";
import { afterAck, type SlackContext } from "./context.ts";
import { failureMessage } from "./failure.ts";

export function registerDecisionChange(app: App, ctx: SlackContext): void {
  app.view(CALLBACK_IDS.decisionChange, async ({ ack, view, body, client }) => {
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
    await ack();
    await afterAck();
    const choice = JSON.parse(view.private_metadata || "{}") as {
      incidentId?: string;
      situation?: "A" | "B";
      locationId?: string | null;
    };
    try {
      const actor = ctx.engine.identify({ slackUserId: body.user.id }, "slack");
      await performAction(ctx.engine, actor, {
        action: "decision.decide",
        subjectId: choice.incidentId ?? "",
        situation: choice.situation === "A" ? "A" : "B",
        locationId: choice.locationId ?? null,
        reason,
        confirmed: true,
      });
    } catch (error) {
      const message = failureMessage(ctx, error, "decision-change");
      await client.chat.postMessage({
        channel: body.user.id,
        text: message.text,
        blocks: message.blocks as never,
      });
    }
  });
}
