// A fake Slack Socket Mode server on 127.0.0.1. The fake Web API's apps.connections.open (with
// the app-level token) answers with this server's ws:// URL; on each connection the server says
// `hello`, then sends envelopes as Slack does ({envelope_id, type, payload,
// accepts_response_payload}) and waits for the app to acknowledge each by sending the
// envelope_id back. drop() closes the socket from the server's side, as Slack does when it
// recycles a connection; the app must open a new one (apps.connections.open again).
// The server is the `ws` package's (already installed with botbuilder); Ramp's side is
// @slack/socket-mode, unchanged.
import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import type { Body, FakeSlack } from "./fake-slack.ts";
import type { SlackRequest } from "./slack-requests.ts";

export const FAKE_APP_TOKEN = "xapp-1-A0RAMPAPP-1111111111-rampSocketModeTestToken";

/** What the app sent back for an envelope. */
export interface Acknowledgement {
  envelope_id: string;
  payload?: Body;
}

export class FakeSocketMode {
  /** Every connection the app opened, in order (closed ones too). */
  readonly connections: WebSocket[] = [];
  /** Acknowledgements by envelope id. */
  readonly acks = new Map<string, Acknowledgement>();
  private readonly waiting = new Map<string, (ack: Acknowledgement) => void>();
  private ticket = 0;

  private constructor(
    private readonly server: WebSocket.Server,
    private readonly port: number,
  ) {
    server.on("connection", (socket: WebSocket) => {
      this.connections.push(socket);
      socket.on("message", (data: WebSocket.Data) => this.received(String(data)));
      socket.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "fake-socket-mode", approximate_connection_time: 3600 },
          connection_info: { app_id: "A0RAMPAPP" },
        }),
      );
    });
  }

  /** Starts the server and makes `fake` hand out its URL to the app-level token. */
  static async start(fake: FakeSlack, appToken = FAKE_APP_TOKEN): Promise<FakeSocketMode> {
    const server = await new Promise<WebSocket.Server>((resolve, reject) => {
      const s = new WebSocket.Server({ host: "127.0.0.1", port: 0 }, () => resolve(s));
      s.on("error", reject);
    });
    const { port } = server.address() as { port: number };
    const socketMode = new FakeSocketMode(server, port);
    fake.appToken = appToken;
    fake.socketUrl = () => socketMode.nextUrl();
    return socketMode;
  }

  /** A fresh URL per apps.connections.open, as Slack gives (the ticket is only informative). */
  private nextUrl(): string {
    this.ticket += 1;
    return `ws://127.0.0.1:${this.port}/link/?ticket=${this.ticket}&app_id=A0RAMPAPP`;
  }

  /** The connection in use: the newest one that is open. */
  private open(): WebSocket | undefined {
    return this.connections.filter((c) => c.readyState === WebSocket.OPEN).at(-1);
  }

  /** Open connections right now. */
  openConnections(): number {
    return this.connections.filter((c) => c.readyState === WebSocket.OPEN).length;
  }

  /**
   * Sends an envelope over the open connection and returns its id and the acknowledgement the
   * app sends back (rejected after `timeoutMs`: an unacknowledged envelope is what Slack retries).
   */
  send(
    type: "slash_commands" | "interactive",
    payload: Body,
    timeoutMs = 10_000,
  ): { envelopeId: string; ack: Promise<Acknowledgement> } {
    const socket = this.open();
    if (!socket) throw new Error("no open Socket Mode connection to send on");
    const envelopeId = randomUUID();
    const ack = new Promise<Acknowledgement>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(envelopeId);
        reject(new Error(`envelope ${envelopeId} (${type}) not acknowledged in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(envelopeId, (received) => {
        clearTimeout(timer);
        resolve(received);
      });
    });
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type === "slash_commands",
      }),
    );
    return { envelopeId, ack };
  }

  /** Sends a request built for the HTTP endpoint (slack-requests.ts) as an envelope instead. */
  sendRequest(
    type: "slash_commands" | "interactive",
    request: SlackRequest,
  ): { envelopeId: string; ack: Promise<Acknowledgement> } {
    return this.send(type, envelopePayload(request));
  }

  /** The server closes the connection in use, without warning (a dropped socket). */
  drop(): void {
    const socket = this.open();
    if (!socket) throw new Error("no open Socket Mode connection to drop");
    socket.terminate();
  }

  /** Waits until `n` connections were opened in all, the newest one open. */
  async connected(n: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(this.connections.length >= n && this.open() === this.connections.at(-1))) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for Socket Mode connection ${n}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    for (const socket of this.connections) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private received(text: string): void {
    let message: Body;
    try {
      message = JSON.parse(text) as Body;
    } catch {
      return;
    }
    const id = typeof message.envelope_id === "string" ? message.envelope_id : null;
    if (!id) return;
    const ack: Acknowledgement = {
      envelope_id: id,
      ...(message.payload ? { payload: message.payload as Body } : {}),
    };
    this.acks.set(id, ack);
    this.waiting.get(id)?.(ack);
    this.waiting.delete(id);
  }
}

/**
 * The envelope's payload for a request Slack would have posted over HTTP: a slash command's
 * form fields as an object, an interaction's `payload` JSON as it is.
 */
export function envelopePayload(request: SlackRequest): Body {
  if (request.contentType === "application/json") return JSON.parse(request.body) as Body;
  const form = new URLSearchParams(request.body);
  const payload = form.get("payload");
  if (payload) return JSON.parse(payload) as Body;
  return Object.fromEntries(form);
}
