import { beforeEach, expect, it } from "vitest";
import type { Incident, Task } from "../../src/core/model.ts";
import { describeEachDatabase } from "../support/databases.ts";
import type { TestEngine } from "../support/engine.ts";
import {
  at,
  COORDINATOR,
  DEPUTY,
  declare,
  entries,
  freshEngine,
  noticesOf,
  overlapTransactions,
  pendingJobs,
  taskOf,
} from "./fixtures.ts";

const BART = "bart-lannoo";
const KEVIN = "kevin-dumon";

describeEachDatabase("working on tasks", (target) => {
  let t: TestEngine;
  let incident: Incident;
  let restore: Task;
  beforeEach(async () => {
    ({ t } = await freshEngine(target));
    incident = await declare(t);
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    restore = await taskOf(t, incident.id, "b-tech-restore");
    t.clock.set(at(2));
  });

  it("claims, releases and completes, telling a second claimer who has the task", async () => {
    const claimed = await t.engine.task(t.as(BART), restore.id, "claim");
    expect(claimed).toMatchObject({
      status: "claimed",
      ownerId: BART,
      claimedAt: at(2),
      version: restore.version + 1,
    });
    expect((await entries(t, incident.id, "task.claimed"))[0]).toMatchObject({
      actorId: BART,
      source: "slack",
      at: at(2),
      data: {
        taskId: restore.id,
        planTaskId: "b-tech-restore",
        title: "Restore van de systemen coördineren",
        from: "open",
        to: "claimed",
        ownerId: BART,
      },
    });
    // A double click changes nothing.
    expect((await t.engine.task(t.as(BART), restore.id, "claim")).version).toBe(claimed.version);
    expect(await entries(t, incident.id, "task.claimed")).toHaveLength(1);

    // A refusal names who can act instead: the owner, the coordinator and the deputies.
    const leaders = "Pieter Declercq of Sofie Vermeulen";
    const taken = { code: "task-claimed", params: { name: "Bart Lannoo", leaders } };
    const notYours = { code: "task-not-yours", params: { name: "Bart Lannoo", leaders } };
    await expect(t.engine.task(t.as(KEVIN), restore.id, "claim")).rejects.toMatchObject(taken);
    const refusal = await t.engine.task(t.as(KEVIN), restore.id, "claim").catch((e) => e.view());
    expect(refusal).toEqual({
      code: "task-claimed",
      nl: "Al opgenomen door Bart Lannoo. Overnemen kan als Bart Lannoo de taak vrijgeeft, of via de coördinator of een plaatsvervanger: Pieter Declercq of Sofie Vermeulen.",
      en: "Already claimed by Bart Lannoo. To take it over, ask Bart Lannoo to release it, or ask the coordinator or a deputy: Pieter Declercq or Sofie Vermeulen.",
    });
    const notHis = await t.engine.task(t.as(KEVIN), restore.id, "release").catch((e) => e.view());
    expect(notHis.nl).toBe(
      "Deze taak is van Bart Lannoo. Enkel Bart Lannoo of de coördinator of een plaatsvervanger (Pieter Declercq of Sofie Vermeulen) kan dit doen.",
    );
    await expect(t.engine.task(t.as(KEVIN), restore.id, "release")).rejects.toMatchObject(notYours);
    await expect(t.engine.task(t.as(KEVIN), restore.id, "complete")).rejects.toMatchObject(
      notYours,
    );
    await expect(t.engine.task(t.as(KEVIN), restore.id, "block", "x")).rejects.toMatchObject(
      notYours,
    );
    expect((await t.ctx.store.tasks.get(restore.id))!.ownerId).toBe(BART);

    const released = await t.engine.task(t.as(BART), restore.id, "release");
    expect(released).toMatchObject({ status: "open", ownerId: null, claimedAt: null });
    expect((await entries(t, incident.id, "task.released"))[0]!.data).toMatchObject({
      from: "claimed",
      to: "open",
      ownerId: null,
    });
    await t.engine.task(t.as(BART), restore.id, "release"); // already open: no-op
    expect(await entries(t, incident.id, "task.released")).toHaveLength(1);

    await t.engine.task(t.as(KEVIN), restore.id, "claim");
    t.clock.set(at(3));
    const done = await t.engine.task(t.as(KEVIN, "teams"), restore.id, "complete");
    expect(done).toMatchObject({ status: "done", ownerId: KEVIN, completedAt: at(3) });
    expect((await entries(t, incident.id, "task.completed"))[0]).toMatchObject({
      actorId: KEVIN,
      source: "teams",
      data: { from: "claimed", to: "done", ownerId: KEVIN, onTime: true },
    });
    expect(await pendingJobs(t, incident.id, restore.id)).toEqual([]);
    await t.engine.task(t.as(KEVIN), restore.id, "complete"); // double click
    expect(await entries(t, incident.id, "task.completed")).toHaveLength(1);
    await expect(t.engine.task(t.as(BART), restore.id, "claim")).rejects.toMatchObject({
      code: "task-state",
      params: { status: "klaar" },
    });
    await expect(t.engine.task(t.as("iemand-anders"), restore.id, "claim")).rejects.toMatchObject({
      code: "not-in-plan",
    });
  });

  it("blocks only with a reason, tells the leaders, and unblocks", async () => {
    await t.engine.task(t.as(BART), restore.id, "claim");
    await expect(t.engine.task(t.as(BART), restore.id, "block")).rejects.toMatchObject({
      code: "reason-required",
    });
    await expect(t.engine.task(t.as(BART), restore.id, "block", "   ")).rejects.toMatchObject({
      code: "reason-required",
    });
    const blocked = await t.engine.task(
      t.as(BART),
      restore.id,
      "block",
      " Leverancier onbereikbaar ",
    );
    expect(blocked).toMatchObject({
      status: "blocked",
      ownerId: BART,
      blockedReason: "Leverancier onbereikbaar",
    });
    expect((await entries(t, incident.id, "task.blocked"))[0]!.data).toMatchObject({
      from: "claimed",
      to: "blocked",
      reason: "Leverancier onbereikbaar",
    });
    const text =
      'Geblokkeerd: "Restore van de systemen coördineren" (Bart Lannoo): Leverancier onbereikbaar';
    expect(await noticesOf(t, incident.id, "log", restore.id)).toEqual([
      { to: COORDINATOR, text },
      { to: DEPUTY, text },
    ]);
    await expect(t.engine.task(t.as(KEVIN), restore.id, "claim")).rejects.toMatchObject({
      code: "task-claimed",
      params: { name: "Bart Lannoo" },
    });
    await expect(t.engine.task(t.as(KEVIN), restore.id, "unblock")).rejects.toMatchObject({
      code: "task-not-yours",
    });

    const unblocked = await t.engine.task(t.as(BART), restore.id, "unblock");
    expect(unblocked).toMatchObject({ status: "claimed", ownerId: BART, blockedReason: null });
    expect((await entries(t, incident.id, "task.unblocked"))[0]!.data).toMatchObject({
      from: "blocked",
      to: "claimed",
    });
    await t.engine.task(t.as(BART), restore.id, "unblock"); // not blocked: no-op
    expect(await entries(t, incident.id, "task.unblocked")).toHaveLength(1);

    // Blocking an open task makes the blocker its owner.
    const backups = await taskOf(t, incident.id, "b-tech-backups");
    expect(await t.engine.task(t.as(KEVIN), backups.id, "block", "Geen toegang")).toMatchObject({
      status: "blocked",
      ownerId: KEVIN,
      claimedAt: at(2),
    });
  });

  it("lets a leader release or complete someone else's task", async () => {
    await t.engine.task(t.as(BART), restore.id, "claim");
    expect(await t.engine.task(t.as(DEPUTY), restore.id, "release")).toMatchObject({
      status: "open",
      ownerId: null,
    });
    expect((await entries(t, incident.id, "task.released"))[0]!.actorId).toBe(DEPUTY);

    await t.engine.task(t.as(KEVIN), restore.id, "claim");
    const done = await t.engine.task(t.as(COORDINATOR), restore.id, "complete");
    expect(done).toMatchObject({ status: "done", ownerId: KEVIN, completedAt: at(2) });
    expect((await entries(t, incident.id, "task.completed"))[0]).toMatchObject({
      actorId: COORDINATOR,
      data: { ownerId: KEVIN },
    });
  });

  it("lets the coordinator assign and reassign, and tells the new owner", async () => {
    await expect(t.engine.assign(t.as(BART), restore.id, KEVIN)).rejects.toMatchObject({
      code: "not-coordinator",
    });
    await expect(t.engine.assign(t.as(COORDINATOR), restore.id, "niemand")).rejects.toMatchObject({
      code: "person-not-found",
      params: { id: "niemand" },
    });
    const assigned = await t.engine.assign(t.as(COORDINATOR), restore.id, KEVIN);
    expect(assigned).toMatchObject({ status: "claimed", ownerId: KEVIN, claimedAt: at(2) });
    t.clock.set(at(2.5));
    const reassigned = await t.engine.assign(t.as(DEPUTY), restore.id, BART);
    expect(reassigned).toMatchObject({ status: "claimed", ownerId: BART, claimedAt: at(2.5) });
    await t.engine.assign(t.as(DEPUTY), restore.id, BART); // already Bart's: no-op

    const assignments = await entries(t, incident.id, "task.assigned");
    expect(assignments.map((e) => [e.actorId, e.data.ownerId, e.data.previousOwnerId])).toEqual([
      [COORDINATOR, KEVIN, null],
      [DEPUTY, BART, KEVIN],
    ]);
    expect(await noticesOf(t, incident.id, "task-assigned", restore.id)).toEqual([
      {
        to: BART,
        text: 'Sofie Vermeulen wees u de taak "Restore van de systemen coördineren" toe.',
      },
      {
        to: KEVIN,
        text: 'Pieter Declercq wees u de taak "Restore van de systemen coördineren" toe.',
      },
    ]);

    // A blocked task stays blocked with its new owner; a done task cannot be assigned.
    await t.engine.task(t.as(BART), restore.id, "block", "Wacht op leverancier");
    expect(await t.engine.assign(t.as(COORDINATOR), restore.id, KEVIN)).toMatchObject({
      status: "blocked",
      ownerId: KEVIN,
      blockedReason: "Wacht op leverancier",
    });
    await t.engine.task(t.as(KEVIN), restore.id, "complete");
    await expect(t.engine.assign(t.as(COORDINATOR), restore.id, BART)).rejects.toMatchObject({
      code: "task-state",
    });
  });

  it("claims with one conditional write on status and version", async () => {
    const expectOpen = { status: ["open"] as const, version: restore.version };
    const first = await t.ctx.store.tasks.transition(restore.id, expectOpen, {
      status: "claimed",
      ownerId: BART,
    });
    expect(first).toMatchObject({
      won: true,
      task: { ownerId: BART, version: restore.version + 1 },
    });
    const second = await t.ctx.store.tasks.transition(restore.id, expectOpen, {
      status: "claimed",
      ownerId: KEVIN,
    });
    expect(second).toMatchObject({ won: false, task: { ownerId: BART } });
    const stale = await t.ctx.store.tasks.transition(
      restore.id,
      { status: ["claimed"], version: restore.version },
      { status: "done" },
    );
    expect(stale).toMatchObject({ won: false, task: { status: "claimed" } });
  });

  it("lets exactly one of 20 simultaneous claimers win and names the winner to the others", async () => {
    const people = t.plan.people.map((p) => p.id).slice(0, 20);
    expect(new Set(people).size).toBe(20);
    if (target.provider === "postgresql") overlapTransactions(t);
    const results = await Promise.allSettled(
      people.map((person) => t.engine.task(t.as(person), restore.id, "claim")),
    );
    const winners = people.filter((_, i) => results[i]!.status === "fulfilled");
    expect(winners).toHaveLength(1);
    const name = t.engine.directory.name(winners[0]);
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser.reason).toMatchObject({ code: "task-claimed", params: { name } });
    }
    const claims = await entries(t, incident.id, "task.claimed");
    expect(claims.map((e) => e.actorId)).toEqual(winners);
    expect(await t.ctx.store.tasks.get(restore.id)).toMatchObject({
      status: "claimed",
      ownerId: winners[0],
      version: restore.version + 1,
    });
    expect((await t.engine.verifyTimeline(incident.id)).ok).toBe(true);
  });
});

