import { beforeEach, expect, it } from "vitest";
import type { Incident } from "../../src/core/model.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { START, type TestEngine } from "../support/engine.ts";
import {
  at,
  COORDINATOR,
  DEPUTY,
  declare,
  entries,
  freshEngine,
  HOUR,
  noticesOf,
  pendingJobs,
  taskOf,
} from "./fixtures.ts";

/** Situation B of the sample plan: deadline in hours after the declaration, and priority. */
const B_TASKS: Record<string, [hours: number, priority: number, serviceId: string | null]> = {
  "b-tech-ict-middelen": [12, 6, null],
  "b-tech-backups": [12, 6, null],
  "b-tech-restore": [24, 6, null],
  "b-tech-internet-telefonie": [8, 6, null],
  "b-org-personeel-informeren": [12, 6, null],
  "b-org-coordinatie": [48, 6, null], // no service, no own deadline: the situation's target
  "b-org-verzekeraar": [24, 6, null],
  "b-org-externe-communicatie": [6, 6, null],
  "b-org-maaltijden": [12, 1, "dienstverlening"], // the service's RTO
  "b-org-onthaal": [24, 2, "administratie"],
  "b-org-sociale-dienst": [24, 3, "sociale-dienst"],
  "b-org-residentie": [48, 4, "verhuur-residentie"],
  "b-org-betalingen": [48, 5, "ondersteunende-diensten"],
};
const B_SERVICES: Array<[string, number]> = [
  ["dienstverlening", 12],
  ["administratie", 24],
  ["sociale-dienst", 24],
  ["verhuur-residentie", 48],
  ["ondersteunende-diensten", 48],
];

