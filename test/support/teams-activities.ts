// Activities as Microsoft Teams sends them to a bot's messaging endpoint (POST /api/messages), in
// the documented shapes: a channel message that @mentions the bot, a personal (1:1) message, the
// bot added to a team (conversationUpdate membersAdded), the app installed (installationUpdate)
// personally, in a team or in a group chat, and a click on an Action.Execute button (invoke
// adaptiveCard/action, Universal Actions). serviceUrl points at the fake connector, where the
// bot's answers go.
import { createHash } from "node:crypto";

export type Json = Record<string, unknown>;

export const TENANT_ID = "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b";
/** The bot's own account: "28:" + the app id (this one is an example GUID). */
export const BOT = { id: "28:3f6c9a1e-2b4d-4e8f-9a0b-1c2d3e4f5a6b", name: "Ramp" } as const;
/** The crisis team's team; its General channel has the team's id. */
export const TEAM = {
  id: "19:Q2Jpc2lzc3RhZl9PQ01X@thread.tacv2",
  name: "Crisisstaf OCMW Zonnebeke-Heide",
  aadGroupId: "0b7e6d5c-4a3b-4c2d-9e1f-0a9b8c7d6e5f",
} as const;
export const GROUP_CHAT_ID = "19:meeting_crisisoverleg_ZjM5@thread.v2";

export interface TeamsUser {
  /** The Bot Framework user id, "29:…". */
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipalName: string;
}

/** A stable Teams user for a UPN: the same ids in every test run. */
export function teamsUser(userPrincipalName: string, name: string): TeamsUser {
  const hash = createHash("sha256").update(userPrincipalName).digest("hex");
  return {
    id: `29:1${Buffer.from(hash.slice(0, 24), "hex").toString("base64url")}`,
    name,
    aadObjectId: `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-a${hash.slice(17, 20)}-${hash.slice(20, 32)}`,
    userPrincipalName,
  };
}

/** The id of a user's personal (1:1) conversation with the bot. */
export function personalConversationId(user: TeamsUser): string {
  return `a:1${createHash("sha256").update(`personal:${user.id}`).digest("base64url").slice(0, 40)}`;
}

/** Where the conversation is: a user's personal chat, a team channel (or a thread in it), a group chat. */
export type Place =
  | { kind: "personal"; user: TeamsUser }
  | { kind: "channel"; channelId?: string; messageId?: string }
  | { kind: "groupChat"; chatId?: string };

export function conversationOf(place: Place): Json {
  switch (place.kind) {
    case "personal":
      return {
        conversationType: "personal",
        tenantId: TENANT_ID,
        id: personalConversationId(place.user),
      };
    case "channel": {
      const channel = place.channelId ?? TEAM.id;
      return {
        isGroup: true,
        conversationType: "channel",
        tenantId: TENANT_ID,
        id: place.messageId ? `${channel};messageid=${place.messageId}` : channel,
      };
    }
    case "groupChat":
      return {
        isGroup: true,
        conversationType: "groupChat",
        tenantId: TENANT_ID,
        id: place.chatId ?? GROUP_CHAT_ID,
      };
  }
}

function channelDataOf(place: Place): Json {
  if (place.kind === "channel") {
    const channel = place.channelId ?? TEAM.id;
    return {
      teamsChannelId: channel,
      teamsTeamId: TEAM.id,
      channel: { id: channel },
      team: { id: TEAM.id, name: TEAM.name, aadGroupId: TEAM.aadGroupId },
      tenant: { id: TENANT_ID },
    };
  }
  return { tenant: { id: TENANT_ID } };
}

let counter = 0;
/** Teams activity ids are millisecond timestamps; a counter keeps them unique within a run. */
function activityId(): string {
  counter += 1;
  return String(1_790_000_000_000 + counter);
}

function base(serviceUrl: string, from: TeamsUser, place: Place, type: string): Json {
  const now = new Date();
  return {
    type,
    id: activityId(),
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString().replace("Z", "+01:00"),
    localTimezone: "Europe/Brussels",
    serviceUrl,
    channelId: "msteams",
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    conversation: conversationOf(place),
    recipient: { id: BOT.id, name: BOT.name },
    channelData: channelDataOf(place),
    locale: "nl-BE",
    entities: [
      {
        type: "clientInfo",
        locale: "nl-BE",
        country: "BE",
        platform: "Windows",
        timezone: "Europe/Brussels",
      },
    ],
  };
}

/**
 * A message in a team channel that @mentions the bot: `<at>Ramp</at> start groot …`, with the
 * mention entity. A new post gets its own thread: conversation id `channel;messageid=<id>`.
 */
