// Crisis engine benchmarks on one database: claim race, timeline append and verification,
// scheduler lateness. Run through `npm run bench`; numbers are printed, never asserted.
import { randomUUID } from "node:crypto";
import cron, { type ScheduledTask } from "node-cron";
import { buildEngine } from "../src/compose.ts";
import type { CrisisEngine } from "../src/core/engine.ts";
import { RampError } from "../src/core/errors.ts";
import { appendEntries, verifyChain } from "../src/core/timeline.ts";
import { createLogger } from "../src/logging.ts";
import type { Plan } from "../src/plan/schema.ts";
import { Scheduler } from "../src/scheduler/scheduler.ts";
import { type Database, openDatabase } from "../src/store/database.ts";
import { percentile } from "./stats.ts";

const logger = createLogger("silent");
const COORDINATOR = "pieter-declercq";

/** The sample plan with extra staff, so that many different people can race for one task. */
export function planWithClaimers(plan: Plan, count: number): Plan {
  const extra = Array.from({ length: count }, (_, i) => ({
    id: `bench-${i + 1}`,
    name: `Medewerker ${i + 1}`,
  }));
  return { ...plan, people: [...plan.people, ...extra] } as Plan;
}

export async function engineOn(
  url: string,
  plan: Plan,
  hash: string,
): Promise<{ db: Database; engine: CrisisEngine }> {
  const db = await openDatabase(url);
  return {
    db,
    engine: buildEngine({ database: db, plan, planHash: hash, log: logger, channels: ["slack"] }),
  };
}

export async function claimRace(
  url: string,
  plan: Plan,
  hash: string,
  claimers: number,
  rounds: number,
) {
  const { db, engine } = await engineOn(url, planWithClaimers(plan, claimers), hash);
  try {
    const coordinator = { personId: COORDINATOR, source: "slack" as const };
    const incident = await engine.declare(coordinator, {
      classification: "crisis",
      scope: "totaal",
      description: "Bench",
    });
    await engine.decide(coordinator, incident.id, {
      situation: "A",
      locationId: plan.fallbackLocations[0]!.id,
    });
    const tasks = await engine.ctx.store.tasks.listForIncident(incident.id);
    const durations: number[] = [];
    let wrongRounds = 0;
    for (const task of tasks.slice(0, rounds)) {
      const started = performance.now();
      const results = await Promise.allSettled(
        Array.from({ length: claimers }, (_, i) =>
          engine.task({ personId: `bench-${i + 1}`, source: "slack" }, task.id, "claim"),
        ),
      );
      durations.push(performance.now() - started);
      const winners = results.filter((r) => r.status === "fulfilled").length;
      const toldWhoHasIt = results.filter(
        (r) =>
          r.status === "rejected" &&
          r.reason instanceof RampError &&
          r.reason.code === "task-claimed",
      ).length;
      if (winners !== 1 || toldWhoHasIt !== claimers - 1) wrongRounds += 1;
    }
    return {
      claimers,
      rounds: durations.length,
      wrongRounds,
      p50: percentile(durations, 50),
      p99: percentile(durations, 99),
    };
  } finally {
    await db.close();
  }
}

