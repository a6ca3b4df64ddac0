// The start form's submission: validate, declare, tell the coordinator where the incident lives.
import type { App } from "@slack/bolt";
import { declaredReply } from "../../../core/chat/declared.ts";
import type { Meeting, Scope } from "../../../core/model.ts";
import type { Classification } from "../../../plan/schema.ts";
import { CALLBACK_IDS, FIELDS, SLASH_COMMAND } from "../action-ids.ts";
import { slackErrorCode } from "../errors.ts";
import { fallbackText } from "../render/text.ts";
import { afterAck, type SlackContext } from "./context.ts";
import { failureMessage } from "./failure.ts";

type Values = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null }>
>;

/** Where Slack will not show the bot's ephemeral message. */
const NOT_THERE = new Set(["not_in_channel", "channel_not_found", "user_not_in_channel"]);

export function registerStartForm(app: App, ctx: SlackContext): void {
  app.view(CALLBACK_IDS.startForm, async ({ ack, view, body, client }) => {
    const values = view.state.values as Values;
    const pick = (field: { block: string; action: string }) => {
      const input = values[field.block]?.[field.action];
      return input?.selected_option?.value ?? input?.value ?? undefined;
    };
    const description = pick(FIELDS.description)?.trim();
    if (!description) {
      await ack({
        response_action: "errors",
        errors: {
          [FIELDS.description.block]: ctx.nl
            ? "Geef een korte omschrijving."
            : "Give a short description.",
        },
      });
      return;
    }
    await ack();
    await afterAck();
    const { channelId } = JSON.parse(view.private_metadata || "{}") as { channelId?: string };
    const userId = body.user.id;
    const tell = async (text: string, blocks?: unknown[]) => {
      const options = { text, ...(blocks ? { blocks: blocks as never } : {}) };
      if (channelId) {
        try {
          await client.chat.postEphemeral({ channel: channelId, user: userId, ...options });
          return;
        } catch (error) {
          // Slack shows an ephemeral message only in a channel the bot is in; /ramp may have
          // been typed anywhere (#algemeen). Then the answer comes in Ramp's DM instead.
          if (!NOT_THERE.has(slackErrorCode(error) ?? "")) throw error;
        }
      }
      await client.chat.postMessage({ channel: userId, ...options });
    };
    try {
      const actor = ctx.engine.identify({ slackUserId: userId }, "slack");
      const officeHours = pick(FIELDS.officeHours);
      const incident = await ctx.engine.declare(actor, {
        classification: pick(FIELDS.classification) as Classification,
        scope: (pick(FIELDS.scope) ?? "onbekend") as Scope,
        description,
        officeHours: officeHours === undefined ? null : officeHours === "ja",
        meeting: (pick(FIELDS.meeting) ?? "primary") as Meeting,
      });
      const { text } = await declaredReply(ctx.engine, incident.id, SLASH_COMMAND);
      // Slack reads a message's text as mrkdwn: "<toestand>" in it must be escaped.
      await tell(fallbackText(`✅ ${text}`));
    } catch (error) {
      const message = failureMessage(ctx, error, "start-form");
      await tell(message.text, message.blocks);
    }
  });
}
