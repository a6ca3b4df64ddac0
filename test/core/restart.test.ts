import { expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine } from "../support/engine.ts";
import { at, declare, entries, freshEngine, noticesOf } from "./fixtures.ts";

describeEachDatabase("a restart in the middle of paging", (target) => {
  it("escalates each silent page exactly once on the new engine", async () => {
    const { t: before, db, url } = await freshEngine(target);
    const incident = await declare(before);
    await before.tick(); // nothing due yet
    await db.close(); // the process stops

    const after = await createTestEngine(await target.open({}, url));
    after.clock.set(at(0.25));
    expect(await after.tick("restarted")).toEqual({ done: 8, lost: 0, failed: 0 });
    expect(await after.tick("restarted")).toEqual({ done: 0, lost: 0, failed: 0 });
    expect(await entries(after, incident.id, "page.silent")).toHaveLength(8);
    expect(await entries(after, incident.id, "page.sent")).toHaveLength(17);
    const pages = await after.ctx.store.pages.listForIncident(incident.id);
    // Seven alternates paged; the deputy's alternate, the coordinator, is coming already.
    expect(pages.filter((p) => p.attempt === 1 && p.status === "sent")).toHaveLength(7);

    // Later ticks before the alternates' timeout do nothing either.
    after.clock.set(at(0.4));
    expect((await after.tick("restarted")).done).toBe(0);
    expect(await after.ctx.store.pages.listForIncident(incident.id)).toHaveLength(17);
    expect((await after.engine.verifyTimeline(incident.id)).ok).toBe(true);
  });

  it("runs the jobs a crashed scheduler had leased once its lease expires, exactly once", async () => {
    const { t: before, db, url } = await freshEngine(target);
    const incident = await declare(before);
    // The old scheduler leases the due page timeouts, then dies before running them.
    const leaseUntil = new Date(at(0.25).getTime() + 60_000);
    const leased = await before.ctx.store.jobs.leaseDue(at(0.25), "crashed", leaseUntil, 100);
    expect(leased).toHaveLength(8);
    await db.close();

    const after = await createTestEngine(await target.open({}, url));
    after.clock.set(at(0.25));
    expect((await after.tick("restarted")).done).toBe(0);
    after.clock.set(leaseUntil);
    expect((await after.tick("restarted")).done).toBe(0);
    after.clock.set(new Date(leaseUntil.getTime() + 1));
    expect(await after.tick("restarted")).toEqual({ done: 8, lost: 0, failed: 0 });
    expect(await after.tick("restarted")).toEqual({ done: 0, lost: 0, failed: 0 });

    expect(await entries(after, incident.id, "page.silent")).toHaveLength(8);
    expect(await entries(after, incident.id, "page.sent")).toHaveLength(17);
    // The crashed scheduler cannot complete a job it no longer holds.
    expect(await after.ctx.store.jobs.complete(leased[0]!.id, "crashed", at(0.3))).toBe(false);
    const jobs = (await after.ctx.store.jobs.listForIncident(incident.id)).filter((j) =>
      leased.some((l) => l.id === j.id),
    );
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual(Array(8).fill(["done", 2]));

    // The alternates' timeouts, 15 minutes after they were paged, still run once.
    after.clock.set(new Date(leaseUntil.getTime() + 1 + 15 * 60_000));
    expect((await after.tick("restarted")).done).toBe(7);
    expect((await after.tick("restarted")).done).toBe(0);
    expect(await entries(after, incident.id, "page.exhausted")).toHaveLength(7);
    expect(await noticesOf(after, incident.id, "page-exhausted")).toHaveLength(14);
  });

  it("retries a job whose transaction failed 30 s later, and runs it only once", async () => {
    const { t } = await freshEngine(target);
    const incident = await declare(t);
    // The database drops the connection at the commit of the chunk's transaction (the eight due
    // page timeouts together), and again at the first job's own, when they rerun one by one.
    const store = t.ctx.store;
    const transaction = store.transaction.bind(store);
    let failures = 2;
    t.ctx.store = {
      ...store,
      transaction: (work) =>
        transaction(async (tx) => {
          const result = await work(tx);
          if (failures-- > 0) throw new Error("connection reset");
          return result;
        }),
    };
    t.clock.set(at(0.25));
    expect(await t.tick()).toEqual({ done: 7, lost: 0, failed: 1 });
    // Nothing of the failed run was kept.
    expect(await entries(t, incident.id, "page.silent")).toHaveLength(7);
    expect(await entries(t, incident.id, "page.sent")).toHaveLength(16);
    const retryAt = new Date(at(0.25).getTime() + 30_000);
    t.clock.set(retryAt);
    expect((await t.tick()).done).toBe(0);
    t.clock.set(new Date(retryAt.getTime() + 1));
    expect(await t.tick()).toEqual({ done: 1, lost: 0, failed: 0 });
    expect(await t.tick()).toEqual({ done: 0, lost: 0, failed: 0 });
    expect(await entries(t, incident.id, "page.silent")).toHaveLength(8);
    expect(await entries(t, incident.id, "page.sent")).toHaveLength(17);
    const timeouts = (await t.ctx.store.jobs.listForIncident(incident.id)).filter(
      (j) => j.dueAt.getTime() === at(0.25).getTime(),
    );
    expect(timeouts.map((j) => j.status)).toEqual(Array(8).fill("done"));
    expect(timeouts.map((j) => j.attempts).sort()).toEqual([1, 1, 1, 1, 1, 1, 1, 2]);
    expect((await t.engine.verifyTimeline(incident.id)).ok).toBe(true);
  });
});