describeEachDatabase("evaluating and deciding", (target) => {
  let t: TestEngine;
  let incident: Incident;
  beforeEach(async () => {
    ({ t } = await freshEngine(target));
    incident = await declare(t);
    t.clock.set(at(1)); // the crisis staff met and evaluated
  });

  it("records the evaluation and keeps it with the decision", async () => {
    await expect(
      t.engine.recordEvaluation(t.as("bart-lannoo"), incident.id, "Serverlokaal uitgebrand"),
    ).rejects.toMatchObject({ code: "not-coordinator" });
    await expect(
      t.engine.recordEvaluation(t.as(COORDINATOR), incident.id, "  "),
    ).rejects.toMatchObject({ code: "invalid-input" });
    await t.engine.recordEvaluation(
      t.as(DEPUTY, "teams"),
      incident.id,
      " Serverlokaal uitgebrand ",
    );
    const [evaluation] = await entries(t, incident.id, "evaluation.recorded");
    expect(evaluation).toMatchObject({
      actorId: DEPUTY,
      source: "teams",
      at: at(1),
      data: { text: "Serverlokaal uitgebrand" },
      tags: ["evaluatie"],
    });
    const decision = await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    expect(decision.evaluation).toBe("Serverlokaal uitgebrand");
    expect((await t.engine.views.decision(incident.id)).evaluation).toBe("Serverlokaal uitgebrand");
  });

  it("refuses situation A without a known fallback location, and anyone but a leader", async () => {
    await expect(
      t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "A" }),
    ).rejects.toMatchObject({
      code: "location-required",
      params: {
        known:
          "Woonzorgcentrum Ter Heide – polyvalente zaal (wzc-ter-heide); Bibliotheek De Heidebloem – leeszaal 1e verdieping (bibliotheek)",
      },
    });
    await expect(
      t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "A", locationId: "stadhuis" }),
    ).rejects.toMatchObject({ code: "unknown-location", params: { id: "stadhuis" } });
    await expect(
      t.engine.decide(t.as("bart-lannoo"), incident.id, { situation: "B" }),
    ).rejects.toMatchObject({ code: "not-coordinator" });
    expect(await t.ctx.store.tasks.listForIncident(incident.id)).toEqual([]);
    expect(await entries(t, incident.id, "decision.made")).toEqual([]);
    expect((await t.ctx.store.incidents.get(incident.id))!.situation).toBeNull();
  });

  it("plans B's tasks and services with deadlines from the declaration and the service order", async () => {
    const decision = await t.engine.decide(t.as(COORDINATOR), incident.id, {
      situation: "B",
      reason: "Gebouw bruikbaar",
    });
    expect(decision).toMatchObject({
      seq: 1,
      situation: "B",
      locationId: null,
      decidedById: COORDINATOR,
      decidedAt: at(1),
      reason: "Gebouw bruikbaar",
    });
    const tasks = await t.ctx.store.tasks.listForIncident(incident.id);
    expect(
      Object.fromEntries(
        tasks.map((x) => [
          x.planTaskId,
          [(x.deadlineAt.getTime() - START.getTime()) / HOUR, x.priority, x.serviceId],
        ]),
      ),
    ).toEqual(B_TASKS);
    expect(
      tasks.every((x) => x.status === "open" && x.ownerId === null && x.situation === "B"),
    ).toBe(true);
    expect(await taskOf(t, incident.id, "b-tech-internet-telefonie")).toMatchObject({
      phase: "technisch",
      functionId: "deskundige-ict",
      title: "Onderbroken internet en telefonie herstellen",
    });

    const services = await t.ctx.store.services.listForIncident(incident.id);
    expect(
      services.map((s) => [s.serviceId, s.priority, s.rtoHours, s.deadlineAt, s.situation]),
    ).toEqual(B_SERVICES.map(([id, rto], i) => [id, i + 1, rto, at(rto), "B"]));
    expect(services.every((s) => s.restoredAt === null)).toBe(true);

    const [made] = await entries(t, incident.id, "decision.made");
    expect(made).toMatchObject({
      actorId: COORDINATOR,
      data: {
        decisionId: decision.id,
        situation: "B",
        locationId: null,
        locationName: null,
        reason: "Gebouw bruikbaar",
        changes: null,
      },
    });
    const [planned] = await entries(t, incident.id, "tasks.planned");
    expect(planned!.data).toMatchObject({ situation: "B", reopened: false, cancelledFrom: null });
    expect((planned!.data.tasks as string[]).sort()).toEqual(tasks.map((x) => x.id).sort());
    expect(await noticesOf(t, incident.id, "decision")).toEqual([
      {
        to: "channel",
        text:
          "Beslissing: situatie B (Situatie B – voortzetting van de diensten in de eigen gebouwen). " +
          "Doel: basisdiensten binnen 48 uur. Reden: Gebouw bruikbaar",
      },
    ]);
    await expect(
      t.engine.decide(t.as(DEPUTY), incident.id, { situation: "B" }),
    ).rejects.toMatchObject({ code: "decision-unchanged" });
  });

  it("re-plans a changed decision: B's unfinished tasks cancelled, done ones kept, A's planned", async () => {
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    const done = await taskOf(t, incident.id, "b-org-externe-communicatie");
    const claimed = await taskOf(t, incident.id, "b-tech-backups");
    await t.engine.task(t.as("hanne-desmet"), done.id, "complete");
    await t.engine.task(t.as("bart-lannoo"), claimed.id, "claim");

    t.clock.set(at(3));
    const change = await t.engine.decide(t.as(DEPUTY), incident.id, {
      situation: "A",
      locationId: "bibliotheek",
      reason: "Schade groter dan gedacht",
    });
    expect(change).toMatchObject({ seq: 2, situation: "A", locationId: "bibliotheek" });
    expect(await t.ctx.store.incidents.get(incident.id)).toMatchObject({
      situation: "A",
      locationId: "bibliotheek",
    });

    const tasks = await t.ctx.store.tasks.listForIncident(incident.id);
    const b = tasks.filter((x) => x.situation === "B");
    expect(b.filter((x) => x.status === "done").map((x) => x.planTaskId)).toEqual([
      "b-org-externe-communicatie",
    ]);
    expect(b.filter((x) => x.status === "cancelled")).toHaveLength(12);
    const a = tasks.filter((x) => x.situation === "A");
    expect(a).toHaveLength(16);
    expect(a.every((x) => x.status === "open")).toBe(true);
    // A's deadlines also count from the declaration: dienstverlening has an RTO of 24 h in A.
    expect((await taskOf(t, incident.id, "a-org-maaltijden")).deadlineAt).toEqual(at(24));
    expect((await taskOf(t, incident.id, "a-org-coordinatie-uitwijk")).deadlineAt).toEqual(at(72));
    // The cancelled tasks and B's services have no pending reminders any more.
    expect(await pendingJobs(t, incident.id, claimed.id)).toEqual([]);
    const bServices = (await t.ctx.store.services.listForIncident(incident.id)).filter(
      (s) => s.situation === "B",
    );
    for (const s of bServices) expect(await pendingJobs(t, incident.id, s.id)).toEqual([]);

    const made = (await entries(t, incident.id, "decision.made")).at(-1)!;
    expect(made).toMatchObject({
      actorId: DEPUTY,
      at: at(3),
      data: {
        situation: "A",
        locationId: "bibliotheek",
        locationName: "Bibliotheek De Heidebloem – leeszaal 1e verdieping",
        reason: "Schade groter dan gedacht",
        changes: { situation: "B", locationId: null },
      },
    });
    const planned = (await entries(t, incident.id, "tasks.planned")).at(-1)!;
    expect(planned.data).toMatchObject({ situation: "A", reopened: false, cancelledFrom: "B" });
    expect((await noticesOf(t, incident.id, "decision")).map((n) => n.text)).toContain(
      "Beslissing gewijzigd: situatie A (Situatie A – voortzetting van de diensten in de " +
        "uitwijklocatie) — Bibliotheek De Heidebloem – leeszaal 1e verdieping, Stationsstraat 12, " +
        "8981 Zonnebeke-Heide. Doel: basisdiensten binnen 72 uur. Reden: Schade groter dan gedacht",
    );
    const history = (await t.engine.views.decision(incident.id)).history;
    expect(history.map((h) => [h.at, h.by])).toEqual([
      ["za 21 nov 23:00", "Pieter Declercq"],
      ["zo 22 nov 01:00", "Sofie Vermeulen"],
    ]);
  });

  it("reopens B's cancelled tasks when the decision goes back to B", async () => {
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    const done = await taskOf(t, incident.id, "b-org-externe-communicatie");
    const claimed = await taskOf(t, incident.id, "b-tech-backups");
    await t.engine.task(t.as("hanne-desmet"), done.id, "complete");
    await t.engine.task(t.as("bart-lannoo"), claimed.id, "claim");
    await t.engine.decide(t.as(COORDINATOR), incident.id, {
      situation: "A",
      locationId: "wzc-ter-heide",
    });
    const aDone = await taskOf(t, incident.id, "a-tech-website");
    await t.engine.task(t.as("hanne-desmet"), aDone.id, "complete");

    t.clock.set(at(5));
    await t.engine.decide(t.as(COORDINATOR), incident.id, {
      situation: "B",
      reason: "Uitwijklocatie onder water",
    });
    const tasks = await t.ctx.store.tasks.listForIncident(incident.id);
    const b = tasks.filter((x) => x.situation === "B");
    expect(b).toHaveLength(13);
    expect(b.filter((x) => x.status === "done").map((x) => x.id)).toEqual([done.id]);
    expect(b.filter((x) => x.status === "open")).toHaveLength(12);
    expect(await t.ctx.store.tasks.get(claimed.id)).toMatchObject({
      status: "open",
      ownerId: null,
      claimedAt: null,
    });
    const a = tasks.filter((x) => x.situation === "A");
    expect(a.filter((x) => x.status === "done").map((x) => x.id)).toEqual([aDone.id]);
    expect(a.filter((x) => x.status === "cancelled")).toHaveLength(15);

    const planned = (await entries(t, incident.id, "tasks.planned")).at(-1)!;
    expect(planned.data).toMatchObject({ situation: "B", reopened: true, cancelledFrom: "A" });
    expect((planned.data.tasks as string[]).sort()).toEqual(
      b
        .filter((x) => x.status === "open")
        .map((x) => x.id)
        .sort(),
    );
    // Reminders come back for what is still ahead at 5:00: b-tech-backups is due at 12:00.
    expect(await pendingJobs(t, incident.id, claimed.id)).toEqual([
      "task-reminder@8",
      "task-reminder@11",
      "task-overdue@12",
    ]);
    expect((await entries(t, incident.id, "decision.made")).at(-1)!.data.changes).toEqual({
      situation: "A",
      locationId: "wzc-ter-heide",
    });
    expect(await t.ctx.store.decisions.listForIncident(incident.id)).toHaveLength(3);
  });

  it("records a different fallback location as a change without re-planning the tasks", async () => {
    await t.engine.decide(t.as(COORDINATOR), incident.id, {
      situation: "A",
      locationId: "wzc-ter-heide",
    });
    const before = await t.ctx.store.tasks.listForIncident(incident.id);
    await expect(
      t.engine.decide(t.as(COORDINATOR), incident.id, {
        situation: "A",
        locationId: "wzc-ter-heide",
      }),
    ).rejects.toMatchObject({ code: "decision-unchanged" });
    await t.engine.decide(t.as(COORDINATOR), incident.id, {
      situation: "A",
      locationId: "bibliotheek",
      reason: "Zaal WZC bezet",
    });
    expect(await t.ctx.store.tasks.listForIncident(incident.id)).toEqual(before);
    expect(await entries(t, incident.id, "tasks.planned")).toHaveLength(1);
    expect((await entries(t, incident.id, "decision.made")).at(-1)!.data.changes).toEqual({
      situation: "A",
      locationId: "wzc-ter-heide",
    });
  });

  it("takes one of two simultaneous identical decisions; the other is told it is unchanged", async () => {
    const results = await Promise.allSettled([
      t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" }),
      t.engine.decide(t.as(DEPUTY), incident.id, { situation: "B" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "decision-unchanged" });
    expect(await t.ctx.store.tasks.listForIncident(incident.id)).toHaveLength(13);
    expect(await t.ctx.store.services.listForIncident(incident.id)).toHaveLength(5);
    expect(await entries(t, incident.id, "decision.made")).toHaveLength(1);
    expect(await entries(t, incident.id, "tasks.planned")).toHaveLength(1);
  });
});
