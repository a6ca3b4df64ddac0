// The plan's practice schedule on both databases with a fake clock: Ramp starts the quarterly
// reachability test itself within the allowed hours, once with two replicas and across a
// restart, and reminds the coordinator of an exercise that is due.
import { expect, it } from "vitest";
import type { Database } from "../../src/store/database.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine, START, type TestEngine } from "../support/engine.ts";
import { COORDINATOR } from "./fixtures.ts";

/** Monday 23 November 2026, 09:00 in Brussels: the first allowed moment after START (Saturday 22:00). */
const MONDAY_NINE = new Date("2026-11-23T08:00:00Z");

const practiceJobs = async (db: Database) =>
  (
    await db.client.scheduledJob.findMany({
      where: { incidentId: null },
      orderBy: { dueAt: "asc" },
    })
  )
    .map((j) => [j.dueAt.toISOString(), `${j.kind} ${j.dueAt.toISOString()} ${j.status}`])
    .sort(([a, x], [b, y]) => a!.localeCompare(b!) || x!.localeCompare(y!))
    .map(([, line]) => line);

const tests = (t: TestEngine) => t.ctx.store.reachability.list(t.plan.organisation.id, 10);

describeEachDatabase("practice schedule", (target) => {
  it("starts the scheduled test itself at its time, once, and schedules the next", async () => {
    const url = await target.createDatabase();
    const db = await target.open({}, url);
    const t = await createTestEngine(db);
    await t.engine.ensurePracticeSchedule();
    await t.engine.ensurePracticeSchedule(); // a second replica starting: the same rows
    expect(await practiceJobs(db)).toEqual([
      // No test yet: due since the start of the month, on the first allowed weekday at 09:00.
      "exercise-reminder 2026-11-02T08:00:00.000Z pending",
      "test-due 2026-11-02T08:00:00.000Z pending",
      "exercise-reminder 2026-12-01T08:00:00.000Z pending",
    ]);

    // Saturday evening: outside the allowed hours, so the test waits for Monday 09:00.
    expect((await t.tick()).done).toBe(2);
    expect(await tests(t)).toEqual([]);
    const reminders = (await t.ctx.store.outbox.listDue(START, 100)).filter(
      (i) => i.delivery.type === "notice" && i.delivery.notice.kind === "exercise-due",
    );
    expect(reminders.map((i) => (i.audience as { personId: string }).personId)).toEqual([
      COORDINATOR,
    ]);
    expect(reminders[0]?.delivery.type === "notice" && reminders[0].delivery.notice.text).toBe(
      "Het plan vraagt een oefening, maar er werd nog geen gehouden. Plan er een met de crisisstaf (/ramp oefening).",
    );

    // The process restarts before Monday: the new one finds the same rows.
    await db.close();
    const db2 = await target.open({}, url);
    const after = await createTestEngine(db2);
    await after.engine.ensurePracticeSchedule();
    after.clock.set(new Date(MONDAY_NINE.getTime() - 60_000));
    expect((await after.tick()).done).toBe(0);

    after.clock.set(MONDAY_NINE);
    const [a, b] = await Promise.all([after.tick("replica-a"), after.tick("replica-b")]);
    expect(a.done + b.done).toBe(1);
    const [test, ...others] = await tests(after);
    expect(others).toEqual([]);
    expect(test).toMatchObject({ number: "T-2026-01", startedById: null, status: "open" });
    expect(test?.startedAt).toEqual(MONDAY_NINE);
    expect((await after.ctx.store.reachability.recipients(test!.id)).length).toBe(13);

    // Next: a quarter later, Tuesday 23 February 2027 at 09:00 (winter time again).
    expect(await practiceJobs(db2)).toContain("test-due 2027-02-23T08:00:00.000Z pending");
    // The window closes; the board shows the test and the next one.
    after.clock.set(test!.closesAt);
    expect((await after.tick()).done).toBe(1);
    const overview = await after.engine.practiceOverview();
    expect(overview.trend.map((p) => `${p.number} ${p.answered}`)).toEqual(["T-2026-01 0/13"]);
    expect(overview.lines.map((l) => `${l.label}: ${l.value}`)).toEqual([
      "Laatste bereikbaarheidstest: T-2026-01, ma 23 nov 09:00 (vandaag): 0/13 antwoordden",
      "Volgende bereikbaarheidstest: di 23 feb 09:00 (Ramp start hem zelf)",
      "Laatste oefening: nog geen",
      "Volgende oefening: achterstallig",
    ]);
    expect(overview.warnings).toEqual(["Er werd nog geen oefening gehouden."]);
  });

  it("leaves a due test for later during a real incident", async () => {
    const db = await target.open({}, await target.createDatabase());
    const t = await createTestEngine(db, { start: MONDAY_NINE });
    await t.engine.declare(t.as(COORDINATOR), {
      classification: "groot",
      scope: "totaal",
      description: "Stroomuitval",
      officeHours: true,
    });
    await t.engine.ensurePracticeSchedule();
    await t.tick();
    expect(await tests(t)).toEqual([]);
    expect(await practiceJobs(db)).toContain("test-due 2026-11-23T09:00:00.000Z pending");
  });
});
