// An engine on a real database with a fake clock, the sample plan and silent logs.

import { buildEngine } from "../../src/compose.ts";
import type { Actor } from "../../src/core/actor.ts";
import type { EngineContext } from "../../src/core/context.ts";
import type { CrisisEngine } from "../../src/core/engine.ts";
import type { Source } from "../../src/core/model.ts";
import type { Clock, CoreLogger } from "../../src/core/ports.ts";
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import type { Plan } from "../../src/plan/schema.ts";
import type { Database } from "../../src/store/database.ts";

export class FakeClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  advanceMinutes(minutes: number): Date {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
    return this.now();
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}

export const silentLogger: CoreLogger & { warnings: object[] } = {
  warnings: [],
  info() {},
  warn(data) {
    silentLogger.warnings.push(data);
  },
  error() {},
};

let samplePlan: { plan: Plan; hash: string } | undefined;
export async function loadSamplePlan(): Promise<{ plan: Plan; hash: string }> {
  if (!samplePlan) {
    const result = await loadPlanFile(SAMPLE_PLAN_PATH);
    if (!result.ok) throw new Error("the sample plan does not load");
    samplePlan = { plan: result.plan, hash: result.hash };
  }
  return samplePlan;
}

/** Saturday 21 November 2026, 22:00 in Brussels. */
export const START = new Date("2026-11-21T21:00:00Z");

export interface TestEngine {
  engine: CrisisEngine;
  ctx: EngineContext;
  clock: FakeClock;
  plan: Plan;
  as(personId: string, source?: Source): Actor;
  /** Runs the scheduler the way the cron tick does. */
  tick(owner?: string): ReturnType<CrisisEngine["runDueJobs"]>;
}

export async function createTestEngine(
  db: Database,
  options: { channels?: string[]; start?: Date; plan?: Plan } = {},
): Promise<TestEngine> {
  const sample = await loadSamplePlan();
  const plan = options.plan ?? sample.plan;
  const clock = new FakeClock(options.start ?? START);
  const engine = buildEngine({
    database: db,
    plan,
    planHash: sample.hash,
    log: silentLogger,
    channels: options.channels ?? ["slack"],
    clock,
  });
  const ctx = engine.ctx;
  return {
    engine,
    ctx,
    clock,
    plan,
    as: (personId, source = "slack") => ({ personId, source }),
    tick: (owner = "test-scheduler") => engine.runDueJobs(owner),
  };
}