export async function timelineBench(
  url: string,
  plan: Plan,
  hash: string,
  loggedEntries: number,
  total: number,
) {
  const { db, engine } = await engineOn(url, plan, hash);
  try {
    const coordinator = { personId: COORDINATOR, source: "slack" as const };
    const incident = await engine.declare(coordinator, {
      classification: "klein",
      scope: "gedeeltelijk",
      description: "Bench",
    });
    // Through the engine, one command (one transaction) per entry, as `/ramp log` does.
    let started = performance.now();
    for (let i = 0; i < loggedEntries; i++)
      await engine.log(coordinator, incident.id, `Logboek ${i}`, ["actie"]);
    const commandRate = loggedEntries / ((performance.now() - started) / 1000);
    // The rest in batches, to reach the size of a long incident.
    const ids = { next: () => randomUUID() };
    const have = (await engine.timeline(incident.id)).length;
    started = performance.now();
    for (let done = have; done < total; ) {
      const batch = Math.min(500, total - done);
      await engine.ctx.store.transaction(async (tx) => {
        await tx.incidents.lock(incident.id);
        await appendEntries(
          tx.timeline,
          ids,
          incident.id,
          new Date(),
          Array.from({ length: batch }, (_, i) => ({
            type: "log" as const,
            actorId: COORDINATOR,
            source: "system" as const,
            data: { text: `Regel ${done + i}` },
          })),
        );
      });
      done += batch;
    }
    const batchRate = (total - have) / ((performance.now() - started) / 1000);
    started = performance.now();
    const entries = await engine.timeline(incident.id);
    const readMs = performance.now() - started;
    started = performance.now();
    const verification = verifyChain(incident.id, entries, null);
    const verifyMs = performance.now() - started;
    return {
      incidentId: incident.id,
      entries: entries.length,
      ok: verification.ok,
      commandRate,
      batchRate,
      readMs,
      verifyMs,
    };
  } finally {
    await db.close();
  }
}

/**
 * Jobs due over `spreadMs`, run by the real cron-driven scheduler (`runner` "ramp"), or by the
 * floor: a bare node-cron task on the same tick that marks every due job done with one UPDATE.
 * Lateness = when a job was done − when it was due.
 */
export async function schedulerLateness(
  url: string,
  plan: Plan,
  hash: string,
  jobs: number,
  tickSeconds: number,
  spreadMs: number,
  runner: "ramp" | "floor" = "ramp",
) {
  const { db, engine } = await engineOn(url, plan, hash);
  const scheduler = new Scheduler(engine, new Map(), logger, tickSeconds);
  let floor: ScheduledTask | null = null;
  try {
    const coordinator = { personId: COORDINATOR, source: "slack" as const };
    const incident = await engine.declare(coordinator, {
      classification: "klein",
      scope: "totaal",
      description: "Bench",
    });
    await engine.decide(coordinator, incident.id, { situation: "B" });
    const tasks = await engine.ctx.store.tasks.listForIncident(incident.id);
    const start = Date.now() + 1000;
    const scheduled = Array.from({ length: jobs }, (_, i) => ({
      id: randomUUID(),
      incidentId: incident.id,
      kind: "task-reminder" as const,
      subjectId: tasks[i % tasks.length]!.id,
      dueAt: new Date(start + Math.floor((i / jobs) * spreadMs)),
    }));
    await engine.ctx.store.jobs.schedule(scheduled);
    if (runner === "ramp") scheduler.start();
    else {
      floor = cron.schedule(`*/${tickSeconds} * * * * *`, async () => {
        const now = new Date();
        await db.client.scheduledJob.updateMany({
          where: { dueAt: { lte: now }, doneAt: null },
          data: { doneAt: now, status: "done" },
        });
      });
    }
    const ids = new Set(scheduled.map((j) => j.id));
    const deadline = Date.now() + spreadMs + 1000 * (tickSeconds + 30);
    let rows: Array<{ dueAt: Date; doneAt: Date | null }> = [];
    while (Date.now() < deadline) {
      rows = (
        await db.client.scheduledJob.findMany({
          where: { id: { in: [...ids] } },
          select: { dueAt: true, doneAt: true },
        })
      ).map((r) => ({ dueAt: r.dueAt, doneAt: r.doneAt }));
      if (rows.every((r) => r.doneAt)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const lateness = rows
      .filter((r) => r.doneAt)
      .map((r) => r.doneAt!.getTime() - r.dueAt.getTime());
    return {
      jobs,
      tickSeconds,
      ran: lateness.length,
      p50: percentile(lateness, 50),
      p99: percentile(lateness, 99),
      max: Math.max(...lateness),
    };
  } finally {
    await floor?.stop();
    await scheduler.stop();
    await db.close();
  }
}
