// The environment, parsed once at start-up. Takes `env` as a parameter so tests pass their own.
// A missing or malformed value stops the process with a message that names the variable.
import { z } from "zod";
import { SAMPLE_PLAN_PATH } from "../plan/load.ts";

const port = z.coerce.number().int().min(1).max(65535);
const TICK_SECONDS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60] as const;
const TICK_SECONDS_TEXT = TICK_SECONDS.join(", ");
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const LOOPBACK = ["127.0.0.1", "::1", "localhost"];

/** A Microsoft endpoint: https, except on this machine (a test double). */
function microsoftUrl(what: string) {
  return z
    .string()
    .url({ message: `must be ${what}, a URL such as https://login.microsoftonline.us/…` })
    .refine(
      (url) =>
        /^https:\/\//.test(url) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url),
      {
        message: `must be ${what} over https (http only on 127.0.0.1)`,
      },
    )
    .optional();
}

const envSchema = z.object({
  PORT: port.default(3978),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, {
      message: "use file:./data/ramp.db (SQLite) or postgresql://user:password@host:5432/database",
    })
    .default("file:./data/ramp.db"),
  RAMP_PLAN: z.string().min(1).default(SAMPLE_PLAN_PATH),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  RAMP_TICK_SECONDS: z.coerce
    .number()
    .refine((n) => TICK_SECONDS.includes(n as (typeof TICK_SECONDS)[number]), {
      message: `must be one of ${TICK_SECONDS_TEXT} (a whole divisor of 60, so ticks stay evenly spaced)`,
    })
    .default(15),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, { message: "must be a bot token starting with xoxb-" })
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .min(8, { message: "must be the app's signing secret" })
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, { message: "must be an app-level token starting with xapp-" })
    .optional(),
  SLACK_API_URL: z
    .string()
    .url({ message: "must be a URL such as https://slack.com/api/" })
    .optional(),
  RAMP_TEAMS: z.enum(["on", "off"]).optional(),
  MICROSOFT_APP_ID: z
    .string()
    .uuid({ message: "must be the bot's Microsoft App ID (a GUID)" })
    .optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z
    .string()
    .uuid({ message: "must be the Entra tenant id (a GUID)" })
    .optional(),
  MICROSOFT_APP_TYPE: z
    .enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"])
    .default("SingleTenant"),
  // Microsoft's endpoints, for a national cloud (or a test double): the public cloud's by default.
  MICROSOFT_LOGIN_URL: microsoftUrl("the authority Ramp gets its tokens from"),
  MICROSOFT_BOT_SCOPE: z.string().min(1).optional(),
  MICROSOFT_BOT_OPENID_METADATA_URL: microsoftUrl("the Bot Framework's OpenID metadata document"),
  MICROSOFT_BOT_TOKEN_ISSUER: z.string().min(1).optional(),
  RAMP_SECRET: z
    .string()
    .min(32, { message: "must be at least 32 characters (for example: openssl rand -hex 32)" })
    .optional(),
  RAMP_SMS_URL: z
    .string()
    .url({ message: "must be the SMS gateway's address, such as https://sms.example.be/send" })
    .regex(/^https?:\/\//, { message: "must start with http:// or https://" })
    .optional(),
  RAMP_SMS_TOKEN: z.string().min(1).optional(),
  RAMP_SMS_INBOUND_TOKEN: z
    .string()
    .min(32, { message: "must be at least 32 characters (for example: openssl rand -hex 32)" })
    .optional(),
  RAMP_SMS_SENDER: z
    .string()
    .regex(/^(?:[A-Za-z0-9 ]{1,11}|\+?[0-9]{3,15})$/, {
      message: "must be up to 11 letters and digits (e.g. OCMW) or a phone number",
    })
    .optional(),
  // Twilio's Messages API instead of a gateway (README, "SMS with Twilio").
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, {
      message: "must be the Account SID from the Twilio Console: AC followed by 32 hex digits",
    })
    .optional(),
  TWILIO_AUTH_TOKEN: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, {
      message: "must be the account's Auth Token from the Twilio Console (32 hex digits)",
    })
    .optional(),
  TWILIO_API_KEY_SID: z
    .string()
    .regex(/^SK[0-9a-fA-F]{32}$/, {
      message: "must be an API key SID: SK followed by 32 hex digits",
    })
    .optional(),
  TWILIO_API_KEY_SECRET: z.string().min(1).optional(),
  TWILIO_FROM: z
    .string()
    .regex(/^(?:\+[1-9][0-9]{6,14}|[A-Za-z0-9 ]*[A-Za-z][A-Za-z0-9 ]*)$/, {
      message:
        "must be a Twilio number in international form (+32…) or an alphanumeric sender ID (up to 11 letters and digits)",
    })
    .refine((from) => from.startsWith("+") || from.length <= 11, {
      message: "an alphanumeric sender ID has at most 11 characters",
    })
    .optional(),
  TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, {
      message: "must be a Messaging Service SID: MG followed by 32 hex digits",
    })
    .optional(),
  // Twilio's API (a test double in the tests): https, except on this machine.
  TWILIO_API_URL: z
    .string()
    .url({ message: "must be Twilio's API address, https://api.twilio.com (the default)" })
    .refine(
      (url) =>
        /^https:\/\//.test(url) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url),
      { message: "must use https (http only on 127.0.0.1)" },
    )
    .optional(),
  RAMP_PUBLIC_URL: z
    .string()
    .url({ message: "must be the address people open Ramp at, such as https://ramp.example.be" })
    .regex(/^https?:\/\//, { message: "must start with http:// or https://" })
    .optional(),
});

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

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** Socket Mode (no public URL needed) when set. */
  appToken?: string;
  /** Web API base URL, for tests and proxies; default Slack's own. */
  apiUrl?: string;
}

