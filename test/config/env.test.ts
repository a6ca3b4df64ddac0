import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../src/config/env.ts";
import { SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";

const RAMP_SECRET = "0123456789abcdef0123456789abcdef";

describe("readConfig", () => {
  it("runs on the embedded defaults with an empty environment", () => {
    expect(readConfig({})).toEqual({
      port: 3978,
      host: "127.0.0.1",
      databaseUrl: "file:./data/ramp.db",
      planFile: SAMPLE_PLAN_PATH,
      logLevel: "info",
      tickSeconds: 15,
      slack: null,
      teams: null,
      sms: null,
      web: { local: true, secret: null, publicUrl: null },
    });
  });

  it("turns Slack on with a bot token and a signing secret, Socket Mode with an app token", () => {
    const slack = readConfig({
      SLACK_BOT_TOKEN: "xoxb-1-2-abc",
      SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
      SLACK_APP_TOKEN: "xapp-1-A1-2-abc",
      SLACK_API_URL: "http://127.0.0.1:9999/api/",
      RAMP_SECRET,
    }).slack;
    expect(slack).toEqual({
      botToken: "xoxb-1-2-abc",
      signingSecret: "8f742231b10e8888abcd99yyyzzz85a5",
      appToken: "xapp-1-A1-2-abc",
      apiUrl: "http://127.0.0.1:9999/api/",
    });
  });

  it("turns Teams on with an app id, authenticated, and listens beyond loopback", () => {
    const config = readConfig({
      MICROSOFT_APP_ID: "00000000-0000-4000-8000-000000000001",
      MICROSOFT_APP_PASSWORD: "secret",
      MICROSOFT_APP_TENANT_ID: "00000000-0000-4000-8000-000000000002",
      RAMP_SECRET,
    });
    expect(config.teams).toEqual({
      appId: "00000000-0000-4000-8000-000000000001",
      appPassword: "secret",
      tenantId: "00000000-0000-4000-8000-000000000002",
      appType: "SingleTenant",
      // The public cloud; a single-tenant bot's tokens come from its own tenant.
      endpoints: {
        loginUrl: "https://login.microsoftonline.com/00000000-0000-4000-8000-000000000002",
        scope: "https://api.botframework.com",
        openIdMetadataUrl: "https://login.botframework.com/v1/.well-known/openidconfiguration",
        tokenIssuer: "https://api.botframework.com",
      },
    });
    expect(config.host).toBe("0.0.0.0");
  });

  it("takes Microsoft's endpoints for another cloud, https only beyond this machine", () => {
    const app = {
      MICROSOFT_APP_ID: "00000000-0000-4000-8000-000000000001",
      MICROSOFT_APP_PASSWORD: "secret",
      MICROSOFT_APP_TYPE: "MultiTenant",
      RAMP_SECRET,
    };
    expect(readConfig(app).teams?.endpoints.loginUrl).toBe(
      "https://login.microsoftonline.com/botframework.com",
    );
    const sovereign = readConfig({
      ...app,
      MICROSOFT_LOGIN_URL: "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us",
      MICROSOFT_BOT_SCOPE: "https://api.botframework.us",
      MICROSOFT_BOT_OPENID_METADATA_URL:
        "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
      MICROSOFT_BOT_TOKEN_ISSUER: "https://api.botframework.us",
    });
    expect(sovereign.teams?.endpoints).toEqual({
      loginUrl: "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us",
      scope: "https://api.botframework.us",
      openIdMetadataUrl: "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
      tokenIssuer: "https://api.botframework.us",
    });
    expect(
      readConfig({ ...app, MICROSOFT_LOGIN_URL: "http://127.0.0.1:8080/tenant" }).teams?.endpoints
        .loginUrl,
    ).toBe("http://127.0.0.1:8080/tenant");
    expect(() =>
      readConfig({ ...app, MICROSOFT_LOGIN_URL: "http://login.example.be/tenant" }),
    ).toThrow(/MICROSOFT_LOGIN_URL: must be the authority Ramp gets its tokens from over https/);
  });

  it("runs Teams unauthenticated for local testing only on loopback", () => {
    expect(readConfig({ RAMP_TEAMS: "on", RAMP_SECRET }).teams).toMatchObject({ appId: null });
    expect(() => readConfig({ RAMP_TEAMS: "on", HOST: "0.0.0.0" })).toThrow(
      /MICROSOFT_APP_ID: is needed when Teams listens beyond loopback/,
    );
    expect(
      readConfig({ RAMP_TEAMS: "off", MICROSOFT_APP_ID: "00000000-0000-4000-8000-000000000001" })
        .teams,
    ).toBeNull();
  });

  it("names what a Teams app registration still needs", () => {
    expect(() => readConfig({ MICROSOFT_APP_ID: "00000000-0000-4000-8000-000000000001" })).toThrow(
      /MICROSOFT_APP_PASSWORD: is needed with MICROSOFT_APP_ID[\s\S]*MICROSOFT_APP_TENANT_ID: is needed for MICROSOFT_APP_TYPE=SingleTenant/,
    );
    expect(() => readConfig({ MICROSOFT_APP_ID: "not-a-guid" })).toThrow(
      /MICROSOFT_APP_ID: must be the bot's Microsoft App ID/,
    );
  });

  it("names the missing half of the Slack credentials", () => {
    expect(() => readConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(
      /SLACK_SIGNING_SECRET: is needed too/,
    );
    expect(() => readConfig({ SLACK_SIGNING_SECRET: "12345678" })).toThrow(
      /SLACK_BOT_TOKEN: is needed too/,
    );
    expect(() =>
      readConfig({ SLACK_BOT_TOKEN: "xoxp-1", SLACK_SIGNING_SECRET: "12345678" }),
    ).toThrow(/SLACK_BOT_TOKEN: must be a bot token starting with xoxb-/);
  });

  it("reads every variable", () => {
    const config = readConfig({
      PORT: "8080",
      HOST: "0.0.0.0",
      DATABASE_URL: "postgresql://ramp:secret@db:5432/ramp",
      RAMP_PLAN: "/etc/ramp/plan.yaml",
      LOG_LEVEL: "debug",
      RAMP_TICK_SECONDS: "5",
      SLACK_BOT_TOKEN: "xoxb-1-2-abc",
      SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
      RAMP_SECRET,
      RAMP_PUBLIC_URL: "https://ramp.zonnebeke-heide.be/",
    });
    expect(config).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      databaseUrl: "postgresql://ramp:secret@db:5432/ramp",
      planFile: "/etc/ramp/plan.yaml",
      logLevel: "debug",
      tickSeconds: 5,
      web: { local: false, secret: RAMP_SECRET, publicUrl: "https://ramp.zonnebeke-heide.be" },
    });
  });

  it("needs RAMP_SECRET with Slack or Teams, for the sign-in links to the board", () => {
    const slack = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "12345678" };
    expect(() => readConfig(slack)).toThrow(ConfigError);
    expect(() => readConfig(slack)).toThrow(
      /RAMP_SECRET: is needed with Slack or Teams: it signs the personal sign-in links/,
    );
    expect(() => readConfig({ RAMP_TEAMS: "on" })).toThrow(/RAMP_SECRET: is needed/);
    expect(() => readConfig({ ...slack, RAMP_SECRET: "too-short" })).toThrow(
      /RAMP_SECRET: must be at least 32 characters/,
    );
    // A secret is never echoed.
    expect(() => readConfig({ ...slack, RAMP_SECRET: "too-short" })).not.toThrow(/too-short/);
    expect(readConfig({ ...slack, RAMP_SECRET }).web).toEqual({
      local: false,
      secret: RAMP_SECRET,
      publicUrl: null,
    });
  });

  it("runs local mode (no Slack, no Teams) on loopback only, where it needs no secret", () => {
    expect(readConfig({ HOST: "::1" }).web.local).toBe(true);
    expect(() => readConfig({ HOST: "0.0.0.0" })).toThrow(
      /HOST: local mode \(neither Slack nor Teams configured\) has no sign-in and listens on loopback only \(got "0.0.0.0"\)/,
    );
    expect(readConfig({ RAMP_SECRET }).web).toEqual({
      local: true,
      secret: RAMP_SECRET,
      publicUrl: null,
    });
  });

  it("pages by SMS too with a gateway, next to Slack or Teams and with a public address", () => {
    const slack = {
      SLACK_BOT_TOKEN: "xoxb-1-2-abc",
      SLACK_SIGNING_SECRET: "12345678",
      RAMP_SECRET,
      RAMP_PUBLIC_URL: "https://ramp.zonnebeke-heide.be",
    };
    const sms = { RAMP_SMS_URL: "https://sms.example.be/v1/send" };
    expect(
      readConfig({ ...slack, ...sms, RAMP_SMS_TOKEN: "t0k3n", RAMP_SMS_SENDER: "OCMW" }).sms,
    ).toEqual({
      provider: "gateway",
      url: "https://sms.example.be/v1/send",
      token: "t0k3n",
      sender: "OCMW",
      inboundToken: null,
    });
    expect(readConfig({ ...slack, ...sms }).sms).toEqual({
      provider: "gateway",
      url: sms.RAMP_SMS_URL,
      token: null,
      sender: null,
      inboundToken: null,
    });
    expect(() => readConfig(sms)).toThrow(
      /RAMP_SMS_URL: SMS pages link to the crisis board, which local mode keeps on this computer/,
    );
    const { RAMP_PUBLIC_URL: _, ...noAddress } = slack;
    expect(() => readConfig({ ...noAddress, ...sms })).toThrow(
      /RAMP_PUBLIC_URL: is needed with RAMP_SMS_URL: the link in an SMS page must open on a phone/,
    );
    const inbound = "0123456789abcdef0123456789abcdef";
    expect(readConfig({ ...slack, ...sms, RAMP_SMS_INBOUND_TOKEN: inbound }).sms).toMatchObject({
      provider: "gateway",
      inboundToken: inbound,
    });
    expect(() => readConfig({ ...slack, RAMP_SMS_INBOUND_TOKEN: inbound })).toThrow(
      /RAMP_SMS_URL: is needed for RAMP_SMS_INBOUND_TOKEN: Ramp answers every text by SMS/,
    );
    expect(() => readConfig({ ...slack, ...sms, RAMP_SMS_INBOUND_TOKEN: "short" })).toThrow(
      /RAMP_SMS_INBOUND_TOKEN: must be at least 32 characters/,
    );
    expect(() => readConfig({ ...slack, RAMP_SMS_TOKEN: "t0k3n" })).toThrow(
      /RAMP_SMS_URL: is needed for RAMP_SMS_TOKEN and RAMP_SMS_SENDER/,
    );
    expect(() => readConfig({ ...slack, ...sms, RAMP_SMS_SENDER: "OCMW Zonnebeke-Heide" })).toThrow(
      /RAMP_SMS_SENDER: must be up to 11 letters and digits/,
    );
  });

  it("pages by SMS through Twilio with its account, a sender and a public address", () => {
    const slack = {
      SLACK_BOT_TOKEN: "xoxb-1-2-abc",
      SLACK_SIGNING_SECRET: "12345678",
      RAMP_SECRET,
      RAMP_PUBLIC_URL: "https://ramp.zonnebeke-heide.be/",
    };
    const twilio = {
      TWILIO_ACCOUNT_SID: `AC${"a1".repeat(16)}`,
      TWILIO_AUTH_TOKEN: "f0".repeat(16),
    };
    expect(readConfig({ ...slack, ...twilio, TWILIO_FROM: "+32460201234" }).sms).toEqual({
      provider: "twilio",
      accountSid: twilio.TWILIO_ACCOUNT_SID,
      authToken: twilio.TWILIO_AUTH_TOKEN,
      apiKey: null,
      from: "+32460201234",
      messagingServiceSid: null,
      apiUrl: "https://api.twilio.com",
      publicUrl: "https://ramp.zonnebeke-heide.be",
    });
    const withKey = readConfig({
      ...slack,
      ...twilio,
      TWILIO_API_KEY_SID: `SK${"b2".repeat(16)}`,
      TWILIO_API_KEY_SECRET: "key-secret",
      TWILIO_MESSAGING_SERVICE_SID: `MG${"c3".repeat(16)}`,
    }).sms;
    expect(withKey).toMatchObject({
      apiKey: { sid: `SK${"b2".repeat(16)}`, secret: "key-secret" },
      from: null,
      messagingServiceSid: `MG${"c3".repeat(16)}`,
    });
    expect(readConfig({ ...slack, ...twilio, TWILIO_FROM: "OCMW ZH" }).sms).toMatchObject({
      from: "OCMW ZH",
    });

    expect(() => readConfig({ ...slack, ...twilio })).toThrow(
      /TWILIO_FROM: or TWILIO_MESSAGING_SERVICE_SID is needed/,
    );
    expect(() =>
      readConfig({
        ...slack,
        ...twilio,
        TWILIO_FROM: "+32460201234",
        TWILIO_MESSAGING_SERVICE_SID: `MG${"c3".repeat(16)}`,
      }),
    ).toThrow(/TWILIO_FROM: cannot be combined with TWILIO_MESSAGING_SERVICE_SID/);
    expect(() => readConfig({ ...slack, TWILIO_FROM: "+32460201234" })).toThrow(
      /TWILIO_ACCOUNT_SID: is needed for Twilio[\s\S]*TWILIO_AUTH_TOKEN: is needed for Twilio: it checks the X-Twilio-Signature/,
    );
    expect(() =>
      readConfig({
        ...slack,
        ...twilio,
        TWILIO_FROM: "+32460201234",
        TWILIO_API_KEY_SID: `SK${"b2".repeat(16)}`,
      }),
    ).toThrow(/TWILIO_API_KEY_SECRET: is needed too/);
    expect(() =>
      readConfig({
        ...slack,
        ...twilio,
        TWILIO_FROM: "+32460201234",
        RAMP_SMS_URL: "https://sms.example.be",
      }),
    ).toThrow(
      /RAMP_SMS_URL: cannot be combined with TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM/,
    );
    const { RAMP_PUBLIC_URL: _, ...noAddress } = slack;
    expect(() => readConfig({ ...noAddress, ...twilio, TWILIO_FROM: "+32460201234" })).toThrow(
      /RAMP_PUBLIC_URL: is needed with Twilio/,
    );
    expect(() => readConfig({ ...twilio, TWILIO_FROM: "+32460201234" })).toThrow(
      /TWILIO_ACCOUNT_SID: SMS pages link to the crisis board, which local mode keeps/,
    );
    // Malformed values are named, secrets never echoed.
    const bad = () =>
      readConfig({
        ...slack,
        TWILIO_ACCOUNT_SID: "SK123",
        TWILIO_AUTH_TOKEN: "not-the-token",
        TWILIO_FROM: "Ramp Zonnebeke",
        TWILIO_API_URL: "http://api.twilio.example",
      });
    expect(bad).toThrow(
      /TWILIO_ACCOUNT_SID: must be the Account SID from the Twilio Console: AC followed by 32 hex digits \(got "SK123"\)/,
    );
    expect(bad).toThrow(
      /TWILIO_AUTH_TOKEN: must be the account's Auth Token from the Twilio Console \(32 hex digits\)\n/,
    );
    expect(bad).toThrow(/TWILIO_FROM: an alphanumeric sender ID has at most 11 characters/);
    expect(bad).toThrow(/TWILIO_API_URL: must use https \(http only on 127.0.0.1\)/);
    expect(bad).not.toThrow(/not-the-token/);
  });

  it("names a malformed RAMP_PUBLIC_URL", () => {
    expect(() => readConfig({ RAMP_PUBLIC_URL: "ramp.example.be" })).toThrow(
      /RAMP_PUBLIC_URL: must be the address people open Ramp at/,
    );
    expect(() => readConfig({ RAMP_PUBLIC_URL: "ftp://ramp.example.be" })).toThrow(
      /RAMP_PUBLIC_URL: must start with http:\/\/ or https:\/\//,
    );
  });

  it("treats an empty variable as unset", () => {
    expect(readConfig({ PORT: "", DATABASE_URL: "" })).toMatchObject({
      port: 3978,
      databaseUrl: "file:./data/ramp.db",
    });
  });

  it.each([
    ["PORT", "abc", /PORT: must be a whole number between 1 and 65535 \(got "abc"\)/],
    ["PORT", "70000", /PORT: must be a whole number between 1 and 65535 \(got "70000"\)/],
    [
      "DATABASE_URL",
      "mysql://x",
      /DATABASE_URL: use file:.* or postgresql:\/\/.* \(got "mysql:\/\/x"\)/,
    ],
    [
      "RAMP_TICK_SECONDS",
      "7",
      /RAMP_TICK_SECONDS: must be one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60 seconds \(got "7"\)/,
    ],
    ["RAMP_TICK_SECONDS", "soon", /RAMP_TICK_SECONDS: must be one of .* seconds \(got "soon"\)/],
    [
      "LOG_LEVEL",
      "loud",
      /LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)/,
    ],
  ])("names %s when it is malformed", (variable, value, expected) => {
    expect(() => readConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => readConfig({ [variable]: value })).toThrow(expected);
  });

  it("reports every malformed variable at once", () => {
    try {
      readConfig({ PORT: "x", LOG_LEVEL: "y" });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(["PORT", "LOG_LEVEL"]);
    }
  });
});
