// Ramp's own tokens for the Bot Connector (client credentials) against the fake identity
// service: asked once for a burst of calls, kept until shortly before they expire, a failure
// never kept, and a wrong secret or an unreachable endpoint named in the error.
import { afterEach, describe, expect, it } from "vitest";
import { ClientSecretCredentialsFactory } from "../../../src/adapters/teams/credentials.ts";
import { FakeIdentity } from "../../support/fake-identity.ts";

const APP_ID = "3f6c9a1e-2b4d-4e8f-9a0b-1c2d3e4f5a6b";
const SECRET = "client-secret-of-the-app-registration";

/** Signs a request as the connector client would, and returns its Authorization header. */
async function authorization(
  factory: ClientSecretCredentialsFactory,
  identity: FakeIdentity,
): Promise<string> {
  const credentials = await factory.createCredentials(
    APP_ID,
    identity.connectorAudience,
    identity.loginUrl("tenant-1"),
  );
  const headers = new Map<string, string>();
  const resource = { headers: { set: (name: string, value: string) => headers.set(name, value) } };
  await credentials.signRequest(resource as never);
  return headers.get("authorization") ?? "";
}

describe("Teams credentials (client credentials)", () => {
  let identity: FakeIdentity | undefined;
  afterEach(async () => {
    await identity?.close();
  });

  it("asks once for a burst of calls and signs each with a token the connector accepts", async () => {
    identity = await FakeIdentity.start({ appId: APP_ID, appSecret: SECRET });
    const factory = new ClientSecretCredentialsFactory(APP_ID, SECRET);
    const headers = await Promise.all(
      Array.from({ length: 5 }, () => authorization(factory, identity!)),
    );
    for (const header of headers) expect(identity.verifyAccessToken(header)).toBeNull();
    expect(identity.tokenRequests).toEqual([
      {
        kind: "client-credentials",
        tenant: "tenant-1",
        clientId: APP_ID,
        scope: `${identity.connectorAudience}/.default`,
        status: 200,
      },
    ]);
    await authorization(factory, identity);
    expect(identity.tokenRequests).toHaveLength(1);
  });

  it("renews a token before it expires", async () => {
    identity = await FakeIdentity.start({
      appId: APP_ID,
      appSecret: SECRET,
      accessTokenSeconds: 2,
    });
    const factory = new ClientSecretCredentialsFactory(APP_ID, SECRET);
    await authorization(factory, identity);
    await authorization(factory, identity);
    expect(identity.tokenRequests).toHaveLength(1);
    // Renewed at half its life when it lives less than the 5 minutes' margin.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(identity.verifyAccessToken(await authorization(factory, identity))).toBeNull();
    expect(identity.tokenRequests).toHaveLength(2);
  });

  it("does not keep a failure: the next call asks again", async () => {
    identity = await FakeIdentity.start({ appId: APP_ID, appSecret: SECRET });
    const factory = new ClientSecretCredentialsFactory(APP_ID, SECRET);
    identity.down = true;
    await expect(authorization(factory, identity)).rejects.toThrow(
      /^Teams: no token from http:\/\/127\.0\.0\.1:\d+\/tenant-1\/oauth2\/v2\.0\/token \(503\): temporarily_unavailable$/,
    );
    identity.down = false;
    expect(identity.verifyAccessToken(await authorization(factory, identity))).toBeNull();
    expect(identity.tokenRequests.map((r) => r.status)).toEqual([503, 200]);
  });

  it("names a refused secret and an unreachable endpoint", async () => {
    identity = await FakeIdentity.start({ appId: APP_ID, appSecret: SECRET });
    const wrong = new ClientSecretCredentialsFactory(APP_ID, "an-old-secret");
    await expect(authorization(wrong, identity)).rejects.toThrow(/\(401\): invalid_client$/);
    const url = identity.loginUrl("tenant-1");
    await identity.close();
    identity = undefined;
    const factory = new ClientSecretCredentialsFactory(APP_ID, SECRET);
    const credentials = await factory.createCredentials(APP_ID, "api://connector", url);
    const resource = { headers: { set: () => undefined } };
    await expect(credentials.signRequest(resource as never)).rejects.toThrow(
      /^Teams: no token from http:\/\/127\.0\.0\.1:\d+\/tenant-1\/oauth2\/v2\.0\/token: fetch failed$/,
    );
  });
});