/** Pages by SMS (README "SMS"), next to Slack or Teams: a generic gateway or Twilio. */
export type SmsConfig = GatewaySmsConfig | TwilioSmsConfig;

/** An HTTP gateway taking Ramp's own JSON shape. */
export interface GatewaySmsConfig {
  provider: "gateway";
  url: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token: string | null;
  sender: string | null;
  /** RAMP_SMS_INBOUND_TOKEN: the gateway's bearer token for POST /sms/inbound; null: no texts in. */
  inboundToken: string | null;
}

/** Twilio's Messages API for texts out; its signed webhook for texts in. */
export interface TwilioSmsConfig {
  provider: "twilio";
  accountSid: string;
  /** Signs Twilio's webhooks; also the password for the API unless an API key is set. */
  authToken: string;
  apiKey: { sid: string; secret: string } | null;
  /** Exactly one of `from` and `messagingServiceSid`. */
  from: string | null;
  messagingServiceSid: string | null;
  /** https://api.twilio.com, or a test double on this machine. */
  apiUrl: string;
  /** RAMP_PUBLIC_URL: Twilio signs its webhooks with the URL it was given, this one. */
  publicUrl: string;
}

export interface WebConfig {
  /** Local mode: no Slack or Teams; the local chat at /chat, no sign-in, loopback only. */
  local: boolean;
  /** RAMP_SECRET: signs sign-in links, sessions and CSRF tokens (required unless local). */
  secret: string | null;
  /** RAMP_PUBLIC_URL without a trailing slash; null: the address Ramp listens on. */
  publicUrl: string | null;
}

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  planFile: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Seconds between scheduler ticks (reminders, escalations, deliveries). */
  tickSeconds: number;
  /** Slack is on when both the bot token and the signing secret are set. */
  slack: SlackConfig | null;
  /** Teams is on with MICROSOFT_APP_ID, or with RAMP_TEAMS=on (unauthenticated, loopback only). */
  teams: TeamsConfig | null;
  /** Pages (and "nobody reachable" alerts) by SMS as well, when a gateway is configured. */
  sms: SmsConfig | null;
  /** The crisis board (always on) and, in local mode, the local chat. */
  web: WebConfig;
};

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}\n` +
        "See .env.example for every variable and its meaning.",
    );
    this.name = "ConfigError";
  }
}

export function readConfig(env: Record<string, string | undefined>): Config {
  // An empty variable (`PORT=`) means "not set", as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0]),
        message: describe(issue, present[String(issue.path[0])]),
      })),
    );
  }
  const v = parsed.data;
  const slackParts = [v.SLACK_BOT_TOKEN, v.SLACK_SIGNING_SECRET];
  if (slackParts.some(Boolean) && !slackParts.every(Boolean)) {
    const missing = v.SLACK_BOT_TOKEN ? "SLACK_SIGNING_SECRET" : "SLACK_BOT_TOKEN";
    throw new ConfigError([
      {
        variable: missing,
        message: "is needed too: Slack needs both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET",
      },
    ]);
  }
  if (v.SLACK_APP_TOKEN && !v.SLACK_BOT_TOKEN) {
    throw new ConfigError([
      {
        variable: "SLACK_BOT_TOKEN",
        message: "is needed for Socket Mode (SLACK_APP_TOKEN is set)",
      },
    ]);
  }
  const teams = teamsConfig(v);
  const web = webConfig(v, Boolean(v.SLACK_BOT_TOKEN) || teams !== null);
  return {
    port: v.PORT,
    // Local mode (no chat platform) stays on loopback; a platform must be able to reach Ramp.
    host:
      v.HOST ??
      ((v.SLACK_BOT_TOKEN && !v.SLACK_APP_TOKEN) || teams?.appId ? "0.0.0.0" : "127.0.0.1"),
    databaseUrl: v.DATABASE_URL,
    planFile: v.RAMP_PLAN,
    logLevel: v.LOG_LEVEL,
    tickSeconds: v.RAMP_TICK_SECONDS,
    slack:
      v.SLACK_BOT_TOKEN && v.SLACK_SIGNING_SECRET
        ? {
            botToken: v.SLACK_BOT_TOKEN,
            signingSecret: v.SLACK_SIGNING_SECRET,
            ...(v.SLACK_APP_TOKEN ? { appToken: v.SLACK_APP_TOKEN } : {}),
            ...(v.SLACK_API_URL ? { apiUrl: v.SLACK_API_URL } : {}),
          }
        : null,
    teams,
    sms: smsConfig(v, web),
    web,
  };
}

function smsConfig(v: z.infer<typeof envSchema>, web: WebConfig): SmsConfig | null {
  const twilio = twilioVariables(v);
  if (twilio.length > 0 && v.RAMP_SMS_URL) {
    throw new ConfigError([
      {
        variable: "RAMP_SMS_URL",
        message: `cannot be combined with ${twilio.join(", ")}: texts go out through one provider, a gateway (RAMP_SMS_URL) or Twilio (TWILIO_*)`,
      },
    ]);
  }
  if (twilio.length > 0) return twilioConfig(v, web);
  if (!v.RAMP_SMS_URL) {
    if (v.RAMP_SMS_TOKEN || v.RAMP_SMS_SENDER) {
      throw new ConfigError([
        { variable: "RAMP_SMS_URL", message: "is needed for RAMP_SMS_TOKEN and RAMP_SMS_SENDER" },
      ]);
    }
    if (v.RAMP_SMS_INBOUND_TOKEN) {
      throw new ConfigError([
        {
          variable: "RAMP_SMS_URL",
          message: "is needed for RAMP_SMS_INBOUND_TOKEN: Ramp answers every text by SMS",
        },
      ]);
    }
    return null;
  }
  // An SMS carries a sign-in link to answer the page on the board: it must open on a phone.
  if (web.local || !web.publicUrl) {
    throw new ConfigError([
      {
        variable: web.local ? "RAMP_SMS_URL" : "RAMP_PUBLIC_URL",
        message: web.local
          ? "SMS pages link to the crisis board, which local mode keeps on this computer: configure Slack or Teams (and RAMP_SECRET, RAMP_PUBLIC_URL) to page by SMS too"
          : "is needed with RAMP_SMS_URL: the link in an SMS page must open on a phone, e.g. https://ramp.example.be",
      },
    ]);
  }
  return {
    provider: "gateway",
    url: v.RAMP_SMS_URL,
    token: v.RAMP_SMS_TOKEN ?? null,
    sender: v.RAMP_SMS_SENDER ?? null,
    inboundToken: v.RAMP_SMS_INBOUND_TOKEN ?? null,
  };
}

function twilioVariables(v: z.infer<typeof envSchema>): string[] {
  return (
    [
      "TWILIO_ACCOUNT_SID",
      "TWILIO_AUTH_TOKEN",
      "TWILIO_API_KEY_SID",
      "TWILIO_API_KEY_SECRET",
      "TWILIO_FROM",
      "TWILIO_MESSAGING_SERVICE_SID",
      "TWILIO_API_URL",
    ] as const
  ).filter((name) => v[name] !== undefined);
}

function twilioConfig(v: z.infer<typeof envSchema>, web: WebConfig): TwilioSmsConfig {
  const problems: { variable: string; message: string }[] = [];
  if (!v.TWILIO_ACCOUNT_SID) {
    problems.push({
      variable: "TWILIO_ACCOUNT_SID",
      message: "is needed for Twilio (the Account SID from the Twilio Console, AC…)",
    });
  }
  if (!v.TWILIO_AUTH_TOKEN) {
    problems.push({
      variable: "TWILIO_AUTH_TOKEN",
      message:
        "is needed for Twilio: it checks the X-Twilio-Signature of incoming texts (also with an API key)",
    });
  }
  if (Boolean(v.TWILIO_API_KEY_SID) !== Boolean(v.TWILIO_API_KEY_SECRET)) {
    problems.push({
      variable: v.TWILIO_API_KEY_SID ? "TWILIO_API_KEY_SECRET" : "TWILIO_API_KEY_SID",
      message: "is needed too: an API key is its SID (SK…) and its secret together",
    });
  }
  if (Boolean(v.TWILIO_FROM) === Boolean(v.TWILIO_MESSAGING_SERVICE_SID)) {
    problems.push({
      variable: "TWILIO_FROM",
      message: v.TWILIO_FROM
        ? "cannot be combined with TWILIO_MESSAGING_SERVICE_SID: set one of the two"
        : "or TWILIO_MESSAGING_SERVICE_SID is needed: the Twilio number (+32…) or Messaging Service (MG…) texts are sent from",
    });
  }
  if (web.local || !web.publicUrl) {
    problems.push({
      variable: web.local ? "TWILIO_ACCOUNT_SID" : "RAMP_PUBLIC_URL",
      message: web.local
        ? "SMS pages link to the crisis board, which local mode keeps on this computer: configure Slack or Teams (and RAMP_SECRET, RAMP_PUBLIC_URL) to page by SMS too"
        : "is needed with Twilio: the link in an SMS page must open on a phone, and Twilio posts incoming texts to it (e.g. https://ramp.example.be)",
    });
  }
  if (problems.length > 0 || !v.TWILIO_ACCOUNT_SID || !v.TWILIO_AUTH_TOKEN || !web.publicUrl) {
    throw new ConfigError(problems);
  }
  return {
    provider: "twilio",
    accountSid: v.TWILIO_ACCOUNT_SID,
    authToken: v.TWILIO_AUTH_TOKEN,
    apiKey:
      v.TWILIO_API_KEY_SID && v.TWILIO_API_KEY_SECRET
        ? { sid: v.TWILIO_API_KEY_SID, secret: v.TWILIO_API_KEY_SECRET }
        : null,
    from: v.TWILIO_FROM ?? null,
    messagingServiceSid: v.TWILIO_MESSAGING_SERVICE_SID ?? null,
    apiUrl: (v.TWILIO_API_URL ?? "https://api.twilio.com").replace(/\/+$/, ""),
    publicUrl: web.publicUrl,
  };
}

function webConfig(v: z.infer<typeof envSchema>, platform: boolean): WebConfig {
  const publicUrl = v.RAMP_PUBLIC_URL ? v.RAMP_PUBLIC_URL.replace(/\/+$/, "") : null;
  if (!platform) {
    // The local chat lets anyone act as anyone in the plan: never beyond this machine.
    if (v.HOST && !LOOPBACK.includes(v.HOST)) {
      throw new ConfigError([
        {
          variable: "HOST",
          message:
            `local mode (neither Slack nor Teams configured) has no sign-in and listens on loopback only (got "${v.HOST}"); ` +
            "configure Slack or Teams and RAMP_SECRET to open the board to others",
        },
      ]);
    }
    return { local: true, secret: v.RAMP_SECRET ?? null, publicUrl };
  }
  if (!v.RAMP_SECRET) {
    throw new ConfigError([
      {
        variable: "RAMP_SECRET",
        message:
          "is needed with Slack or Teams: it signs the personal sign-in links to the crisis board " +
          "(at least 32 characters, for example: openssl rand -hex 32)",
      },
    ]);
  }
  return { local: false, secret: v.RAMP_SECRET, publicUrl };
}

function teamsConfig(v: z.infer<typeof envSchema>): TeamsConfig | null {
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

function teamsEndpoints(v: z.infer<typeof envSchema>): TeamsEndpoints {
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

function describe(issue: z.ZodIssue, value: string | undefined): string {
  // Secrets are never echoed into logs.
  const secret = /TOKEN|SECRET|PASSWORD/.test(String(issue.path[0]));
  const shown = value === undefined || secret ? "" : ` (got "${value}")`;
  if (issue.code === z.ZodIssueCode.invalid_enum_value) {
    return `must be one of ${issue.options.join(", ")}${shown}`;
  }
  if (issue.path[0] === "PORT") return `must be a whole number between 1 and 65535${shown}`;
  if (issue.path[0] === "RAMP_TICK_SECONDS")
    return `must be one of ${TICK_SECONDS_TEXT} seconds${shown}`;
  return `${issue.message}${shown}`;
}
