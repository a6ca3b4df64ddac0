// GET /events: the server-sent events stream of live updates (signed in, or local mode).
import type { Router } from "express";
import { reader, type WebContext } from "./context.ts";

export function registerEvents(router: Router, c: WebContext): void {
  router.get("/events", async (req, res) => {
    if (!reader(c, req, res)) return res.status(401).type("text").send("");
    await c.live.subscribe(req, res);
  });
}
