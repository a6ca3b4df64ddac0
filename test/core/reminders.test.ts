import { beforeEach, expect, it } from "vitest";
import type { Incident, IncidentService, Task } from "../../src/core/model.ts";
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
  pendingJobs,
  taskOf,
  tickAt,
} from "./fixtures.ts";

const BART = "bart-lannoo";
const COMMS = "Burgers en partners informeren via website en sociale media";
const INTERNET = "Onderbroken internet en telefonie herstellen";
const MEALS_SERVICE = "Diensten i.v.m. dienstverlening (keuken, thuisdiensten)";

describeEachDatabase("reminders and escalation", (target) => {
  let t: TestEngine;
  let incident: Incident;
  /** b-org-externe-communicatie: own deadline 6 h after the declaration, nobody claims it. */
  let comms: Task;
  /** b-tech-internet-telefonie: 8 h, claimed by Bart. */
  let internet: Task;
  /** Situation B's first service, dienstverlening: RTO 12 h. */
  let meals: IncidentService;

  beforeEach(async () => {
    ({ t } = await freshEngine(target));
    // A minor incident pages nobody, so the scheduler has only deadlines to work on.
    incident = await declare(t, COORDINATOR, "klein");
    expect(await t.ctx.store.jobs.listForIncident(incident.id)).toEqual([]);
    t.clock.set(at(1));
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    comms = await taskOf(t, incident.id, "b-org-externe-communicatie");
    internet = await taskOf(t, incident.id, "b-tech-internet-telefonie");
    meals = (await t.ctx.store.services.listForIncident(incident.id)).find(
      (s) => s.serviceId === "dienstverlening",
    )!;
    await t.engine.task(t.as(BART), internet.id, "claim");
  });

  it("schedules reminders 24 h, 4 h and 1 h before each deadline that are still ahead, and the deadline", async () => {
    expect(await pendingJobs(t, incident.id, comms.id)).toEqual([
      "task-reminder@2",
      "task-reminder@5",
      "task-overdue@6",
    ]);
    expect(await pendingJobs(t, incident.id, internet.id)).toEqual([
      "task-reminder@4",
      "task-reminder@7",
      "task-overdue@8",
    ]);
    // 24 h before a 24 h deadline is the declaration itself: already past at the decision.
    const restore = await taskOf(t, incident.id, "b-tech-restore");
    expect(await pendingJobs(t, incident.id, restore.id)).toEqual([
      "task-reminder@20",
      "task-reminder@23",
      "task-overdue@24",
    ]);
    const coordination = await taskOf(t, incident.id, "b-org-coordinatie");
    expect(await pendingJobs(t, incident.id, coordination.id)).toEqual([
      "task-reminder@24",
      "task-reminder@44",
      "task-reminder@47",
      "task-overdue@48",
    ]);
    expect(await pendingJobs(t, incident.id, meals.id)).toEqual([
      "service-reminder@8",
      "service-reminder@11",
      "service-overdue@12",
    ]);
  });

  it("reminds the coordinator and the channel of an unclaimed task, then escalates to the leaders", async () => {
    expect((await tickAt(t, at(1.99))).done).toBe(0);
    expect((await tickAt(t, at(2))).done).toBe(1);
    const first = `Nog niemand nam "${COMMS}" op; deadline zo 22 nov 04:00 (nog 4 u). Wie neemt ze op?`;
    expect(await noticesOf(t, incident.id, "task-reminder", comms.id)).toEqual([
      { to: "channel", text: first },
      { to: COORDINATOR, text: first },
    ]);
    expect((await entries(t, incident.id, "reminder.sent"))[0]).toMatchObject({
      actorId: null,
      source: "system",
      at: at(2),
      data: { taskId: comms.id, to: "coordinator+channel", dueAt: at(6).toISOString() },
    });

    expect((await tickAt(t, at(5))).done).toBe(2); // this reminder, and Bart's 4 h one
    const second = `Nog niemand nam "${COMMS}" op; deadline zo 22 nov 04:00 (nog 1 u). Wie neemt ze op?`;
    expect(await noticesOf(t, incident.id, "task-reminder", comms.id)).toEqual([
      { to: "channel", text: second },
      { to: "channel", text: first },
      { to: COORDINATOR, text: second },
      { to: COORDINATOR, text: first },
    ]);

    expect((await tickAt(t, at(6))).done).toBe(1);
    const missed = `Deadline gemist: "${COMMS}" (eigenaar: niemand, status: open) moest klaar zijn om zo 22 nov 04:00.`;
    expect(await noticesOf(t, incident.id, "task-overdue", comms.id)).toEqual([
      { to: "channel", text: missed },
      { to: COORDINATOR, text: missed },
      { to: DEPUTY, text: missed },
    ]);
    expect(await entries(t, incident.id, "deadline.missed")).toMatchObject([
      {
        actorId: null,
        data: {
          taskId: comms.id,
          ownerId: null,
          status: "open",
          deadlineAt: at(6).toISOString(),
        },
      },
    ]);
    expect((await t.engine.views.taskCard(comms.id)).overdue).toBe(false); // due this minute
    t.clock.set(at(6.5));
    expect(await t.engine.views.taskCard(comms.id)).toMatchObject({
      overdue: true,
      remaining: "30 min te laat",
    });
    expect((await t.tick()).done).toBe(0);
  });

  it("reminds the owner of a claimed task and escalates to the leaders and the owner", async () => {
    expect((await tickAt(t, at(4))).done).toBe(2); // Bart's 4 h reminder and the 2 h one of comms
    const text = `Herinnering: "${INTERNET}" moet klaar zijn tegen zo 22 nov 06:00 (nog 4 u).`;
    expect(await noticesOf(t, incident.id, "task-reminder", internet.id)).toEqual([
      { to: BART, text },
      { to: "channel", text },
    ]);
    expect(
      (await entries(t, incident.id, "reminder.sent")).find((e) => e.data.taskId === internet.id)!
        .data,
    ).toEqual({ taskId: internet.id, to: BART, dueAt: at(8).toISOString() });

    await t.engine.task(t.as(BART), internet.id, "block", "Wacht op Flandrix");
    await tickAt(t, at(7));
    await tickAt(t, at(8));
    const missed = `Deadline gemist: "${INTERNET}" (eigenaar: Bart Lannoo, status: geblokkeerd) moest klaar zijn om zo 22 nov 06:00.`;
    expect(await noticesOf(t, incident.id, "task-overdue", internet.id)).toEqual([
      { to: BART, text: missed },
      { to: "channel", text: missed },
      { to: COORDINATOR, text: missed },
      { to: DEPUTY, text: missed },
    ]);
    expect(await noticesOf(t, incident.id, "task-reminder", internet.id)).toHaveLength(4);
    expect(
      (await entries(t, incident.id, "deadline.missed")).find((e) => e.data.taskId === internet.id)!
        .data,
    ).toEqual({
      taskId: internet.id,
      ownerId: BART,
      status: "blocked",
      deadlineAt: at(8).toISOString(),
    });
  });

  it("sends nothing about a task completed before its deadline", async () => {
    t.clock.set(at(1.5));
    await t.engine.task(t.as("hanne-desmet"), comms.id, "complete");
    expect(await pendingJobs(t, incident.id, comms.id)).toEqual([]);
    await tickAt(t, at(4)); // Bart's reminder is sent
    await t.engine.task(t.as(BART), internet.id, "complete");
    for (const h of [2, 5, 6, 7, 8]) await tickAt(t, at(h));

    expect(await noticesOf(t, incident.id, "task-reminder", comms.id)).toEqual([]);
    expect(await noticesOf(t, incident.id, "task-overdue", comms.id)).toEqual([]);
    expect(await noticesOf(t, incident.id, "task-reminder", internet.id)).toHaveLength(2);
    expect(await noticesOf(t, incident.id, "task-overdue", internet.id)).toEqual([]);
    const about = (await entries(t, incident.id))
      .filter((e) => e.type === "reminder.sent" || e.type === "deadline.missed")
      .map((e) => e.data.taskId);
    expect(about.filter((id) => id === comms.id)).toEqual([]);
    expect(about.filter((id) => id === internet.id)).toEqual([internet.id]);
  });

  it("reminds the channel of a service's RTO and escalates when it passes, unless it was restored", async () => {
    expect((await tickAt(t, at(8))).done).toBe(
      // comms 2/5/6, internet 4/7/8, the four 12 h tasks' reminders at 8, the service's
      3 + 3 + 4 + 1,
    );
    const reminder =
      `Prioriteit 1: ${MEALS_SERVICE} moet hersteld zijn tegen zo 22 nov 10:00 ` +
      "(RTO 12 u, nog 4 u).";
    expect(await noticesOf(t, incident.id, "service-reminder", meals.id)).toEqual([
      { to: "channel", text: reminder },
    ]);
    expect(
      (await entries(t, incident.id, "reminder.sent")).find(
        (e) => e.data.serviceId === "dienstverlening",
      )!.data,
    ).toEqual({ serviceId: "dienstverlening", dueAt: at(12).toISOString() });

    await tickAt(t, at(11));
    await tickAt(t, at(12));
    const overdue = `RTO overschreden: ${MEALS_SERVICE} (prioriteit 1) is niet hersteld binnen 12 uur.`;
    expect(await noticesOf(t, incident.id, "service-overdue", meals.id)).toEqual([
      { to: "channel", text: overdue },
      { to: COORDINATOR, text: overdue },
      { to: DEPUTY, text: overdue },
    ]);
    expect(
      (await entries(t, incident.id, "deadline.missed")).filter(
        (e) => e.data.serviceId === "dienstverlening",
      ),
    ).toMatchObject([{ data: { deadlineAt: at(12).toISOString() } }]);

    // Sociale dienst is restored by hand before its reminders: none of them is sent.
    const social = (await t.ctx.store.services.listForIncident(incident.id)).find(
      (s) => s.serviceId === "sociale-dienst",
    )!;
    t.clock.set(at(13));
    await t.engine.restoreService(t.as(COORDINATOR), incident.id, "sociale-dienst");
    for (const h of [20, 23, 24]) await tickAt(t, at(h));
    expect(await noticesOf(t, incident.id, "service-reminder", social.id)).toEqual([]);
    expect(await noticesOf(t, incident.id, "service-overdue", social.id)).toEqual([]);
    // …while administratie, with the same RTO, got both reminders and its escalation.
    const admin = (await t.ctx.store.services.listForIncident(incident.id)).find(
      (s) => s.serviceId === "administratie",
    )!;
    expect(await noticesOf(t, incident.id, "service-reminder", admin.id)).toHaveLength(2);
    expect(await noticesOf(t, incident.id, "service-overdue", admin.id)).toHaveLength(3);
  });
});
