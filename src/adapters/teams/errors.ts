// Bot Framework connector failures as the outbox understands them.
import { DeliveryError } from "../../core/outbox.ts";

interface ConnectorError {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?: (name: string) => string | undefined } | Record<string, string> };
}

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
    });
  }
  // 403: the bot was removed or blocked by the user; 404: the conversation no longer exists.
  if (status === 403 || status === 404)
    return new DeliveryError(`Teams: ${status} ${e.message ?? ""}`.trim(), { permanent: true });
  return new DeliveryError(
    `Teams unreachable: ${status ?? e.code ?? ""} ${e.message ?? String(error)}`.trim(),
  );
}
