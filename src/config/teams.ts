// Teams' part of the configuration: the bot's app registration and Microsoft's endpoints
// (the public cloud's unless set), or unauthenticated on loopback for local testing.
import { ConfigError } from "./config-error.ts";
import { type Env, LOOPBACK } from "./env-schema.ts";

export interface TeamsConfig {
  /** Without an app id the bot runs unauthenticated, for local testing (Bot Framework convention). */
  appId: string | null;
  appPassword: string | null;
  tenantId: string | null;
  appType: "SingleTenant" | "MultiTenant" | "UserAssignedMSI";
  /** Where tokens come from and how incoming ones are checked (public cloud unless set). */
  endpoints: TeamsEndpoints;
}

/** botbuilder's authentication settings, named as in its ConfigurationBotFrameworkAuthentication. */
export interface TeamsEndpoints {
  /** ToChannelFromBotLoginUrl: the authority (with the tenant) Ramp's own tokens come from. */
  loginUrl: string;
  /** ToChannelFromBotOAuthScope: the audience of Ramp's tokens, the Bot Connector. */
  scope: string;
  /** ToBotFromChannelOpenIdMetadataUrl: the keys Teams signs its requests to Ramp with. */
  openIdMetadataUrl: string;
  /** ToBotFromChannelTokenIssuer: the issuer of those requests' tokens. */
  tokenIssuer: string;
}

/** Microsoft's public cloud (botframework-connector's AuthenticationConstants). */
export const PUBLIC_CLOUD = {
  loginHost: "https://login.microsoftonline.com",
  /** The tenant of multi-tenant bots' tokens. */
  channelAuthTenant: "botframework.com",
  scope: "https://api.botframework.com",
  openIdMetadataUrl: "https://login.botframework.com/v1/.well-known/openidconfiguration",
  tokenIssuer: "https://api.botframework.com",
} as const;

export function teamsConfig(v: Env): TeamsConfig | null {
  if (v.RAMP_TEAMS === "off" || (!v.MICROSOFT_APP_ID && v.RAMP_TEAMS !== "on")) return null;
  if (!v.MICROSOFT_APP_ID) {
    // Unauthenticated: anyone who can reach the port could act as anyone, so never beyond loopback.
    if (v.HOST && !LOOPBACK.includes(v.HOST)) {
      throw new ConfigError([
        {
          variable: "MICROSOFT_APP_ID",
          message: `is needed when Teams listens beyond loopback (HOST=${v.HOST})`,
        },
      ]);
    }
    return {
      appId: null,
      appPassword: null,
      tenantId: null,
      appType: v.MICROSOFT_APP_TYPE,
      endpoints: teamsEndpoints(v),
    };
  }
  const problems: { variable: string; message: string }[] = [];
  if (v.MICROSOFT_APP_TYPE !== "UserAssignedMSI" && !v.MICROSOFT_APP_PASSWORD) {
    problems.push({
      variable: "MICROSOFT_APP_PASSWORD",
      message: "is needed with MICROSOFT_APP_ID (the client secret of the bot's app registration)",
    });
  }
  if (v.MICROSOFT_APP_TYPE !== "MultiTenant" && !v.MICROSOFT_APP_TENANT_ID) {
    problems.push({
      variable: "MICROSOFT_APP_TENANT_ID",
      message: `is needed for MICROSOFT_APP_TYPE=${v.MICROSOFT_APP_TYPE}`,
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    appId: v.MICROSOFT_APP_ID,
    appPassword: v.MICROSOFT_APP_PASSWORD ?? null,
    tenantId: v.MICROSOFT_APP_TENANT_ID ?? null,
    appType: v.MICROSOFT_APP_TYPE,
    endpoints: teamsEndpoints(v),
  };
}

function teamsEndpoints(v: Env): TeamsEndpoints {
  // A single-tenant bot gets its tokens from its own tenant, a multi-tenant one from the Bot
  // Framework's (as botbuilder does with its default settings).
  const tenant =
    v.MICROSOFT_APP_TYPE === "MultiTenant" || !v.MICROSOFT_APP_TENANT_ID
      ? PUBLIC_CLOUD.channelAuthTenant
      : v.MICROSOFT_APP_TENANT_ID;
  return {
    loginUrl: v.MICROSOFT_LOGIN_URL ?? `${PUBLIC_CLOUD.loginHost}/${tenant}`,
    scope: v.MICROSOFT_BOT_SCOPE ?? PUBLIC_CLOUD.scope,
    openIdMetadataUrl: v.MICROSOFT_BOT_OPENID_METADATA_URL ?? PUBLIC_CLOUD.openIdMetadataUrl,
    tokenIssuer: v.MICROSOFT_BOT_TOKEN_ISSUER ?? PUBLIC_CLOUD.tokenIssuer,
  };
}
