// SMS through Twilio's Messages API (README, "SMS with Twilio"): which TWILIO_* variables are set,
// and the Twilio configuration they make together.
import { ConfigError } from "./config-error.ts";
import type { Env } from "./env-schema.ts";
import type { WebConfig } from "./web.ts";

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

export function twilioVariables(v: Env): string[] {
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

export function twilioConfig(v: Env, web: WebConfig): TwilioSmsConfig {
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
