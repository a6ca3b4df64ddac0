// Slack's part of the configuration: on when both the bot token and the signing secret are set.
import { ConfigError } from "./config-error.ts";
import type { Env } from "./env-schema.ts";

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** Socket Mode (no public URL needed) when set. */
  appToken?: string;
  /** Web API base URL, for tests and proxies; default Slack's own. */
  apiUrl?: string;
}

export function slackConfig(v: Env): SlackConfig | null {
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
  return v.SLACK_BOT_TOKEN && v.SLACK_SIGNING_SECRET
    ? {
        botToken: v.SLACK_BOT_TOKEN,
        signingSecret: v.SLACK_SIGNING_SECRET,
        ...(v.SLACK_APP_TOKEN ? { appToken: v.SLACK_APP_TOKEN } : {}),
        ...(v.SLACK_API_URL ? { apiUrl: v.SLACK_API_URL } : {}),
      }
    : null;
}
