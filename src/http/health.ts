// GET /healthz: is the database reachable and migrated, which plan is loaded.
import type { Request, Response } from "express";
import type { PlanHealth } from "../plan/watch.ts";

export interface HealthSources {
  database(): Promise<{
    ok: boolean;
    provider: string;
    latencyMs: number;
    migrations: number;
    error?: string;
  }>;
  plan(): PlanHealth;
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
    const failing = [...(database.ok ? [] : ["database"]), ...(plan.ok ? [] : ["plan"])];
    // An invalid plan file does not stop Ramp: it runs on the last valid plan (plan/watch.ts).
    // 503 for it would have an orchestrator restart Ramp into a start that refuses that file.
    const status = !database.ok ? "unavailable" : plan.ok ? "ok" : "degraded";
    res
      .status(database.ok ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({
        status,
        ...(failing.length > 0 ? { failing } : {}),
        database,
        plan,
        scheduler: sources.scheduler(),
      });
  };
}
