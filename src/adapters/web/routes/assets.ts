// GET /static/ramp.css and /static/ramp.js: no data in them, so served without sign-in.
import { readFileSync } from "node:fs";
import type { Router } from "express";

const ASSETS = {
  "/static/ramp.css": { file: "../static/ramp.css", type: "text/css; charset=utf-8" },
  "/static/ramp.js": { file: "../static/ramp.js", type: "text/javascript; charset=utf-8" },
} as const;

export function registerAssets(router: Router): void {
  for (const [path, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(new URL(asset.file, import.meta.url));
    router.get(path, (_req, res) => {
      res.set({ "Content-Type": asset.type, "Cache-Control": "public, max-age=300" }).send(body);
    });
  }
}
