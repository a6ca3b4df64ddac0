// Teams with an app id (SingleTenant), offline: the fake identity service signs what the Teams
// channel sends, Ramp checks it with botbuilder against the fake's OpenID metadata, and gets its
// own tokens for the connector from the fake's token endpoint (client credentials). The fake
// connector refuses every call without a valid token, so a call Ramp made without one fails.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, messageText } from "../../support/fake-connector.ts";
import {
  actionExecute,
  channelMention,
  installationUpdate,
  personalMessage,
  TENANT_ID,
} from "../../support/teams-activities.ts";
import { APP_ID, TeamsRamp } from "./harness.ts";

/** Everything an unauthenticated request could have changed. */
async function stateOf(t: TeamsRamp): Promise<Record<string, number>> {
  const tables = ["Incident", "ConversationRef", "OutboxMessage", "TimelineEntry", "Page"];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await t.count(`SELECT count(*) FROM "${table}"`);
  return counts;
}

describe("Teams with an app id (SingleTenant) and the fake identity service", () => {
  let t: TeamsRamp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ramp-teams-auth-"));
    t = await TeamsRamp.start(`file:${path.join(dir, "ramp.db")}`, { authenticated: {} });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses every kind of activity without an Authorization header, and changes nothing", async () => {
    const pieter = t.user("pieter");
    const activities = [
      installationUpdate(t.fake.serviceUrl, { from: pieter, scope: "personal" }),
      installationUpdate(t.fake.serviceUrl, { from: pieter, scope: "team" }),
      channelMention(t.fake.serviceUrl, { from: pieter, text: "start groot Brand" }),
      personalMessage(t.fake.serviceUrl, { from: pieter, text: "start crisis Brand" }),
      actionExecute(t.fake.serviceUrl, {
        from: pieter,
        conversationId: t.dm("pieter"),
        replyToId: "1790000000001",
        verb: "ramp.start",
        inputs: { classification: "crisis", description: "Brand" },
      }),
    ];
    for (const activity of activities) {
      const answer = await t.post(activity, { authorization: "" });
      expect(answer.status, String(activity.type)).toBe(401);
    }
    // A header that is not a bearer token is no better, nor a bearer that is not a JWT.
    const basic = await t.post(activities[2]!, { authorization: "Basic cmFtcDpyYW1w" });
    expect(basic.status).toBe(401);
    const garbage = await t.post(activities[2]!, { authorization: "Bearer not-a-token" });
    expect(garbage.status).toBe(401);

    expect(await stateOf(t)).toEqual({
      Incident: 0,
      ConversationRef: 0,
      OutboxMessage: 0,
      TimelineEntry: 0,
      Page: 0,
    });
    expect(t.fake.calls).toEqual([]);
  });

  it("refuses a token with the wrong audience, issuer, expiry, signature or service URL, and changes nothing", async () => {
    const identity = t.identity!;
    const serviceUrl = t.fake.serviceUrl;
    const declare = personalMessage(serviceUrl, {
      from: t.user("pieter"),
      text: "start crisis Brand in het administratief centrum",
    });
    const cases: Array<[string, string, Json]> = [
      [
        "another bot's app id as audience",
        identity.channelToken({ serviceUrl, audience: "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e" }),
        declare,
      ],
      [
        "another issuer (the public cloud's)",
        identity.channelToken({ serviceUrl, issuer: "https://api.botframework.com" }),
        declare,
      ],
      ["expired ten minutes ago", identity.channelToken({ serviceUrl, expiresIn: -600 }), declare],
      ["unsigned (alg none)", identity.channelToken({ serviceUrl, key: "none" }), declare],
      [
        "signed with a key the metadata does not publish",
        identity.channelToken({ serviceUrl, key: "other" }),
        declare,
      ],
      [
        "a service URL other than the token's claim",
        identity.channelToken({ serviceUrl }),
        { ...declare, serviceUrl: "http://127.0.0.1:9/attacker/" },
      ],
    ];
    const before = await stateOf(t);
    for (const [what, token, activity] of cases) {
      const answer = await t.post(activity, { authorization: `Bearer ${token}` });
      expect(answer.status, what).toBe(401);
    }
    expect(await stateOf(t)).toEqual(before);
    expect(t.fake.calls).toEqual([]);
  });

  it("processes a correctly signed activity and answers with a token from the token endpoint", async () => {
    await t.installPersonal("pieter");
    const sent = await t.mention("pieter", "help");
    expect(sent.status).toBe(200);
    const reply = await t.replyTo(sent);
    expect(messageText(reply)).toContain("@Ramp");
    expect(await t.count(`SELECT count(*) FROM "ConversationRef"`)).toBeGreaterThanOrEqual(1);

    const identity = t.identity!;
    // Ramp asked for its token by client credentials, in its own tenant, for the connector.
    expect(identity.tokenRequests).toContainEqual({
      kind: "client-credentials",
      tenant: TENANT_ID,
      clientId: APP_ID,
      scope: `${identity.connectorAudience}/.default`,
      status: 200,
    });
    // Every call to the connector carried it (the fake refuses one without: 401).
    expect(t.fake.calls.length).toBeGreaterThan(0);
    for (const call of t.fake.calls) {
      expect(identity.verifyAccessToken(call.auth), `${call.method} ${call.path}`).toBeNull();
      expect(call.status).toBeLessThan(300);
    }
  });

  it("has a connector that does refuse a call without a valid token", async () => {
    const url = `${t.fake.serviceUrl}v3/conversations/${encodeURIComponent(t.dm("pieter"))}/activities`;
    const body = JSON.stringify({ type: "message", text: "hallo" });
    const headers = { "content-type": "application/json" };
    const none = await fetch(url, { method: "POST", headers, body });
    expect(none.status).toBe(401);
    const forged = t.identity!.channelToken({ serviceUrl: t.fake.serviceUrl });
    const wrong = await fetch(url, {
      method: "POST",
      headers: { ...headers, authorization: `Bearer ${forged}` },
      body,
    });
    expect(wrong.status).toBe(401);
  });
});
