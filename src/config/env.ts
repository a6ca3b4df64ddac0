// The environment, parsed once at start-up. Takes `env` as a parameter so tests pass their own.
// A missing or malformed value stops the process with a message that names the variable.
import { ConfigError, describe } from "./config-error.ts";
import { envSchema, type LOG_LEVELS } from "./env-schema.ts";
import { type SlackConfig, slackConfig } from "./slack.ts";
import { type SmsConfig, smsConfig } from "./sms.ts";
import { type TeamsConfig, teamsConfig } from "./teams.ts";
import { type WebConfig, webConfig } from "./web.ts";

export { ConfigError } from "./config-error.ts";
export type { SlackConfig } from "./slack.ts";
export type { GatewaySmsConfig, SmsConfig } from "./sms.ts";
export { PUBLIC_CLOUD, type TeamsConfig, type TeamsEndpoints } from "./teams.ts";
export type { TwilioSmsConfig } from "./twilio.ts";
export type { WebConfig } from "./web.ts";

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
  const slack = slackConfig(v);
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
    slack,
    teams,
    sms: smsConfig(v, web),
    web,
  };
}
