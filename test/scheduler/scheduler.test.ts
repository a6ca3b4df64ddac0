import { afterEach, describe, expect, it } from "vitest";
import type { DeliveryChannel } from "../../src/core/outbox.ts";
import { createLogger } from "../../src/logging.ts";
import { Scheduler } from "../../src/scheduler/scheduler.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine } from "../support/engine.ts";

const logger = createLogger("silent");
const schedulers: Scheduler[] = [];
afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
});

describeEachDatabase("the scheduler tick", (target) => {
  it("escalates an unanswered page on its own once the timeout has passed, and delivers the outbox", async () => {
    const db = await target.open({}, await target.createDatabase());
    const t = await createTestEngine(db);
    const delivered: string[] = [];
    const channel: DeliveryChannel = {
      name: "slack",
      async deliver(item) {
        delivered.push(item.dedupeKey);
        return null;
      },
    };
    const scheduler = new Scheduler(t.engine, new Map([["slack", channel]]), logger, 1);
    schedulers.push(scheduler);
    const incident = await t.engine.declare(t.as("pieter-declercq"), {
      classification: "crisis",
      scope: "totaal",
      description: "Ransomware op de servers",
    });
    scheduler.start();
    await waitFor(() => delivered.length > 0);
    const before = await t.ctx.store.pages.listForIncident(incident.id);
    expect(before.every((p) => p.attempt === 0)).toBe(true);

    t.clock.advanceMinutes(16);
    const silent = async () =>
      (await t.ctx.store.pages.listForIncident(incident.id)).filter((p) => p.status === "silent");
    await waitFor(async () => (await silent()).length === 8);
    const after = await t.ctx.store.pages.listForIncident(incident.id);
    // Every silent holder led to a page for the function's first alternate.
    for (const page of await silent()) {
      expect(after.some((p) => p.functionId === page.functionId && p.attempt > page.attempt)).toBe(
        true,
      );
    }
    expect(scheduler.lastTick).not.toBeNull();
    const queued = await t.ctx.store.outbox.listForIncident(incident.id);
    await waitFor(() => delivered.length === queued.length);
    expect(new Set(delivered).size).toBe(delivered.length);
  });
});

describe("Scheduler.tick", () => {
  it("survives a failing database and reports an empty tick", async () => {
    const engine = {
      runDueJobs: async () => {
        throw new Error("database is down");
      },
    } as never;
    const scheduler = new Scheduler(engine, new Map(), logger, 1);
    const report = await scheduler.tick();
    expect(report.jobs).toEqual({ done: 0, lost: 0, failed: 0 });
  });

  it("shares one tick between concurrent callers", async () => {
    let runs = 0;
    const engine = {
      runDueJobs: async () => {
        runs += 1;
        await new Promise((r) => setTimeout(r, 20));
        return { done: 0, lost: 0, failed: 0 };
      },
    } as never;
    const scheduler = new Scheduler(engine, new Map(), logger, 1);
    const [a, b] = await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect(a).toBe(b);
    expect(runs).toBe(1);
  });
});

describe("Scheduler: a tick that goes on running jobs", () => {
  it("delivers what a batch of jobs queued without waiting for the tick's last batch", async () => {
    let lastBatchDone!: () => void;
    let dispatches = 0;
    const engine = {
      runDueJobs: async (_owner: string, _limit: undefined, afterBatch: () => void) => {
        afterBatch();
        await new Promise<void>((resolve) => {
          lastBatchDone = resolve;
        });
        return { done: 100, lost: 0, failed: 0 };
      },
      dispatch: async () => {
        dispatches += 1;
        return { sent: 1, retried: 0, dead: 0 };
      },
    } as never;
    const channel: DeliveryChannel = { name: "slack", deliver: async () => null };
    const scheduler = new Scheduler(engine, new Map([["slack", channel]]), logger, 1);
    schedulers.push(scheduler);
    const tick = scheduler.tick();
    try {
      await waitFor(() => dispatches > 0, 2000);
    } finally {
      lastBatchDone();
      await tick;
    }
  });
});

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 8000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}
