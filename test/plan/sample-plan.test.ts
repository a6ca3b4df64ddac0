import { describe, expect, it } from "vitest";
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import type { Plan } from "../../src/plan/schema.ts";

async function sample(): Promise<Plan> {
  const result = await loadPlanFile(SAMPLE_PLAN_PATH);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 1));
  return result.plan;
}

describe("sample plan plans/ocmw-zonnebeke.yaml", () => {
  it("loads without problems or warnings", async () => {
    const result = await loadPlanFile(SAMPLE_PLAN_PATH);
    expect(result.ok ? result.warnings : result.problems).toEqual([]);
    expect(result.ok && result.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("has situations A (72 h) and B (48 h) with the DRP's five services in priority order", async () => {
    const plan = await sample();
    expect(plan.situations.A.targetHours).toBe(72);
    expect(plan.situations.B.targetHours).toBe(48);
    const order = [
      "dienstverlening",
      "administratie",
      "sociale-dienst",
      "verhuur-residentie",
      "ondersteunende-diensten",
    ];
    for (const situation of [plan.situations.A, plan.situations.B]) {
      expect(situation.services.map((s) => s.id)).toEqual(order);
      const rtos = situation.services.map((s) => s.rtoHours);
      expect(rtos).toEqual([...rtos].sort((a, b) => a - b));
      expect(Math.max(...rtos)).toBeLessThanOrEqual(situation.targetHours);
    }
  });

  it("has the DRP's technical and organisational tasks for each situation", async () => {
    const plan = await sample();
    const ids = (situation: "A" | "B", phase: string) =>
      plan.situations[situation].tasks.filter((t) => t.phase === phase).map((t) => t.id);
    expect(ids("A", "technisch")).toHaveLength(5);
    expect(ids("A", "organisatorisch").length).toBeGreaterThanOrEqual(5);
    expect(ids("B", "technisch")).toHaveLength(4);
    expect(ids("B", "organisatorisch").length).toBeGreaterThanOrEqual(3);
    expect(ids("A", "organisatorisch")).toContain("a-org-verzekeraar");
    const verzekeraar = plan.situations.A.tasks.find((t) => t.id === "a-org-verzekeraar");
    expect(verzekeraar?.deadlineHours).toBe(24);
  });

  it("names a coordinator, a deputy, a communication officer and a crisis staff", async () => {
    const plan = await sample();
    const { coordination } = plan;
    expect(coordination.crisisStaff.length).toBeGreaterThan(0);
    expect(coordination.deputies).not.toContain(coordination.coordinator);
    const algemeenDirecteur = plan.functions.find((f) => f.id === "algemeen-directeur");
    expect(coordination.coordinator).toBe(algemeenDirecteur?.holder);
    expect(coordination.planHolders).toHaveLength(9);
  });

  it("gives every function an alternate who is someone else", async () => {
    const plan = await sample();
    for (const f of plan.functions) {
      expect(f.alternates.length, f.id).toBeGreaterThan(0);
      expect(f.alternates, f.id).not.toContain(f.holder);
    }
  });

  it("fills the other sections", async () => {
    const plan = await sample();
    expect(plan.classification.levels.map((l) => l.id)).toEqual([
      "zwak",
      "klein",
      "groot",
      "crisis",
    ]);
    expect(plan.classification.activatesPlanFrom).toBe("groot");
    expect(plan.meeting.arriveWithin).toBe(60);
    expect(plan.paging.ackTimeout).toBe(15);
    expect(plan.reminders.leadTimes).toEqual([24 * 60, 4 * 60, 60]);
    expect(plan.fallbackLocations).toHaveLength(2);
    expect(
      plan.fallbackLocations.every((l) => l.capacity === 15 && l.facilities.length === 6),
    ).toBe(true);
    expect(plan.suppliers.some((s) => s.kind === "verzekering")).toBe(true);
    expect(plan.suppliers.find((s) => s.id === "internet")?.slaHours).toBe(5);
    expect(plan.review.sections).toHaveLength(12);
    expect(plan.organisation.sites).toHaveLength(2);
  });

  it("has no template placeholders", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(SAMPLE_PLAN_PATH, "utf8");
    expect(text).not.toMatch(/<[a-z ]+>|\*\*\*\*|xxx/i);
  });
});
