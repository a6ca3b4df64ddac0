// With MICROSOFT_APP_ID set, every request to /api/messages must carry a Bot Framework token:
// one without is refused (401) before Ramp looks at it. Refusing needs no network (the token
// is missing, so there is nothing to check against Microsoft's signing keys).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actionExecute,
  channelMention,
  installationUpdate,
  personalMessage,
} from "../../support/teams-activities.ts";
import { TeamsRamp } from "./harness.ts";

const APP_ID = "3f6c9a1e-2b4d-4e8f-9a0b-1c2d3e4f5a6b";
const TENANT_ID = "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b";

describe("Teams with an app id (authenticated)", () => {
  let t: TeamsRamp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ramp-teams-auth-"));
    t = await TeamsRamp.start(`file:${path.join(dir, "ramp.db")}`, {
      env: {
        RAMP_TEAMS: "",
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: "client-secret-of-the-app-registration",
        MICROSOFT_APP_TENANT_ID: TENANT_ID,
      },
    });
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
      const answer = await t.post(activity);
      expect(answer.status, String(activity.type)).toBe(401);
    }
    // A header that is not a bearer token is no better, nor a bearer that is not a JWT (the
    // Bot Framework's own check, which also needs no network for it).
    const basic = await t.post(activities[2]!, { authorization: "Basic cmFtcDpyYW1w" });
    expect(basic.status).toBe(401);
    const garbage = await t.post(activities[2]!, { authorization: "Bearer not-a-token" });
    expect(garbage.status).toBe(401);

    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(0);
    expect(await t.count(`SELECT count(*) FROM "ConversationRef"`)).toBe(0);
    expect(await t.count(`SELECT count(*) FROM "OutboxMessage"`)).toBe(0);
    expect(t.fake.calls).toEqual([]);
  });
});
