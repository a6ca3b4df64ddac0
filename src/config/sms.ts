// The SMS part of the configuration: a generic gateway (RAMP_SMS_*) or Twilio (config/twilio.ts),
// never both, and only with a public address for the board the pages link to.
import { ConfigError } from "./config-error.ts";
import type { Env } from "./env-schema.ts";
import { type TwilioSmsConfig, twilioConfig, twilioVariables } from "./twilio.ts";
import type { WebConfig } from "./web.ts";

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

export function smsConfig(v: Env, web: WebConfig): SmsConfig | null {
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
