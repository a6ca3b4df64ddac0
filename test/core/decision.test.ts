import { beforeEach, expect, it } from "vitest";
import type { RampError } from "../../src/core/errors.ts";
import type { Incident } from "../../src/core/model.ts";
import { buildReview } from "../../src/core/review/build.ts";
import { tableOf } from "../review/helpers.ts";
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

  /** A change of decision as the coordinator confirms it after seeing what it does. */
  const change = (
    by: string,
    input: { situation: "A" | "B"; locationId?: string; reason: string },
  ) => t.engine.decide(t.as(by), incident.id, { ...input, confirmed: true });

  it("refuses a change without a reason or without a confirmation, and changes nothing", async () => {
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    const claimed = await taskOf(t, incident.id, "b-tech-internet-telefonie");
    await t.engine.task(t.as("kevin-dumon"), claimed.id, "claim");
    const before = await t.ctx.store.tasks.listForIncident(incident.id);

    const noReason = t.engine.decide(t.as(COORDINATOR), incident.id, {
      situation: "A",
      locationId: "bibliotheek",
      reason: "  ",
      confirmed: true,
    });
    await expect(noReason).rejects.toMatchObject({ code: "decision-change-reason" });
    const error = await noReason.catch((e: RampError) => e.view());
    expect(error).toMatchObject({
      nl: "De huidige beslissing is situatie B. Een wijziging vraagt een reden: zeg waarom, zodat de crisisstaf en de review het weten.",
      en: "The current decision is situatie B. A change needs a reason: say why, so the crisis staff and the review know.",
    });
    await expect(
      t.engine.decide(t.as(COORDINATOR), incident.id, {
        situation: "A",
        locationId: "bibliotheek",
        reason: "Schade groter dan gedacht",
      }),
    ).rejects.toMatchObject({ code: "decision-change-unconfirmed" });

    expect(await t.ctx.store.tasks.listForIncident(incident.id)).toEqual(before);
    expect(await entries(t, incident.id, "decision.made")).toHaveLength(1);
    expect(await t.ctx.store.decisions.listForIncident(incident.id)).toHaveLength(1);
    expect((await t.ctx.store.incidents.get(incident.id))!.situation).toBe("B");
    expect(await noticesOf(t, incident.id, "task-cancelled")).toEqual([]);
  });

  it("carries shared tasks and services over with owner and state, cancels the rest and tells their owners", async () => {
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    const done = await taskOf(t, incident.id, "b-org-externe-communicatie"); // not shared
    const claimed = await taskOf(t, incident.id, "b-tech-backups"); // shared with A
    const blocked = await taskOf(t, incident.id, "b-org-verzekeraar"); // shared
    const sharedDone = await taskOf(t, incident.id, "b-org-sociale-dienst"); // shared
    const lost = await taskOf(t, incident.id, "b-tech-internet-telefonie"); // not shared
    await t.engine.task(t.as("hanne-desmet"), done.id, "complete");
    await t.engine.task(t.as("bart-lannoo"), claimed.id, "claim");
    await t.engine.task(t.as("katrien-dewilde"), blocked.id, "block", "Polisnummer onbekend");
    await t.engine.task(t.as("els-verhaeghe"), sharedDone.id, "complete");
    await t.engine.task(t.as("kevin-dumon"), lost.id, "claim");
    const restored = (await t.ctx.store.services.listForIncident(incident.id)).find(
      (s) => s.serviceId === "sociale-dienst",
    )!;
    expect(restored.restoredAt).toEqual(at(1));

    t.clock.set(at(3));
    const preview = await t.engine.previewDecision(t.as(DEPUTY), incident.id, {
      situation: "A",
      locationId: "bibliotheek",
    });
    expect(preview.changing).toBe(true);
    expect(preview.change!.carried.map((c) => c.to.id).sort()).toEqual([
      "a-org-betalingen",
      "a-org-personeel-informeren",
      "a-org-residentie",
      "a-org-sociale-dienst",
      "a-org-verzekeraar",
      "a-tech-backups",
      "a-tech-restore",
    ]);
    expect(preview.change!.cancelled.map((x) => x.planTaskId)).toContain(
      "b-tech-internet-telefonie",
    );
    // The preview changed nothing.
    expect((await t.ctx.store.incidents.get(incident.id))!.situation).toBe("B");

    await change(DEPUTY, {
      situation: "A",
      locationId: "bibliotheek",
      reason: "Schade groter dan gedacht",
    });

    // The same tasks, now A's, with their owner and state; deadlines from A's plan.
    expect(await t.ctx.store.tasks.get(claimed.id)).toMatchObject({
      situation: "A",
      planTaskId: "a-tech-backups",
      status: "claimed",
      ownerId: "bart-lannoo",
      deadlineAt: at(24),
    });
    expect(await pendingJobs(t, incident.id, claimed.id)).toEqual([
      "task-reminder@20",
      "task-reminder@23",
      "task-overdue@24",
    ]);
    expect(await t.ctx.store.tasks.get(blocked.id)).toMatchObject({
      situation: "A",
      planTaskId: "a-org-verzekeraar",
      status: "blocked",
      ownerId: "katrien-dewilde",
      blockedReason: "Polisnummer onbekend",
    });
    expect(await t.ctx.store.tasks.get(sharedDone.id)).toMatchObject({
      situation: "A",
      status: "done",
      ownerId: "els-verhaeghe",
    });
    expect(await t.ctx.store.services.get(restored.id)).toMatchObject({
      situation: "A",
      restoredAt: at(1),
    });

    const tasks = await t.ctx.store.tasks.listForIncident(incident.id);
    const a = tasks.filter((x) => x.situation === "A");
    expect(a).toHaveLength(16);
    expect(a.filter((x) => x.status === "open")).toHaveLength(16 - 3);
    const b = tasks.filter((x) => x.situation === "B");
    expect(b.map((x) => [x.planTaskId, x.status]).sort()).toEqual([
      ["b-org-coordinatie", "cancelled"],
      ["b-org-externe-communicatie", "done"],
      ["b-org-maaltijden", "cancelled"],
      ["b-org-onthaal", "cancelled"],
      ["b-tech-ict-middelen", "cancelled"],
      ["b-tech-internet-telefonie", "cancelled"],
    ]);
    expect(await pendingJobs(t, incident.id, lost.id)).toEqual([]);
    expect(await t.ctx.store.services.listForIncident(incident.id)).toHaveLength(5);

    // Only the owner of the cancelled task is told, with the reason.
    expect(await noticesOf(t, incident.id, "task-cancelled")).toEqual([
      {
        to: "kevin-dumon",
        text:
          "De beslissing is gewijzigd naar situatie A — Bibliotheek De Heidebloem – leeszaal 1e verdieping. " +
          'Uw taak "Onderbroken internet en telefonie herstellen" is daardoor geannuleerd; u hoeft er niet ' +
          "verder aan te werken. Reden: Schade groter dan gedacht",
      },
    ]);

    const made = (await entries(t, incident.id, "decision.made")).at(-1)!;
    expect(made.data).toMatchObject({
      situation: "A",
      reason: "Schade groter dan gedacht",
      changes: { situation: "B", locationId: null },
      cancelled: expect.arrayContaining([
        expect.objectContaining({
          taskId: lost.id,
          ownerId: "kevin-dumon",
          status: "claimed",
        }),
      ]),
      carried: expect.arrayContaining([
        {
          taskId: claimed.id,
          title: "Back-ups beschikbaar stellen",
          from: "b-tech-backups",
          to: "a-tech-backups",
          status: "claimed",
          ownerId: "bart-lannoo",
          blockedReason: null,
          deadlineFrom: at(12).toISOString(),
          deadlineTo: at(24).toISOString(),
        },
      ]),
    });
    expect(made.data.carried).toHaveLength(7);
    expect(made.data.cancelled).toHaveLength(5);
    const planned = (await entries(t, incident.id, "tasks.planned")).at(-1)!;
    expect(planned.data).toMatchObject({ situation: "A", reopened: false, cancelledFrom: "B" });
    expect(planned.data.tasks).toHaveLength(9);
    expect(planned.data.carried).toHaveLength(7);

    const notice = (await noticesOf(t, incident.id, "decision"))
      .map((n) => n.text)
      .find((text) => text.startsWith("Beslissing gewijzigd: situatie A"));
    expect(notice).toContain("\n• Back-ups beschikbaar stellen — Bart Lannoo (opgenomen)\n");
    expect(notice).toContain(
      "\nGeannuleerd:\n• Onderbroken internet en telefonie herstellen — Kevin Dumon (opgenomen)\n• Maaltijdbedeling en thuisdiensten verzekeren — niemand (open)\n",
    );
    const view = await t.engine.views.decision(incident.id);
    expect(view.history.map((h) => [h.at, h.by])).toEqual([
      ["za 21 nov 23:00", "Pieter Declercq"],
      ["zo 22 nov 01:00", "Sofie Vermeulen"],
    ]);
    // The board and the cards show the last change: why, what was cancelled, what carried over.
    expect(view.lastChange).toMatchObject({
      by: "Sofie Vermeulen",
      from: "situatie B",
      to: "situatie A (Bibliotheek De Heidebloem – leeszaal 1e verdieping)",
      reason: "Schade groter dan gedacht",
    });
    expect(view.lastChange!.cancelled[0]).toBe(
      "Onderbroken internet en telefonie herstellen — Kevin Dumon (opgenomen)",
    );
    expect(view.lastChange!.carried).toContain(
      "Verzekeraar contacteren voor expertise — Katrien De Wilde (geblokkeerd: Polisnummer onbekend)",
    );
    // The review's decision log says the same.
    const [, , , , notes] = tableOf(await buildReview(t.engine, incident.id), "decisions").rows.at(
      -1,
    )!;
    expect(notes).toContain("Reden: Schade groter dan gedacht");
    expect(notes).toContain(
      "Geannuleerd: Onderbroken internet en telefonie herstellen (Kevin Dumon)",
    );
    expect(notes).toContain("Doorgelopen met eigenaar en toestand, deadline herberekend: ");
    expect(notes).toContain("Back-ups beschikbaar stellen (Bart Lannoo)");
  });

  it("going back to B carries the shared work back and reopens B's cancelled tasks", async () => {
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    const done = await taskOf(t, incident.id, "b-org-externe-communicatie");
    const claimed = await taskOf(t, incident.id, "b-tech-internet-telefonie");
    const shared = await taskOf(t, incident.id, "b-tech-backups");
    await t.engine.task(t.as("hanne-desmet"), done.id, "complete");
    await t.engine.task(t.as("kevin-dumon"), claimed.id, "claim");
    await t.engine.task(t.as("bart-lannoo"), shared.id, "claim");
    await change(COORDINATOR, {
      situation: "A",
      locationId: "wzc-ter-heide",
      reason: "Gebouw onveilig",
    });
    const aDone = await taskOf(t, incident.id, "a-tech-website");
    await t.engine.task(t.as("hanne-desmet"), aDone.id, "complete");
    const aClaimed = await taskOf(t, incident.id, "a-org-bureaumateriaal");
    await t.engine.task(t.as("katrien-dewilde"), aClaimed.id, "claim");

    t.clock.set(at(5));
    await change(COORDINATOR, { situation: "B", reason: "Uitwijklocatie onder water" });
    const tasks = await t.ctx.store.tasks.listForIncident(incident.id);
    const b = tasks.filter((x) => x.situation === "B");
    expect(b).toHaveLength(13);
    expect(b.filter((x) => x.status === "done").map((x) => x.id)).toEqual([done.id]);
    expect(await t.ctx.store.tasks.get(shared.id)).toMatchObject({
      situation: "B",
      planTaskId: "b-tech-backups",
      status: "claimed",
      ownerId: "bart-lannoo",
      deadlineAt: at(12),
    });
    expect(await t.ctx.store.tasks.get(claimed.id)).toMatchObject({
      status: "open",
      ownerId: null,
      claimedAt: null,
    });
    const a = tasks.filter((x) => x.situation === "A");
    expect(a.filter((x) => x.status === "done").map((x) => x.id)).toEqual([aDone.id]);
    expect(a.filter((x) => x.status === "cancelled")).toHaveLength(8);
    expect(await noticesOf(t, incident.id, "task-cancelled")).toEqual([
      { to: "katrien-dewilde", text: expect.stringContaining('"Bureaumateriaal bestellen"') },
      { to: "kevin-dumon", text: expect.stringContaining('"Onderbroken internet en telefonie') },
    ]);

    const planned = (await entries(t, incident.id, "tasks.planned")).at(-1)!;
    expect(planned.data).toMatchObject({ situation: "B", reopened: true, cancelledFrom: "A" });
    expect((planned.data.tasks as string[]).sort()).toEqual(
      b
        .filter((x) => x.status === "open" && !(planned.data.carried as string[]).includes(x.id))
        .map((x) => x.id)
        .sort(),
    );
    // Reminders come back for what is still ahead at 5:00: internet is due at 8:00.
    expect(await pendingJobs(t, incident.id, claimed.id)).toEqual([
      "task-reminder@7",
      "task-overdue@8",
    ]);
    expect(await t.ctx.store.decisions.listForIncident(incident.id)).toHaveLength(3);
  });

  it("a different fallback location is a change too: reason and confirmation, tasks untouched", async () => {
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
    await expect(
      t.engine.decide(t.as(COORDINATOR), incident.id, {
        situation: "A",
        locationId: "bibliotheek",
      }),
    ).rejects.toMatchObject({ code: "decision-change-reason" });
    await change(COORDINATOR, {
      situation: "A",
      locationId: "bibliotheek",
      reason: "Zaal WZC bezet",
    });
    expect(await t.ctx.store.tasks.listForIncident(incident.id)).toEqual(before);
    expect(await entries(t, incident.id, "tasks.planned")).toHaveLength(1);
    expect((await entries(t, incident.id, "decision.made")).at(-1)!.data).toMatchObject({
      changes: { situation: "A", locationId: "wzc-ter-heide" },
      carried: [],
      cancelled: [],
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
