// The crisis board's part of the configuration: local mode (no chat platform, loopback only)
// or signed-in access with RAMP_SECRET.
import { ConfigError } from "./config-error.ts";
import { type Env, LOOPBACK } from "./env-schema.ts";

export interface WebConfig {
  /** Local mode: no Slack or Teams; the local chat at /chat, no sign-in, loopback only. */
  local: boolean;
  /** RAMP_SECRET: signs sign-in links, sessions and CSRF tokens (required unless local). */
  secret: string | null;
  /** RAMP_PUBLIC_URL without a trailing slash; null: the address Ramp listens on. */
  publicUrl: string | null;
}

export function webConfig(v: Env, platform: boolean): WebConfig {
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
