// A small HTTP server on an ephemeral port of 127.0.0.1: the base of the fake platform APIs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export abstract class LoopbackServer {
  private server: Server | null = null;
  protected port = 0;

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;

  protected listen(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
    });
    // Keep-alive sockets would hold close() open after the tests.
    server.keepAliveTimeout = 1000;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        this.port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
