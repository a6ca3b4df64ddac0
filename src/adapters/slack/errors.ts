// Slack Web API failures as the outbox understands them: rate limits carry Retry-After,
// errors that no retry can fix are permanent, everything else is retried with backoff.
import { DeliveryError } from "../../core/outbox.ts";

const PERMANENT = new Set([
  "user_not_found",
  "users_not_found",
  "channel_not_found",
  "is_archived",
  "invalid_blocks",
  "msg_too_long",
  "cannot_dm_bot",
  "user_disabled",
  "invalid_auth",
  "account_inactive",
  "not_authed",
  "missing_scope",
]);

interface SlackErrorShape {
  code?: string;
  retryAfter?: number;
  data?: { error?: string };
  message?: string;
}

export function toDeliveryError(error: unknown): DeliveryError {
  const e = error as SlackErrorShape;
  if (e.code === "slack_webapi_rate_limited_error") {
    return new DeliveryError(`Slack rate limit (retry after ${e.retryAfter ?? "?"} s)`, {
      retryAfterMs: Math.max(1, e.retryAfter ?? 30) * 1000,
    });
  }
  if (e.code === "slack_webapi_platform_error") {
    const code = e.data?.error ?? "unknown_error";
    return new DeliveryError(`Slack: ${code}`, { permanent: PERMANENT.has(code) });
  }
  return new DeliveryError(`Slack unreachable: ${e.message ?? String(error)}`);
}

/** The Slack error code of a platform error, e.g. "message_not_found". */
export function slackErrorCode(error: unknown): string | undefined {
  const e = error as SlackErrorShape;
  return e.code === "slack_webapi_platform_error" ? e.data?.error : undefined;
}
