// The Slack app manifests must match the code: the /ramp command, interactivity, and a bot scope
// for every Web API method src/adapters/slack calls (and none for events it does not handle).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SCOPE_BY_METHOD } from "../../support/slack-scopes.ts";

const ADAPTER = path.resolve("src/adapters/slack");
const PUBLIC_URL = "https://ramp.example.be/slack/events";

/** Bot scopes each Web API method needs (Slack's method reference); [] when none. */
const SCOPES_BY_METHOD: Record<string, string[]> = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.update": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "conversations.open": ["im:write"],
  // Public and private incident channels (chat.slack.private).
  "conversations.create": ["channels:manage", "groups:write"],
  "conversations.invite": ["channels:manage", "groups:write"],
  // Reconciling an attempt whose outcome is unknown (src/adapters/slack/reconcile.ts).
  "conversations.history": ["im:history", "groups:history", "channels:history"],
  "conversations.list": ["groups:read", "channels:read"],
  "views.open": [],
  // files.getUploadURLExternal and files.completeUploadExternal, made by the client.
  filesUploadV2: ["files:write"],
};

interface Manifest {
  features: {
    slash_commands: Array<{ command: string; url?: string; should_escape?: boolean }>;
    bot_user: { display_name: string };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url?: string };
    event_subscriptions?: unknown;
    socket_mode_enabled: boolean;
  };
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

const code = sources(ADAPTER).map((file) => readFileSync(file, "utf8"));

/** Every `client.<family>.<method>(` the adapter calls, and the client's own `client.<helper>(`. */
const calledMethods = new Set(
  code.flatMap((source) =>
    [...source.matchAll(/\bclient\.(\w+(?:\.\w+)?)\s*\(/g)].map((m) => m[1]!),
  ),
);

const load = (file: string) =>
  parse(readFileSync(path.resolve("manifests/slack", file), "utf8")) as Manifest;

describe("the Slack adapter's Web API calls", () => {
  it("are all known here, with their scopes (a new call must be added, and its scope requested)", () => {
    expect([...calledMethods].sort()).toEqual(Object.keys(SCOPES_BY_METHOD).sort());
  });

  it("are all known to the fake Slack, which grants them only with the manifest's scopes", () => {
    // The client's helper makes two Web API calls (the POST of the bytes needs no scope).
    const apiCalls: Record<string, string[]> = {
      filesUploadV2: ["files.getUploadURLExternal", "files.completeUploadExternal"],
    };
    const unknown = [...calledMethods]
      .flatMap((m) => apiCalls[m] ?? [m])
      .filter((m) => !Object.hasOwn(SCOPE_BY_METHOD, m));
    expect(unknown).toEqual([]);
  });

  it("handle no Events API events, so the manifests subscribe to none", () => {
    const listensToEvents = code.some((source) => /\bapp\.(event|message)\s*\(/.test(source));
    expect(listensToEvents).toBe(false);
  });
});

describe.each([
  ["manifest.yaml", "HTTP"],
  ["manifest.socket-mode.yaml", "Socket Mode"],
])("manifests/slack/%s (%s)", (file, mode) => {
  const manifest = load(file);
  const socket = mode === "Socket Mode";

  it("declares the /ramp command, unescaped, with the request URL only in HTTP mode", () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c) => c.command)).toEqual(["/ramp"]);
    expect(commands[0]!.should_escape).toBe(false);
    expect(commands[0]!.url).toBe(socket ? undefined : PUBLIC_URL);
  });

  it("turns interactivity on (buttons and forms), at /slack/events in HTTP mode", () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toBe(socket ? undefined : PUBLIC_URL);
    expect(manifest.settings.socket_mode_enabled).toBe(socket);
  });

  it("requests every scope the adapter's Web API calls need, and the command's", () => {
    const requested = new Set(manifest.oauth_config.scopes.bot);
    const needed = new Set([
      "commands",
      ...[...calledMethods].flatMap((m) => SCOPES_BY_METHOD[m] ?? []),
    ]);
    for (const scope of needed) expect(requested, `missing ${scope}`).toContain(scope);
    // chat:write.public: posting in a plan's fixed channel the bot was never invited to.
    expect([...requested].sort()).toEqual([...needed, "chat:write.public"].sort());
  });

  it("subscribes to no events (Ramp handles none)", () => {
    expect(manifest.settings.event_subscriptions).toBeUndefined();
  });
});

describe("the two manifests", () => {
  it("differ only in how Slack reaches Ramp", () => {
    const http = load("manifest.yaml");
    const socket = load("manifest.socket-mode.yaml");
    const strip = (m: Manifest) =>
      JSON.parse(
        JSON.stringify(m, (key, value) =>
          key === "url" || key === "request_url" || key === "socket_mode_enabled"
            ? undefined
            : value,
        ),
      );
    expect(strip(socket)).toEqual(strip(http));
  });
});
