// What a Slack installation of Ramp may do: the bot scopes its manifest grants, and the scope
// each Web API method needs (Slack's method reference, docs.slack.dev/reference/methods). The
// fake Slack reads the scopes from manifests/slack/manifest.yaml, so the tests grant exactly
// what an installation from that manifest gets, and a call the manifest does not allow fails
// with missing_scope as it would in a workspace.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

export const MANIFEST = path.resolve("manifests/slack/manifest.yaml");

/** The bot scopes a manifest requests (oauth_config.scopes.bot). */
export function manifestBotScopes(file = MANIFEST): string[] {
  const manifest = parse(readFileSync(file, "utf8")) as {
    oauth_config?: { scopes?: { bot?: unknown } };
  };
  const scopes = manifest.oauth_config?.scopes?.bot;
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === "string"))
    throw new Error(`${file}: oauth_config.scopes.bot is not a list of scopes`);
  return scopes;
}

/** Where a call acts: a public or private channel, a DM, or nowhere in particular. */
export type Place = "public" | "private" | "im" | "none";

/**
 * The bot scope a method needs, by where it acts; null when it needs none. A method not listed
 * here is one the fake does not know (it answers unknown_method).
 */
export const SCOPE_BY_METHOD: Record<string, (place: Place) => string | null> = {
  "auth.test": () => null,
  "chat.postMessage": () => "chat:write",
  "chat.update": () => "chat:write",
  "chat.postEphemeral": () => "chat:write",
  // One user: a DM (im:write); several: a group DM (mpim:write).
  "conversations.open": (place) => (place === "private" ? "mpim:write" : "im:write"),
  // channels:manage for a public channel, groups:write for a private one.
  "conversations.create": (place) => (place === "private" ? "groups:write" : "channels:manage"),
  "conversations.invite": (place) => (place === "private" ? "groups:write" : "channels:manage"),
  "conversations.join": () => "channels:join",
  "conversations.history": (place) =>
    place === "private" ? "groups:history" : place === "im" ? "im:history" : "channels:history",
  "views.open": () => null,
  // filesUploadV2's two Web API calls (the POST of the bytes to the upload URL needs none).
  "files.getUploadURLExternal": () => "files:write",
  "files.completeUploadExternal": () => "files:write",
  "users.info": () => "users:read",
  "users.lookupByEmail": () => "users:read.email",
};

/** Posting in a public channel the bot is not a member of (chat.postMessage only). */
export const POST_WITHOUT_JOINING = "chat:write.public";

/** Socket Mode: apps.connections.open takes the app-level token with this scope. */
export const SOCKET_MODE_SCOPE = "connections:write";
