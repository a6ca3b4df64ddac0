import { expect, it, vi } from "vitest";
import { describeEachDatabase } from "../support/databases.ts";
import { COORDINATOR, declare, freshEngine, taskOf } from "./fixtures.ts";

describeEachDatabase("what the status view reads", (target) => {
  it("reads the incident and each kind of its rows once, and never the whole timeline", async () => {
    const { t } = await freshEngine(target);
    const incident = await declare(t);
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    await t.engine.task(
      t.as("bart-lannoo"),
      (await taskOf(t, incident.id, "b-tech-internet-telefonie")).id,
      "claim",
    );
    for (let i = 0; i < 20; i++) await t.engine.log(t.as(COORDINATOR), incident.id, `Regel ${i}`);
    const { store } = t.engine.ctx;
    const reads = {
      incident: vi.spyOn(store.incidents, "get"),
      tasks: vi.spyOn(store.tasks, "listForIncident"),
      services: vi.spyOn(store.services, "listForIncident"),
      timeline: vi.spyOn(store.timeline, "list"),
      entries: vi.spyOn(store.timeline, "listOfTypes"),
    };

    const view = await t.engine.views.status(incident.id);

    expect(view.incident.decision).toMatch(/^Situatie B/);
    expect(view.groups.flatMap((g) => g.tasks).some((task) => task.status === "claimed")).toBe(
      true,
    );
    expect(reads.incident).toHaveBeenCalledTimes(1);
    expect(reads.tasks).toHaveBeenCalledTimes(1);
    expect(reads.services).toHaveBeenCalledTimes(1);
    expect(reads.entries).toHaveBeenCalledTimes(1);
    expect(reads.timeline).not.toHaveBeenCalled();
  });
});
