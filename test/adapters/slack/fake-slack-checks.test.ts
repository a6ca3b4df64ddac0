// The fake Slack refuses what Slack refuses: the checks the other Slack tests rely on, each shown
// once with a plain HTTP call, so a fake that accepted anything would fail here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_BOT_TOKEN, FakeSlack, GENERAL_CHANNEL } from "../../support/fake-slack.ts";
import { manifestBotScopes } from "../../support/slack-scopes.ts";

describe("the fake Slack Web API", () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await FakeSlack.start();
  });
  afterAll(async () => {
    await fake?.close();
  });

  const call = async (method: string, body: Record<string, string>, token?: string) => {
    const response = await fetch(`${fake.apiUrl}${method}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: new URLSearchParams(body).toString(),
    });
    return (await response.json()) as Record<string, unknown>;
  };

  it("grants exactly the bot scopes manifests/slack/manifest.yaml requests", () => {
    expect([...fake.scopes].sort()).toEqual([...manifestBotScopes()].sort());
  });

  it("answers not_authed without a token and invalid_auth with another one", async () => {
    const post = { channel: "U04PD3X8L2C", text: "Test" };
    expect(await call("chat.postMessage", post)).toEqual({ ok: false, error: "not_authed" });
    expect(await call("chat.postMessage", post, "xoxb-1-2-other")).toEqual({
      ok: false,
      error: "invalid_auth",
    });
    expect(await call("chat.postMessage", post, FAKE_BOT_TOKEN)).toMatchObject({ ok: true });
  });

  it("refuses the bot token for apps.connections.open (it takes the app-level token)", async () => {
    expect(await call("apps.connections.open", {}, FAKE_BOT_TOKEN)).toEqual({
      ok: false,
      error: "not_allowed_token_type",
    });
  });

  it("answers missing_scope with the scope needed and those provided", async () => {
    fake.withoutScopes("groups:write");
    try {
      const answer = await call(
        "conversations.create",
        { name: "ramp-test", is_private: "true" },
        FAKE_BOT_TOKEN,
      );
      expect(answer).toEqual({
        ok: false,
        error: "missing_scope",
        needed: "groups:write",
        provided: [...fake.scopes].join(","),
      });
    } finally {
      fake.scopes.add("groups:write");
    }
  });

  it("lets the bot post in a public channel it is not in only with chat:write.public", async () => {
    const post = { channel: GENERAL_CHANNEL, text: "Test" };
    expect(await call("chat.postMessage", post, FAKE_BOT_TOKEN)).toMatchObject({ ok: true });
    expect(
      await call("chat.postEphemeral", { ...post, user: "U04PD3X8L2C" }, FAKE_BOT_TOKEN),
    ).toEqual({ ok: false, error: "not_in_channel" });
    fake.withoutScopes("chat:write.public");
    try {
      expect(await call("chat.postMessage", post, FAKE_BOT_TOKEN)).toEqual({
        ok: false,
        error: "not_in_channel",
      });
    } finally {
      fake.scopes.add("chat:write.public");
    }
  });

  it("hides a private channel the bot is not in, and knows no channel it was never told of", async () => {
    fake.addChannel({ id: "G0SECRET", name: "geheim", isPrivate: true, members: new Set() });
    for (const channel of ["G0SECRET", "C0NOWHERE"])
      expect(await call("chat.postMessage", { channel, text: "Test" }, FAKE_BOT_TOKEN)).toEqual({
        ok: false,
        error: "channel_not_found",
      });
  });

  it("invites user by user: the others are added with force, each refusal named", async () => {
    const created = await call(
      "conversations.create",
      { name: "ramp-invite-test", is_private: "true" },
      FAKE_BOT_TOKEN,
    );
    const channel = (created.channel as { id: string }).id;
    fake.refuseInvite("U0GUEST", "user_is_restricted");
    const answer = await call(
      "conversations.invite",
      { channel, users: "U0ONE,U0GUEST,U0TWO", force: "true" },
      FAKE_BOT_TOKEN,
    );
    expect(answer).toEqual({
      ok: false,
      error: "user_is_restricted",
      errors: [{ user: "U0GUEST", ok: false, error: "user_is_restricted" }],
    });
    expect([...fake.channelNamed("ramp-invite-test")!.members].sort()).toEqual([
      "U0ONE",
      "U0RAMPBOT",
      "U0TWO",
    ]);
  });
});
