// The generic SMS gateway: POST {to, from, text, reference} as JSON (README, "SMS"), the same
// shape for any provider (a small relay adapts it to a provider's own API).
import type { GatewaySmsConfig } from "../../config/env.ts";
import { DeliveryError } from "../../core/outbox.ts";
import type { SmsSender } from "./delivery.ts";

const TIMEOUT_MS = 10_000;

export class GatewaySms implements SmsSender {
  constructor(private readonly config: GatewaySmsConfig) {}

  async send({
    to,
    text,
    reference,
  }: {
    to: string;
    text: string;
    reference: string;
  }): Promise<string> {
    let response: Response;
    try {
      response = await fetch(this.config.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(this.config.token ? { authorization: `Bearer ${this.config.token}` } : {}),
        },
        // `reference` is the same on a retry, so a gateway can drop a duplicate.
        body: JSON.stringify({
          to,
          ...(this.config.sender ? { from: this.config.sender } : {}),
          text,
          reference,
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new DeliveryError(`SMS gateway unreachable: ${(error as Error).message}`);
    }
    const body = await response.text().catch(() => "");
    if (response.ok) return messageId(body) ?? reference;
    const detail = `SMS gateway: ${response.status} ${body.slice(0, 200)}`.trim();
    if (response.status === 429 || response.status === 503) {
      const seconds = Number(response.headers.get("retry-after"));
      throw new DeliveryError(detail, {
        retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000,
      });
    }
    // The number or the message was refused: sending it again changes nothing. A refused token
    // (401/403) or a server error is retried: someone can fix the gateway meanwhile.
    const permanent = response.status === 400 || response.status === 404 || response.status === 422;
    throw new DeliveryError(detail, { permanent });
  }
}

function messageId(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { id?: unknown; messageId?: unknown };
    const id = parsed.id ?? parsed.messageId;
    return typeof id === "string" || typeof id === "number" ? String(id) : null;
  } catch {
    return null;
  }
}
