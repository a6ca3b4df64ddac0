// The one HTTP port: health now; Slack, Teams and the web board mount their routes here.
import type { Server } from "node:http";
import express, { type Express } from "express";
import type { Logger } from "../logging.ts";
import { type HealthSources, healthHandler } from "./health.ts";

export function createHttpApp(health: HealthSources): Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", healthHandler(health));
  return app;
}

export function listen(app: Express, port: number, host: string, logger: Logger): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once("listening", () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      logger.info({ host, port: actualPort }, `Ramp luistert op http://${host}:${actualPort}`);
      resolve(server);
    });
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new Error(
            `Port ${port} on ${host} is already in use: stop the other process or set PORT.`,
          ),
        );
      } else reject(error);
    });
  });
}
