// The start form's submission: validate, declare, tell the coordinator where the incident lives.
import type { App } from "@slack/bolt";
import { declaredReply } from "../../../core/chat/declared.ts";
import { InboxAlreadyProcessed } from "../../../core/inbox-scope.ts";
import type { Meeting, Scope } from "../../../core/model.ts";
import type { Classification } from "../../../plan/schema.ts";
import { CALLBACK_IDS, FIELDS, SLASH_COMMAND } from "../action-ids.ts";
import { slackErrorCode } from "../errors.ts";
import { INBOX_KINDS, viewKey } from "../inbox-keys.ts";
import { fallbackText } from "../render/text.ts";
import type { SlackContext } from "./context.ts";
import { failureMessage } from "./failure.ts";
import { slackActor, viaInbox } from "./inbox.ts";

type Values = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null }>
>;

/** Where Slack will not show the bot's ephemeral message. */
const NOT_THERE = new Set(["not_in_channel", "channel_not_found", "user_not_in_channel"]);

interface StartFormPayload {
  userId: string;
  channelId: string | undefined;
  description: string;
  classification: string | undefined;
  scope: string | undefined;
  officeHours: string | undefined;
  meeting: string | undefined;
}

export function registerStartForm(app: App, ctx: SlackContext): void {
  ctx.inbox.handle(INBOX_KINDS.startForm, (payload) =>
    declareFromForm(ctx, payload as StartFormPayload),
  );
  app.view(CALLBACK_IDS.startForm, async ({ ack, view, body }) => {
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
    const { channelId } = JSON.parse(view.private_metadata || "{}") as { channelId?: string };
    const payload: StartFormPayload = {
      userId: body.user.id,
      channelId,
      description,
      classification: pick(FIELDS.classification),
      scope: pick(FIELDS.scope),
      officeHours: pick(FIELDS.officeHours),
      meeting: pick(FIELDS.meeting),
    };
    await viaInbox(ctx, ack, { key: viewKey(body), kind: INBOX_KINDS.startForm, payload });
  });
}

async function declareFromForm(ctx: SlackContext, form: StartFormPayload): Promise<void> {
  const { client } = ctx;
  const { channelId, userId } = form;
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
    const actor = slackActor(ctx.engine, userId);
    const incident = await ctx.engine.declare(actor, {
      classification: form.classification as Classification,
      scope: (form.scope ?? "onbekend") as Scope,
      description: form.description,
      officeHours: form.officeHours === undefined ? null : form.officeHours === "ja",
      meeting: (form.meeting ?? "primary") as Meeting,
    });
    const { text } = await declaredReply(ctx.engine, incident.id, SLASH_COMMAND);
    // Slack reads a message's text as mrkdwn: "<toestand>" in it must be escaped.
    await tell(fallbackText(`✅ ${text}`));
  } catch (error) {
    if (error instanceof InboxAlreadyProcessed) throw error;
    const message = failureMessage(ctx, error, "start-form");
    await tell(message.text, message.blocks);
  }
}
