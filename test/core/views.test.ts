import { expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine } from "../support/engine.ts";
import { at, COORDINATOR, declare, freshEngine, pageOf, taskOf } from "./fixtures.ts";

describeEachDatabase("the status view", (target) => {
  it("shows the incident, services by priority with RTO deadlines in Brussels time, tasks per phase and paging", async () => {
    const { t } = await freshEngine(target);
    const incident = await declare(t);
    const before = await t.engine.views.status(incident.id);
    expect(before.services).toEqual([]);
    expect(before.incident.decision).toBeNull();
    expect(before.groups.map((g) => g.tasks)).toEqual([[], []]);

    t.clock.set(at(1));
    await t.engine.decide(t.as(COORDINATOR), incident.id, {
      situation: "B",
      reason: "Gebouw bruikbaar",
    });
    await t.engine.task(
      t.as("bart-lannoo"),
      (await taskOf(t, incident.id, "b-tech-internet-telefonie")).id,
      "claim",
    );
    t.clock.set(at(2));
    await t.engine.task(
      t.as("dirk-vandenbroucke"),
      (await taskOf(t, incident.id, "b-org-maaltijden")).id,
      "complete",
    );

    const view = await t.engine.views.status(incident.id);
    expect(view.title).toBe("Incident 2026-001 — Brand in het administratief centrum");
    expect(view.incident.facts).toEqual([
      { label: "Ernst", value: "Crisis" },
      { label: "Omvang", value: "Totaal" },
      { label: "Gestart", value: "za 21 nov 22:00 — Pieter Declercq" },
      { label: "Tijdens de diensturen", value: "nee" },
    ]);
    expect(view.incident.meeting).toEqual({
      choice: "primary",
      kind: "Primair contactadres",
      name: "Administratief Centrum Heidehof",
      address: "Marktplein 1, 8981 Zonnebeke-Heide",
      room: "Vergaderzaal De Linde (1e verdieping)",
      arriveBy: "za 21 nov 23:00",
    });
    expect(view.incident.decision).toBe(
      "Situatie B – voortzetting van de diensten in de eigen gebouwen",
    );

    expect(
      view.services.map((s) => [
        s.priority,
        s.serviceId,
        s.rtoHours,
        s.deadline,
        s.deadlineAt,
        s.remaining,
        s.restored,
      ]),
    ).toEqual([
      [1, "dienstverlening", 12, "zo 22 nov 10:00", at(12).toISOString(), "", true],
      [2, "administratie", 24, "zo 22 nov 22:00", at(24).toISOString(), "nog 22 u", false],
      [3, "sociale-dienst", 24, "zo 22 nov 22:00", at(24).toISOString(), "nog 22 u", false],
      [4, "verhuur-residentie", 48, "ma 23 nov 22:00", at(48).toISOString(), "nog 1 d 22 u", false],
      [
        5,
        "ondersteunende-diensten",
        48,
        "ma 23 nov 22:00",
        at(48).toISOString(),
        "nog 1 d 22 u",
        false,
      ],
    ]);
    expect(view.services[0]).toMatchObject({
      name: "Diensten i.v.m. dienstverlening (keuken, thuisdiensten)",
      restoredAt: "zo 22 nov 00:00",
      withinRto: true,
      tasks: { open: 0, claimed: 0, blocked: 0, done: 1 },
    });
    expect(view.services[1]).toMatchObject({
      withinRto: null,
      tasks: { open: 1, claimed: 0, blocked: 0, done: 0 },
    });
    expect(view.services).toEqual(view.incident.services);

    expect(view.groups.map((g) => [g.phase, g.label])).toEqual([
      ["technisch", "Technische fase"],
      ["organisatorisch", "Organisatorische fase"],
    ]);
    // Unfinished first, then the nearest deadline (the service's priority breaks a tie): the
    // most urgent task leads its phase, and a done one goes to the end.
    expect(view.groups[0]!.tasks.map((x) => x.planTaskId)).toEqual([
      "b-tech-internet-telefonie",
      "b-tech-backups",
      "b-tech-ict-middelen",
      "b-tech-restore",
    ]);
    expect(view.groups[1]!.tasks.map((x) => x.planTaskId)).toEqual([
      "b-org-externe-communicatie",
      "b-org-personeel-informeren",
      "b-org-onthaal",
      "b-org-sociale-dienst",
      "b-org-verzekeraar",
      "b-org-residentie",
      "b-org-betalingen",
      "b-org-coordinatie",
      "b-org-maaltijden",
    ]);
    for (const group of view.groups) {
      const open = group.tasks.filter((x) => x.status !== "done").map((x) => x.deadlineAt);
      expect(open).toEqual([...open].sort());
    }
    expect(view.groups[0]!.tasks[0]).toMatchObject({
      status: "claimed",
      ownerName: "Bart Lannoo",
      deadline: "zo 22 nov 06:00",
      deadlineAt: at(8).toISOString(),
      remaining: "nog 6 u",
      overdue: false,
      service: null,
    });
    expect(view.groups[1]!.tasks.at(-1)).toMatchObject({
      planTaskId: "b-org-maaltijden",
      status: "done",
      remaining: "",
      service: { id: "dienstverlening", priority: 1 },
    });
    // The chat's task list is the board's, in the same order.
    const listed = await t.engine.views.tasks(incident.id);
    expect(listed.map((g) => g.tasks.map((x) => x.taskId))).toEqual(
      view.groups.map((g) => g.tasks.map((x) => x.taskId)),
    );
    expect(view.openTasks).toBe(12);
    expect(view.paging.summary).toEqual({
      coming: 1,
      declined: 0,
      silent: 0,
      waiting: 8,
      escalated: 0,
    });
    expect(view.decisions).toEqual([
      {
        at: "za 21 nov 23:00",
        by: "Pieter Declercq",
        text: "Situatie B – voortzetting van de diensten in de eigen gebouwen (Gebouw bruikbaar)",
      },
    ]);
  });

  it("counts RTOs in real hours across the switch to winter time", async () => {
    const db = await target.open({}, await target.createDatabase());
    // Saturday 24 October 2026, 23:00 summer time; the clocks go back that night.
    const t = await createTestEngine(db, { start: new Date("2026-10-24T21:00:00Z") });
    const incident = await declare(t);
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    const view = await t.engine.views.status(incident.id);
    expect(view.incident.facts[2]!.value).toBe("za 24 okt 23:00 — Pieter Declercq");
    expect(view.services.map((s) => [s.serviceId, s.deadline, s.deadlineAt])).toEqual([
      ["dienstverlening", "zo 25 okt 10:00", "2026-10-25T09:00:00.000Z"],
      ["administratie", "zo 25 okt 22:00", "2026-10-25T21:00:00.000Z"],
      ["sociale-dienst", "zo 25 okt 22:00", "2026-10-25T21:00:00.000Z"],
      ["verhuur-residentie", "ma 26 okt 22:00", "2026-10-26T21:00:00.000Z"],
      ["ondersteunende-diensten", "ma 26 okt 22:00", "2026-10-26T21:00:00.000Z"],
    ]);
  });
});