export function channelMention(
  serviceUrl: string,
  input: { from: TeamsUser; text: string; channelId?: string; inThread?: string },
): Json {
  const activity = base(serviceUrl, input.from, { kind: "channel" }, "message");
  const id = String(activity.id);
  const messageId = input.inThread ?? id;
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...activity,
    conversation: conversationOf({
      kind: "channel",
      ...(input.channelId ? { channelId: input.channelId } : {}),
      messageId,
    }),
    channelData: channelDataOf({
      kind: "channel",
      ...(input.channelId ? { channelId: input.channelId } : {}),
    }),
    text: input.text === "" ? mention : `${mention} ${input.text}`,
    textFormat: "plain",
    attachments: [
      {
        contentType: "text/html",
        content: `<div><div><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">${BOT.name}</span> ${escapeHtml(input.text)}</div></div>`,
      },
    ],
    entities: [
      { type: "mention", mentioned: { id: BOT.id, name: BOT.name }, text: mention },
      ...(activity.entities as Json[]),
    ],
  };
}

/** A message in a group chat that @mentions the bot (a group chat has no threads). */
export function groupChatMention(
  serviceUrl: string,
  input: { from: TeamsUser; text: string; chatId?: string },
): Json {
  const place: Place = { kind: "groupChat", ...(input.chatId ? { chatId: input.chatId } : {}) };
  const activity = base(serviceUrl, input.from, place, "message");
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...activity,
    text: input.text === "" ? mention : `${mention} ${input.text}`,
    textFormat: "plain",
    entities: [
      { type: "mention", mentioned: { id: BOT.id, name: BOT.name }, text: mention },
      ...(activity.entities as Json[]),
    ],
  };
}

/** A message in the user's personal chat with the bot (no mention needed). */
export function personalMessage(
  serviceUrl: string,
  input: { from: TeamsUser; text: string },
): Json {
  return {
    ...base(serviceUrl, input.from, { kind: "personal", user: input.from }, "message"),
    text: input.text,
    textFormat: "plain",
  };
}

/**
 * The app installed: `installationUpdate` with action "add" (or "remove"), in the user's
 * personal scope, a team (the General channel) or a group chat. `from` is who installed it (for
 * a personal install, the user; an administrator's pre-install arrives the same way).
 */
export function installationUpdate(
  serviceUrl: string,
  input: { from: TeamsUser; scope: "personal" | "team" | "groupChat"; action?: "add" | "remove" },
): Json {
  const place = placeOfScope(input.scope, input.from);
  const activity = base(serviceUrl, input.from, place, "installationUpdate");
  return {
    ...activity,
    action: input.action ?? "add",
    channelData: {
      ...(activity.channelData as Json),
      ...(input.scope === "team" ? { settings: { selectedChannel: { id: TEAM.id } } } : {}),
      source: { name: "message" },
    },
  };
}

/** Where an installation or the bot's arrival happens: the user's chat, the team's channel, a group chat. */
function placeOfScope(scope: "personal" | "team" | "groupChat", from: TeamsUser): Place {
  if (scope === "personal") return { kind: "personal", user: from };
  return scope === "team" ? { kind: "channel" } : { kind: "groupChat" };
}

/** The bot added to a team or group chat (or a personal chat): conversationUpdate membersAdded. */
export function botAdded(
  serviceUrl: string,
  input: { from: TeamsUser; scope: "personal" | "team" | "groupChat" },
): Json {
  const place = placeOfScope(input.scope, input.from);
  const activity = base(serviceUrl, input.from, place, "conversationUpdate");
  return {
    ...activity,
    membersAdded: [{ id: BOT.id }],
    channelData: {
      ...(activity.channelData as Json),
      eventType: input.scope === "team" ? "teamMemberAdded" : undefined,
    },
  };
}

/**
 * A click on an Action.Execute button of a card the bot sent: invoke `adaptiveCard/action`.
 * `conversationId` and `replyToId` are those of the message holding the card; the inputs the
 * person filled in are merged into `data`, as Teams does. `trigger` is "automatic" for a refresh.
 */
export function actionExecute(
  serviceUrl: string,
  input: {
    from: TeamsUser;
    conversationId: string;
    replyToId: string;
    verb: string;
    data?: Json;
    inputs?: Json;
    trigger?: "manual" | "automatic";
  },
): Json {
  const place = placeOf(input.conversationId, input.from);
  return {
    ...base(serviceUrl, input.from, place, "invoke"),
    conversation: { ...conversationOf(place), id: input.conversationId },
    name: "adaptiveCard/action",
    replyToId: input.replyToId,
    value: {
      action: {
        type: "Action.Execute",
        id: `action-${activityId()}`,
        verb: input.verb,
        data: { ...(input.data ?? {}), ...(input.inputs ?? {}) },
      },
      trigger: input.trigger ?? "manual",
    },
  };
}

/** Which kind of conversation an id belongs to, by Teams' id formats. */
export function placeOf(conversationId: string, user: TeamsUser): Place {
  if (conversationId.startsWith("a:")) return { kind: "personal", user };
  if (conversationId.includes("@thread.tacv2")) {
    const [channelId, thread] = conversationId.split(";messageid=");
    return { kind: "channel", channelId: channelId!, ...(thread ? { messageId: thread } : {}) };
  }
  return { kind: "groupChat", chatId: conversationId };
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
