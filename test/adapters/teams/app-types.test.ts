// Each MICROSOFT_APP_TYPE with the fake identity service, and what an outage of the token
// endpoint does: SingleTenant and MultiTenant get Ramp's tokens by client credentials (from the
// bot's tenant, from the Bot Framework's), UserAssignedMSI from the machine's IMDS endpoint.
// Every call to the fake connector needs a valid token. SQLite.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { messageText } from "../../support/fake-connector.ts";
import { TENANT_ID } from "../../support/teams-activities.ts";
import { APP_ID, type AppType, PERSON, TeamsRamp } from "./harness.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function sqliteUrl(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-teams-app-types-"));
  dirs.push(dir);
  return `file:${path.join(dir, "ramp.db")}`;
}

const INCIDENT_TITLE = "Incident 2026-001 — Brand in het administratief centrum";

describe("Teams with each app type", () => {
  let t: TeamsRamp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const cases: Array<[AppType, { kind: string; tenant: string | null; scope: string }]> = [
    ["SingleTenant", { kind: "client-credentials", tenant: TENANT_ID, scope: "/.default" }],
    ["MultiTenant", { kind: "client-credentials", tenant: "botframework.com", scope: "/.default" }],
    // IMDS asks for a resource, not a scope.
    ["UserAssignedMSI", { kind: "managed-identity", tenant: null, scope: "" }],
  ];

  it.each(cases)(
    "%s: starts, accepts signed activities and calls the connector with its tokens",
    async (appType, expected) => {
      t = await TeamsRamp.start(sqliteUrl(), { authenticated: { appType } });
      const identity = t.identity!;
      await t.installPersonal("pieter");
      const sent = await t.mention("pieter", "help");
      expect(sent.status).toBe(200);
      expect(messageText(await t.replyTo(sent))).toContain("@Ramp");

      expect(identity.tokenRequests.filter((r) => r.status === 200)).toContainEqual({
        kind: expected.kind,
        tenant: expected.tenant,
        clientId: APP_ID,
        scope: `${identity.connectorAudience}${expected.scope}`,
        status: 200,
      });
      expect(t.fake.calls.length).toBeGreaterThanOrEqual(2); // the roster look-up and the reply
      for (const call of t.fake.calls) {
        expect(identity.verifyAccessToken(call.auth), `${call.method} ${call.path}`).toBeNull();
        expect(call.status).toBeLessThan(300);
      }
      // Still refused without a signature.
      const unsigned = identity.channelToken({ serviceUrl: t.fake.serviceUrl, key: "none" });
      const refused = await t.post(
        { type: "message", text: "help", serviceUrl: t.fake.serviceUrl },
        {
          authorization: `Bearer ${unsigned}`,
        },
      );
      expect(refused.status).toBe(401);
    },
    // Starting Ramp and the fakes (two RSA keys) is part of each case.
    60_000,
  );
});

describe("Teams while the token endpoint is down", () => {
  let t: TeamsRamp;
  beforeAll(async () => {
    // Tokens renewed after a second (half their life), so the outage is felt at once.
    t = await TeamsRamp.start(sqliteUrl(), { authenticated: { accessTokenSeconds: 2 } });
    await t.installInTeam("pieter");
    for (const who of ["pieter", "sofie", "marleen"] as const) await t.installPersonal(who);
  });
  afterAll(async () => {
    await t?.close();
  });

  const teamsOutbox = () =>
    t.query(
      `SELECT "targetKind", "targetId", status, attempts, "lastError" FROM "OutboxMessage" WHERE platform = 'teams'`,
    );

  it("keeps the deliveries in the outbox and sends them once it is back", async () => {
    const identity = t.identity!;
    const callsBefore = t.fake.calls.length;

    identity.down = true;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await t.mention("pieter", "start groot Brand in het administratief centrum");
    // The incident is declared and stored; what Ramp has to say waits in the outbox.
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(1);
    await t.settled();
    const waiting = await teamsOutbox();
    expect(waiting.length).toBeGreaterThanOrEqual(3); // the channel's cards, Sofie's and Marleen's pages
    for (const row of waiting) {
      expect(row.status).toBe("pending");
      expect(Number(row.attempts)).toBeGreaterThanOrEqual(1);
    }
    const tokenErrors = waiting.filter((row) =>
      /no token from http:\/\/127\.0\.0\.1/.test(String(row.lastError)),
    );
    expect(tokenErrors.length).toBeGreaterThanOrEqual(3);
    expect(identity.tokenRequests.some((r) => r.status === 503)).toBe(true);
    // Nothing went to the connector without a token.
    expect(t.fake.calls.slice(callsBefore).filter((c) => c.status === 401)).toEqual([]);

    // Still down at the next try: still kept.
    t.clock.advanceMinutes(2);
    await t.tick();
    await t.settled();
    expect(
      (await teamsOutbox()).filter(
        (row) => row.status !== "pending" && row.targetKind === "person",
      ),
    ).toEqual([]);

    identity.down = false;
    t.clock.advanceMinutes(15);
    await t.tick();
    await t.settled();
    for (const who of ["sofie", "marleen"] as const) await t.waitForDm(who, INCIDENT_TITLE);
    await t.waitForChannelMessage(INCIDENT_TITLE);
    const after = await teamsOutbox();
    expect(after.filter((row) => row.status === "dead")).toEqual([]);
    for (const who of ["sofie", "marleen"] as const) {
      expect(
        after.find((row) => row.targetKind === "person" && row.targetId === PERSON[who])?.status,
      ).toBe("sent");
    }
    for (const call of t.fake.calls)
      expect(call.status, `${call.method} ${call.path}`).toBeLessThan(300);
  });
});