describeEachDatabase("the attention view", (target) => {
  it("puts blocked tasks, passed deadlines, unanswered pages, the next deadline and the viewer's own tasks first", async () => {
    const { t } = await freshEngine(target);
    const incident = await declare(t);
    const before = await t.engine.views.attention(incident.id, "bart-lannoo");
    expect(before.title).toBe("Nu aandacht nodig");
    expect(before.groups.map((g) => [g.key, g.label, g.lines.length])).toEqual([
      ["unanswered", "Oproepen zonder antwoord", 8],
    ]);
    expect(before.next).toBeNull();
    expect(before.mine).toEqual({
      label: "Mijn taken",
      empty: "U heeft geen taken opgenomen. Neem er een op bij Taken.",
      tasks: [],
    });
    expect((await t.engine.views.attention(incident.id, null)).mine).toBeNull();

    const chair = await pageOf(t, incident.id, "voorzitter");
    await t.engine.answerPage(t.as(chair.personId), chair.id, "coming");
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B", reason: "Gebouw" });
    const internet = await taskOf(t, incident.id, "b-tech-internet-telefonie");
    const backups = await taskOf(t, incident.id, "b-tech-backups");
    await t.engine.task(t.as("bart-lannoo"), internet.id, "claim");
    await t.engine.task(t.as("bart-lannoo"), backups.id, "claim");
    await t.engine.task(t.as("bart-lannoo"), backups.id, "block", "Geen toegang tot het lokaal");
    t.clock.set(at(10));

    const view = await t.engine.views.attention(incident.id, "bart-lannoo");
    const group = (key: string) => view.groups.find((g) => g.key === key);
    expect(view.groups.map((g) => g.key)).toEqual(["blocked", "overdue", "unanswered"]);
    expect(group("blocked")!.lines).toEqual([
      {
        kind: "task",
        id: backups.id,
        title: backups.title,
        who: "Bart Lannoo",
        detail: "Geen toegang tot het lokaal",
      },
    ]);
    // Passed deadlines, the earliest first; the blocked task is not counted twice.
    const overdue = group("overdue")!.lines;
    expect(overdue).toContainEqual({
      kind: "task",
      id: internet.id,
      title: internet.title,
      who: "Bart Lannoo",
      detail: "2 u te laat",
    });
    const lateness = overdue.map((l) => Number(/^(\d+) u te laat$/.exec(l.detail)?.[1]));
    expect(lateness).toEqual([...lateness].sort((a, b) => b - a));
    expect(overdue.map((l) => l.id)).not.toContain(backups.id);
    expect(overdue.every((l) => /te laat$/.test(l.detail))).toBe(true);
    expect(overdue.filter((l) => l.who === "nog niemand").length).toBeGreaterThan(0);
    expect(group("unanswered")!.lines).toHaveLength(7);
    expect(group("unanswered")!.lines.map((l) => l.title)).not.toContain("Voorzitter");
    expect(view.summary).toBe(
      `Geblokkeerd: 1 · Deadline verstreken: ${overdue.length} · Oproepen zonder antwoord: 7`,
    );
    expect(view.calm).toBeNull();

    // The next deadline is the nearest one still ahead, of a task or a priority service.
    expect(view.next).toMatchObject({ label: "Volgende deadline" });
    const status = await t.engine.views.status(incident.id);
    const ahead = [
      ...status.groups.flatMap((g) => g.tasks).filter((x) => x.status !== "done"),
      ...status.services,
    ]
      .map((x) => x.deadlineAt)
      .filter((iso) => iso >= at(10).toISOString())
      .sort();
    expect(view.next!.deadlineAt).toBe(ahead[0]);
    expect(view.next!.line.detail).toMatch(/^nog /);

    expect(view.mine!.tasks.map((x) => x.taskId)).toEqual([internet.id, backups.id]);
    expect((await t.engine.views.attention(incident.id, COORDINATOR)).mine!.tasks).toEqual([]);
  });
});
