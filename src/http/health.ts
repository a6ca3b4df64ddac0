// GET /healthz: is the database reachable and migrated, which plan is loaded.
import type { Request, Response } from "express";

export interface HealthSources {
  database(): Promise<{
    ok: boolean;
    provider: string;
    latencyMs: number;
    migrations: number;
    error?: string;
  }>;
  plan(): { ok: boolean; organisation?: string; file: string; hash?: string; version?: string };
  scheduler(): { tickSeconds: number; lastTickAt: string | null };
}

export function healthHandler(sources: HealthSources) {
  return async (_req: Request, res: Response) => {
    const [database, plan] = await Promise.all([
      sources.database().catch((error: Error) => ({
        ok: false,
        provider: "unknown",
        latencyMs: 0,
        migrations: 0,
        error: error.message,
      })),
      Promise.resolve(sources.plan()),
    ]);
    // The plan is only degraded when Ramp still runs on the last valid one (see plan/watch.ts).
    const failing = [...(database.ok ? [] : ["database"]), ...(plan.ok ? [] : ["plan"])];
    const ok = failing.length === 0;
    res
      .status(ok ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({
        status: ok ? "ok" : "unavailable",
        ...(ok ? {} : { failing }),
        database,
        plan,
        scheduler: sources.scheduler(),
      });
  };
}