describeEachDatabase("restoring services", (target) => {
  let t: TestEngine;
  let incident: Incident;
  beforeEach(async () => {
    ({ t } = await freshEngine(target));
    incident = await declare(t);
  });

  const service = async (serviceId: string) =>
    (await t.ctx.store.services.listForIncident(incident.id)).find(
      (s) => s.serviceId === serviceId && s.situation === incident.situation,
    )!;

  it("restores a service by itself once all its tasks are done", async () => {
    await t.engine.decide(t.as(COORDINATOR), incident.id, {
      situation: "A",
      locationId: "wzc-ter-heide",
    });
    incident = (await t.ctx.store.incidents.get(incident.id))!;
    const meals = await taskOf(t, incident.id, "a-org-maaltijden");
    const homeCare = await taskOf(t, incident.id, "a-org-thuiszorg");
    t.clock.set(at(10));
    await t.engine.task(t.as("dirk-vandenbroucke"), meals.id, "complete");
    expect((await service("dienstverlening")).restoredAt).toBeNull();
    expect(await entries(t, incident.id, "service.restored")).toEqual([]);

    t.clock.set(at(20));
    await t.engine.task(t.as("nathalie-ghekiere"), homeCare.id, "complete");
    const restored = await service("dienstverlening");
    expect(restored).toMatchObject({
      restoredAt: at(20),
      restoredBy: "tasks",
      restoredById: null,
    });
    expect(await entries(t, incident.id, "service.restored")).toMatchObject([
      {
        actorId: null,
        source: "system",
        data: {
          serviceId: "dienstverlening",
          situation: "A",
          priority: 1,
          by: "tasks",
          deadlineAt: at(24).toISOString(),
          withinRto: true,
        },
      },
    ]);
    expect(await pendingJobs(t, incident.id, restored.id)).toEqual([]);
  });

  it("records a restoration after the RTO as not within it", async () => {
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    incident = (await t.ctx.store.incidents.get(incident.id))!;
    const reception = await taskOf(t, incident.id, "b-org-onthaal");
    t.clock.set(at(25));
    await t.engine.task(t.as("griet-debaene"), reception.id, "complete");
    expect((await entries(t, incident.id, "task.completed"))[0]!.data.onTime).toBe(false);
    expect((await entries(t, incident.id, "service.restored"))[0]!.data).toMatchObject({
      serviceId: "administratie",
      by: "tasks",
      deadlineAt: at(24).toISOString(),
      withinRto: false,
    });
  });

  it("lets the coordinator mark a service restored by hand, once", async () => {
    await expect(
      t.engine.restoreService(t.as(COORDINATOR), incident.id, "administratie"),
    ).rejects.toMatchObject({ code: "no-decision" });
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    incident = (await t.ctx.store.incidents.get(incident.id))!;
    await expect(
      t.engine.restoreService(t.as(BART), incident.id, "administratie"),
    ).rejects.toMatchObject({ code: "not-coordinator" });
    await expect(
      t.engine.restoreService(t.as(COORDINATOR), incident.id, "kantine"),
    ).rejects.toMatchObject({
      code: "service-not-found",
      params: {
        id: "kantine",
        known:
          "Diensten i.v.m. dienstverlening (keuken, thuisdiensten) (dienstverlening); Algemene administratie, onthaal, vergaderingen, verzending en ontvangst van postbedeling (administratie); Sociale dienst (sociale-dienst); Verhuur residentie (verhuur-residentie); Ondersteunende diensten (financiële dienst, personeelsdienst, stafdienst) (ondersteunende-diensten)",
      },
    });

    t.clock.set(at(6));
    const restored = await t.engine.restoreService(t.as(DEPUTY), incident.id, "administratie");
    expect(restored).toMatchObject({
      restoredAt: at(6),
      restoredById: DEPUTY,
      restoredBy: "coordinator",
    });
    expect(await service("administratie")).toMatchObject({
      restoredAt: at(6),
      restoredById: DEPUTY,
      restoredBy: "coordinator",
    });
    expect(await entries(t, incident.id, "service.restored")).toMatchObject([
      { actorId: DEPUTY, data: { serviceId: "administratie", by: "coordinator", withinRto: true } },
    ]);
    expect(await pendingJobs(t, incident.id, restored.id)).toEqual([]);
    await expect(
      t.engine.restoreService(t.as(COORDINATOR), incident.id, "administratie"),
    ).rejects.toMatchObject({
      code: "service-restored",
      params: {
        name: "Algemene administratie, onthaal, vergaderingen, verzending en ontvangst van postbedeling",
      },
    });
    // Finishing its task afterwards does not restore it a second time.
    await t.engine.task(
      t.as("griet-debaene"),
      (await taskOf(t, incident.id, "b-org-onthaal")).id,
      "complete",
    );
    expect(await entries(t, incident.id, "service.restored")).toHaveLength(1);
  });
});
