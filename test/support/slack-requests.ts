// Requests as Slack sends them to POST /slack/events, signed with the app's signing secret
// (v0: HMAC-SHA256 of `v0:${timestamp}:${rawBody}`, headers X-Slack-Signature and
// X-Slack-Request-Timestamp). Payload shapes follow Slack's reference for slash commands,
// block_actions and view_submission.
import { createHmac, randomBytes } from "node:crypto";
import type { Body, SlackMessage } from "./fake-slack.ts";

export const TEAM = { id: "T0ZONNEBEKE", domain: "zonnebeke-heide" };
export const API_APP_ID = "A0RAMPAPP";
export const EVENTS_PATH = "/slack/events";

export interface SlackRequest {
  contentType: "application/x-www-form-urlencoded" | "application/json";
  body: string;
}

export interface SendOptions {
  /** Seconds since the epoch used in the signature; default now. */
  timestamp?: number;
  /** Sign with another secret (a forgery). */
  secret?: string;
  /** Send without X-Slack-Signature and X-Slack-Request-Timestamp. */
  unsigned?: boolean;
  /** Slack's retry headers, as on a redelivery. */
  retryNum?: number;
  retryReason?: string;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** Posts a request to Ramp's Slack endpoint, signed unless told otherwise. */
export async function sendToSlackEndpoint(
  baseUrl: string,
  signingSecret: string,
  request: SlackRequest,
  options: SendOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "content-type": request.contentType };
  if (!options.unsigned) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = sign(options.secret ?? signingSecret, timestamp, request.body);
  }
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = options.retryReason ?? "http_timeout";
  }
  return fetch(`${baseUrl}${EVENTS_PATH}`, { method: "POST", headers, body: request.body });
}

export const triggerId = () =>
  `${Date.now()}.${randomBytes(4).readUInt32BE()}.${randomBytes(16).toString("hex")}`;

/** A slash command: form-encoded, as Slack posts it to the command's request URL. */
export function slashCommand(input: {
  userId: string;
  text: string;
  responseUrl: string;
  channelId?: string;
  command?: string;
  triggerId?: string;
}): SlackRequest {
  const form = new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: input.channelId ?? "C0ALGEMEEN",
    channel_name: "algemeen",
    user_id: input.userId,
    user_name: input.userId.toLowerCase(),
    command: input.command ?? "/ramp",
    text: input.text,
    api_app_id: API_APP_ID,
    is_enterprise_install: "false",
    response_url: input.responseUrl,
    trigger_id: input.triggerId ?? triggerId(),
  });
  return { contentType: "application/x-www-form-urlencoded", body: form.toString() };
}

/** Interaction payloads are form-encoded with one field, `payload`, holding JSON. */
function interaction(payload: Body): SlackRequest {
  return {
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  };
}

export interface Button {
  action_id: string;
  block_id: string;
  value: string;
  text: string;
  style?: string;
}

/** The buttons of a message, with the block they sit in (as a click reports them). */
export function buttonsOf(blocks: Body[]): Button[] {
  const found: Button[] = [];
  blocks.forEach((block, i) => {
    const blockId = typeof block.block_id === "string" ? block.block_id : `b${i}`;
    const elements =
      block.type === "actions"
        ? (block.elements as Body[])
        : block.accessory
          ? [block.accessory as Body]
          : [];
    for (const element of elements) {
      if (element.type !== "button") continue;
      found.push({
        action_id: String(element.action_id),
        block_id: blockId,
        value: String(element.value ?? ""),
        text: String((element.text as Body | undefined)?.text ?? ""),
        ...(element.style ? { style: String(element.style) } : {}),
      });
    }
  });
  return found;
}

/** Finds a button in a message by its label (exact) or its action id (prefix). */
export function findButton(message: SlackMessage, label: string): Button {
  const buttons = buttonsOf(message.blocks);
  const button =
    buttons.find((b) => b.text === label) ?? buttons.find((b) => b.text.startsWith(label));
  if (!button) {
    throw new Error(
      `no button "${label}" in message ${message.ts}; it has: ${buttons.map((b) => b.text).join(", ") || "none"}`,
    );
  }
  return button;
}

/** A click on a button of a message Ramp posted: a block_actions payload. */
export function blockAction(input: {
  userId: string;
  message: SlackMessage;
  button: Button;
  responseUrl: string;
  triggerId?: string;
}): SlackRequest {
  const { message, button } = input;
  const dm = message.channel.startsWith("D");
  return interaction({
    type: "block_actions",
    user: {
      id: input.userId,
      username: input.userId.toLowerCase(),
      name: input.userId.toLowerCase(),
      team_id: TEAM.id,
    },
    api_app_id: API_APP_ID,
    token: "deprecated-verification-token",
    container: {
      type: "message",
      message_ts: message.ts,
      channel_id: message.channel,
      is_ephemeral: false,
    },
    trigger_id: input.triggerId ?? triggerId(),
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: message.channel, name: dm ? "directmessage" : "incident" },
    message: {
      type: "message",
      user: "U0RAMPBOT",
      ts: message.ts,
      bot_id: "B0RAMPBOT",
      app_id: API_APP_ID,
      text: message.text,
      team: TEAM.id,
      blocks: message.blocks,
    },
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [
      {
        action_id: button.action_id,
        block_id: button.block_id,
        text: { type: "plain_text", text: button.text, emoji: true },
        value: button.value,
        ...(button.style ? { style: button.style } : {}),
        type: "button",
        action_ts: `${(Date.now() / 1000).toFixed(6)}`,
      },
    ],
  });
}

/** What a person entered in a modal's inputs, as Slack reports it in view.state.values. */
export const input = {
  text: (value: string | null) => ({ type: "plain_text_input", value }),
  select: (value: string, text = value) => ({
    type: "static_select",
    selected_option: { text: { type: "plain_text", text, emoji: true }, value },
  }),
  radio: (value: string | null, text = value ?? "") => ({
    type: "radio_buttons",
    selected_option: value ? { text: { type: "plain_text", text, emoji: true }, value } : null,
  }),
};

/** Submitting a modal Ramp opened with views.open: a view_submission payload. */
export function viewSubmission(input: {
  userId: string;
  /** The view as Ramp sent it to views.open (its callback_id, private_metadata, blocks). */
  view: Body;
  values: Record<string, Record<string, Body>>;
  viewId?: string;
}): SlackRequest {
  const { view } = input;
  return interaction({
    type: "view_submission",
    team: TEAM,
    user: {
      id: input.userId,
      username: input.userId.toLowerCase(),
      name: input.userId.toLowerCase(),
      team_id: TEAM.id,
    },
    api_app_id: API_APP_ID,
    token: "deprecated-verification-token",
    trigger_id: triggerId(),
    view: {
      id: input.viewId ?? "V0RAMP0001",
      team_id: TEAM.id,
      type: "modal",
      blocks: view.blocks ?? [],
      private_metadata: view.private_metadata ?? "",
      callback_id: view.callback_id,
      state: { values: input.values },
      hash: "1790000000.abcdef12",
      title: view.title,
      clear_on_close: false,
      notify_on_close: false,
      close: view.close ?? null,
      submit: view.submit ?? null,
      previous_view_id: null,
      root_view_id: input.viewId ?? "V0RAMP0001",
      app_id: API_APP_ID,
      external_id: "",
      app_installed_team_id: TEAM.id,
      bot_id: "B0RAMPBOT",
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  });
}
