// Every Ramp button: page answers, task actions, decisions. Acknowledged first; the card is
// re-rendered from the database by the outbox, so the click itself changes no message.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { performAction } from "../../../core/chat/act.ts";
import { ACTION_KIND_BY_ID, ANY_RAMP_ACTION } from "../action-ids.ts";
import { blockReasonModal, decisionChangeModal } from "../render/modals.ts";
import { parseActionValue } from "../render/text.ts";
import { afterAck, type SlackContext } from "./context.ts";
import { failureMessage } from "./failure.ts";

export function registerButtons(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(
    ANY_RAMP_ACTION,
    async ({ ack, action, body, respond, client }) => {
      await ack();
      await afterAck();
      const kind = ACTION_KIND_BY_ID[action.action_id.split(":")[0]!];
      const value = parseActionValue(action.value);
      if (!kind || !value) {
        ctx.logger.warn(
          { actionId: action.action_id, value: action.value },
          "unknown Slack action",
        );
        return;
      }
      const { engine } = ctx;
      try {
        const actor = engine.identify({ slackUserId: body.user.id }, "slack");
        if (kind === "task.block") {
          // The reason comes from a form; opening it needs the click's trigger id, which expires in 3 s.
          const task = await engine.views.taskCard(value.s);
          await client.views.open({
            trigger_id: body.trigger_id,
            view: blockReasonModal(ctx.nl, value.s, task.title) as never,
          });
          return;
        }
        if (kind === "decision.decide") {
          // A change (after Slack's confirm dialog) needs a reason: the form, like blocking.
          const choice = {
            incidentId: value.s,
            situation: value.sit ?? "B",
            locationId: value.loc ?? null,
          };
          const confirm = (await engine.views.decision(value.s)).actions.find(
            (a) => a.situation === choice.situation && (a.locationId ?? null) === choice.locationId,
          )?.confirm;
          if (confirm) {
            await client.views.open({
              trigger_id: body.trigger_id,
              view: decisionChangeModal(ctx.nl, choice, confirm) as never,
            });
            return;
          }
        }
        await performAction(engine, actor, {
          action: kind,
          subjectId: value.s,
          situation: value.sit ?? null,
          locationId: value.loc ?? null,
          meeting: value.m ?? null,
        });
      } catch (error) {
        // Only the person who clicked sees why; the card stays as it is for everyone.
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          ...failureMessage(ctx, error, kind),
        });
      }
    },
  );
}
