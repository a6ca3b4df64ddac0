// Wires the crisis engine to its store and plan; shared by the app, the tests and the benchmarks.
import { randomUUID } from "node:crypto";
import { PlanDirectory } from "./core/directory.ts";
import { CrisisEngine } from "./core/engine.ts";
import type { Clock, CoreLogger } from "./core/ports.ts";
import type { Plan } from "./plan/schema.ts";
import type { Database } from "./store/database.ts";
import { createPrismaStore } from "./store/prisma-store.ts";

export const systemClock: Clock = { now: () => new Date() };

export interface EngineParts {
  database: Database;
  plan: Plan;
  planHash: string;
  log: CoreLogger;
  /** Delivery channels in use ("slack", "teams", "web"). */
  channels: string[];
  /** The SMS provider confirms delivery to the phone (Twilio). */
  smsReceipts?: boolean;
  clock?: Clock;
}

export function buildEngine(parts: EngineParts): CrisisEngine {
  return new CrisisEngine({
    store: createPrismaStore(parts.database.client),
    dir: new PlanDirectory(parts.plan, parts.planHash),
    clock: parts.clock ?? systemClock,
    ids: { next: () => randomUUID() },
    log: parts.log,
    channels: parts.channels,
    ...(parts.smsReceipts ? { smsReceipts: true } : {}),
  });
}
