// The variables Ramp reads and the shape each must have: a first check of every value on its own.
// The sections (config/slack.ts, teams.ts, sms.ts, twilio.ts, web.ts) then check how they combine.
import { z } from "zod";
import { SAMPLE_PLAN_PATH } from "../plan/load.ts";

const port = z.coerce.number().int().min(1).max(65535);
const TICK_SECONDS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60] as const;
export const TICK_SECONDS_TEXT = TICK_SECONDS.join(", ");
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export const LOOPBACK = ["127.0.0.1", "::1", "localhost"];

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

export const envSchema = z.object({
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

/** The environment as the schema parsed it. */
export type Env = z.infer<typeof envSchema>;
