// Slack Web API failures as the outbox understands them (core/outbox.ts DeliveryOutcome):
// - retryable: rate limits (with their Retry-After), 5xx, a connection that never opened;
// - permanent: errors no retry can fix (the channel or user does not exist, Ramp is not in the
//   channel, the blocks are invalid, the token is revoked);
// - unknown: the request left and no answer came back (a timeout, a connection reset), so Slack
//   may have acted on it: the next attempt looks before posting again.
import { DeliveryError } from "../../core/outbox.ts";

const PERMANENT = new Set([
  "user_not_found",
  "users_not_found",
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "invalid_blocks",
  "invalid_blocks_format",
  "msg_too_long",
  "cannot_dm_bot",
  "user_disabled",
  "invalid_auth",
  "account_inactive",
  "token_revoked",
  "not_authed",
  "missing_scope",
  "restricted_action",
]);

/** Errors of a connection that was never made: the request did not reach Slack. */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
]);

interface SlackErrorShape {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
  message?: string;
  original?: { name?: string; message?: string; code?: string; cause?: { code?: string } };
}

export function toDeliveryError(error: unknown): DeliveryError {
  const e = error as SlackErrorShape;
  if (e.code === "slack_webapi_rate_limited_error") {
    return new DeliveryError(`Slack rate limit (retry after ${e.retryAfter ?? "?"} s)`, {
      retryAfterMs: Math.max(1, e.retryAfter ?? 30) * 1000,
      outcome: "retryable",
    });
  }
  if (e.code === "slack_webapi_platform_error") {
    const code = e.data?.error ?? "unknown_error";
    return new DeliveryError(`Slack: ${code}`, {
      outcome: PERMANENT.has(code) ? "permanent" : "retryable",
    });
  }
  if (e.code === "slack_webapi_http_error") {
    // Slack answers 200 with ok:false for what it refuses; another status is its own trouble.
    return new DeliveryError(`Slack answered HTTP ${e.statusCode ?? "?"}`, {
      outcome: "retryable",
    });
  }
  if (e.code === "slack_webapi_request_error") {
    const original = e.original ?? {};
    const code = original.cause?.code ?? original.code ?? "";
    if (NOT_SENT.has(code))
      return new DeliveryError(`Slack unreachable: ${code}`, { outcome: "retryable" });
    const timedOut = original.name === "TimeoutError" || original.name === "AbortError";
    return new DeliveryError(
      timedOut
        ? "Slack did not answer in time; the message may have arrived"
        : `Slack connection lost (${code || original.message || "?"}); the message may have arrived`,
      { outcome: "unknown" },
    );
  }
  // Not from the Web API client: a database error while delivering, maybe after the post went
  // out (storing its ts): the next attempt looks before posting again.
  return new DeliveryError(`Slack delivery failed: ${e.message ?? String(error)}`, {
    outcome: "unknown",
  });
}

/** The Slack error code of a platform error, e.g. "message_not_found". */
export function slackErrorCode(error: unknown): string | undefined {
  const e = error as SlackErrorShape;
  return e.code === "slack_webapi_platform_error" ? e.data?.error : undefined;
}
