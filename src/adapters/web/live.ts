// Live updates over server-sent events: one stream per open page; an event says only "something
// changed" and the page fetches its fragment again. Notified at once after every command and web
// delivery, and by a poll of the timeline heads, which also catches scheduler ticks (escalations,
// missed deadlines) and commands handled by another replica.
import type { Request, Response } from "express";
import type { Logger } from "../../logging.ts";

export interface LiveOptions {
  /** A cheap summary of the state; a different value means the pages are stale. */
  fingerprint: () => Promise<string>;
  logger: Logger;
  pollMs?: number;
  heartbeatMs?: number;
}

export class LiveHub {
  private readonly clients = new Set<Response>();
  private version = 0;
  private debounce: NodeJS.Timeout | null = null;
  private poller: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private last: string | null = null;
  private polling = false;

  constructor(private readonly options: LiveOptions) {}

  get subscribers(): number {
    return this.clients.size;
  }

  async subscribe(req: Request, res: Response): Promise<void> {
    // The state this page was rendered from, at the latest: whatever changes after "hello" is told.
    if (this.last === null) {
      try {
        this.last = await this.options.fingerprint();
      } catch (error) {
        this.options.logger.warn({ err: error }, "live update poll failed");
      }
    }
    if (res.destroyed) return;
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      // Proxies (nginx) must not buffer the stream.
      "X-Accel-Buffering": "no",
    });
    res.write(`retry: 3000\nevent: hello\ndata: ${this.version}\n\n`);
    this.clients.add(res);
    req.on("close", () => {
      this.clients.delete(res);
      if (this.clients.size === 0) this.stopTimers();
    });
    this.startTimers();
  }

  /** Something changed: tell every page (coalesced, so a burst is one event). */
  changed(): void {
    if (this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.version += 1;
      for (const client of this.clients) client.write(`event: change\ndata: ${this.version}\n\n`);
    }, 50);
    this.debounce.unref();
  }

  private startTimers(): void {
    if (!this.poller) {
      this.poller = setInterval(() => void this.poll(), this.options.pollMs ?? 2000);
      this.poller.unref();
    }
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => {
        for (const client of this.clients) client.write(": ping\n\n");
      }, this.options.heartbeatMs ?? 20_000);
      this.heartbeat.unref();
    }
  }

  private stopTimers(): void {
    if (this.poller) clearInterval(this.poller);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.poller = null;
    this.heartbeat = null;
    this.last = null;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const current = await this.options.fingerprint();
      if (this.last !== null && current !== this.last) this.changed();
      this.last = current;
    } catch (error) {
      this.options.logger.warn({ err: error }, "live update poll failed");
    } finally {
      this.polling = false;
    }
  }

  /** Ends every stream, so the HTTP server can close. */
  close(): void {
    this.stopTimers();
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
