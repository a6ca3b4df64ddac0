// Bot Framework connector failures as the outbox understands them (core/outbox.ts):
// - retryable: 429 (with its Retry-After), 5xx, a connection that never opened;
// - permanent: 403 (the bot was removed or blocked, or the user is not found), 404 (the
//   conversation no longer exists), 400 (a card the connector refuses);
// - unknown: the request left and no answer came (a timeout, a reset connection). The connector
//   offers no way for a bot to read a conversation back, so a new message whose outcome is unknown
//   is sent again (at least once, see README "Reliability"); updates of a card are idempotent.
import { DeliveryError } from "../../core/outbox.ts";

interface ConnectorError {
  statusCode?: number;
  code?: string;
  name?: string;
  message?: string;
  cause?: { code?: string };
  response?: { headers?: { get?: (name: string) => string | undefined } | Record<string, string> };
}

const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function toDeliveryError(error: unknown): DeliveryError {
  const e = error as ConnectorError;
  const status = e.statusCode;
  if (status === 429) {
    const headers = e.response?.headers;
    const raw =
      headers && typeof (headers as { get?: unknown }).get === "function"
        ? (headers as { get: (n: string) => string | undefined }).get("retry-after")
        : (headers as Record<string, string> | undefined)?.["retry-after"];
    const seconds = Number(raw);
    return new DeliveryError("Teams rate limit", {
      retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000,
      outcome: "retryable",
    });
  }
  if (status === 400 || status === 403 || status === 404)
    return new DeliveryError(`Teams: ${status} ${e.message ?? ""}`.trim(), {
      outcome: "permanent",
    });
  if (status !== undefined)
    return new DeliveryError(`Teams unreachable: ${status} ${e.message ?? ""}`.trim(), {
      outcome: "retryable",
    });
  const code = e.cause?.code ?? e.code ?? "";
  if (NOT_SENT.has(code))
    return new DeliveryError(`Teams unreachable: ${code}`, { outcome: "retryable" });
  const lost =
    ["ECONNRESET", "ETIMEDOUT", "ESOCKETTIMEDOUT", "UND_ERR_SOCKET"].includes(code) ||
    e.name === "AbortError" ||
    e.name === "TimeoutError";
  return new DeliveryError(
    `Teams ${lost ? "connection lost; the message may have arrived" : "delivery failed"}: ${code} ${e.message ?? String(error)}`.trim(),
    { outcome: lost ? "unknown" : "retryable" },
  );
}
