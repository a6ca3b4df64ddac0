// Every Ramp button: page answers, task actions, decisions. Stored, acknowledged, then run; the
// card is re-rendered from the database by the outbox, so the click itself changes no message.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { performAction } from "../../../core/chat/act.ts";
import { InboxAlreadyProcessed } from "../../../core/inbox-scope.ts";
import { ACTION_KIND_BY_ID, ANY_RAMP_ACTION } from "../action-ids.ts";
import { actionKey, INBOX_KINDS } from "../inbox-keys.ts";
import { blockReasonModal, decisionChangeModal } from "../render/modals.ts";
import { parseActionValue } from "../render/text.ts";
import type { SlackContext } from "./context.ts";
import { failureMessage } from "./failure.ts";
import { formExpiredText, respondTo, slackActor, tellClickerOnly, viaInbox } from "./inbox.ts";

interface ClickPayload {
  userId: string;
  actionId: string;
  value: string | undefined;
  responseUrl: string;
  triggerId: string;
}

export function registerButtons(app: App, ctx: SlackContext): void {
  ctx.inbox.handle(INBOX_KINDS.action, (payload, live) =>
    runClick(ctx, payload as ClickPayload, live),
  );
  app.action<BlockAction<ButtonAction>>(ANY_RAMP_ACTION, async ({ ack, action, body }) => {
    const payload: ClickPayload = {
      userId: body.user.id,
      actionId: action.action_id,
      value: action.value,
      responseUrl: body.response_url,
      triggerId: body.trigger_id,
    };
    await viaInbox(
      ctx,
      ack,
      { key: actionKey(body), kind: INBOX_KINDS.action, payload },
      tellClickerOnly(ack, body.response_url),
    );
  });
}

async function runClick(ctx: SlackContext, click: ClickPayload, live: boolean): Promise<void> {
  const kind = ACTION_KIND_BY_ID[click.actionId.split(":")[0]!];
  const value = parseActionValue(click.value);
  if (!kind || !value) {
    ctx.logger.warn({ actionId: click.actionId, value: click.value }, "unknown Slack action");
    return;
  }
  const { engine, client } = ctx;
  // Only the person who clicked sees the answer; the card stays as it is for everyone.
  const respond = (message: object) =>
    respondTo(click.responseUrl, {
      response_type: "ephemeral",
      replace_original: false,
      ...message,
    });
  try {
    const actor = slackActor(engine, click.userId);
    if (kind === "task.block") {
      // The reason comes from a form; opening it needs the click's trigger id, which expires in
      // 3 s: not retried after a restart.
      if (!live) return await respond({ text: formExpiredText(ctx.nl) });
      const task = await engine.views.taskCard(value.s);
      await client.views.open({
        trigger_id: click.triggerId,
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
        if (!live) return await respond({ text: formExpiredText(ctx.nl) });
        await client.views.open({
          trigger_id: click.triggerId,
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
    if (error instanceof InboxAlreadyProcessed) throw error;
    await respond(failureMessage(ctx, error, kind));
  }
}
