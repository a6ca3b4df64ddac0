// A fake HTTP SMS gateway on 127.0.0.1: records every message Ramp sends (to, from, text,
// reference, Authorization) and answers as a gateway does; failures can be queued per number.
import type { IncomingMessage, ServerResponse } from "node:http";
import { LoopbackServer } from "./loopback-server.ts";

export interface SentSms {
  to: string;
  from: string | undefined;
  text: string;
  reference: string;
  auth: string | undefined;
  /** What the fake answered. */
  status: number;
}

export class FakeSmsGateway extends LoopbackServer {
  readonly received: SentSms[] = [];
  private readonly failures = new Map<string, Array<{ status: number; retryAfter?: number }>>();
  private counter = 0;

  static async start(): Promise<FakeSmsGateway> {
    const fake = new FakeSmsGateway();
    await fake.listen();
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/v1/sms`;
  }

  /** The next `times` messages to `to` are answered with `status` (and Retry-After). */
  fail(to: string, status: number, times = 1, retryAfter?: number): void {
    const queue = this.failures.get(to) ?? [];
    for (let i = 0; i < times; i++) queue.push({ status, ...(retryAfter ? { retryAfter } : {}) });
    this.failures.set(to, queue);
  }

  /** Messages the gateway accepted, optionally only those to one number. */
  accepted(to?: string): SentSms[] {
    return this.received.filter((m) => m.status === 201 && (to === undefined || m.to === to));
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || req.url !== "/v1/sms") {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, string>;
    const failure = this.failures.get(body.to ?? "")?.shift();
    const status = failure?.status ?? 201;
    this.received.push({
      to: body.to ?? "",
      from: body.from,
      text: body.text ?? "",
      reference: body.reference ?? "",
      auth: req.headers.authorization,
      status,
    });
    if (failure) {
      res.writeHead(status, {
        "content-type": "application/json",
        ...(failure.retryAfter ? { "retry-after": String(failure.retryAfter) } : {}),
      });
      res.end(JSON.stringify({ error: status === 400 ? "invalid_number" : "unavailable" }));
      return;
    }
    this.counter += 1;
    res.writeHead(201, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: `sms-${this.counter}` }));
  }
}
