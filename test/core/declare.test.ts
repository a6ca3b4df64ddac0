import { beforeEach, expect, it } from "vitest";
import { RampError } from "../../src/core/errors.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine, type TestEngine } from "../support/engine.ts";

const COORDINATOR = "pieter-declercq";
const DEPUTY = "sofie-vermeulen";

describeEachDatabase("declaring an incident", (target) => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine(await target.open({}, await target.createDatabase()));
  });

  it("records the declaration, pages the crisis staff and numbers the incident", async () => {
    const incident = await t.engine.declare(t.as(COORDINATOR), {
      classification: "groot",
      scope: "totaal",
      description: "Brand in het administratief centrum",
      officeHours: false,
    });
    expect(incident.number).toBe("2026-001");
    const pages = await t.ctx.store.pages.listForIncident(incident.id);
    expect(pages.map((p) => p.functionId).sort()).toEqual(
      [...t.plan.coordination.crisisStaff].sort(),
    );
    const own = pages.find((p) => p.personId === COORDINATOR)!;
    expect(own.status).toBe("coming");
    expect(pages.filter((p) => p.status === "sent")).toHaveLength(8);
    const timeline = await t.engine.timeline(incident.id);
    expect(timeline[0]!.type).toBe("incident.declared");
    expect(timeline.filter((e) => e.type === "page.sent")).toHaveLength(9);
    expect((await t.engine.verifyTimeline(incident.id)).ok).toBe(true);
    const outbox = await t.ctx.store.outbox.listForIncident(incident.id);
    expect(
      outbox.filter((o) => o.delivery.type === "card" && o.delivery.card.kind === "page"),
    ).toHaveLength(
      pages.filter((p) => p.status === "sent" && t.engine.directory.person(p.personId)?.slackUserId)
        .length,
    );
  });

  it("refuses someone who is not coordinator or deputy, and logs it", async () => {
    await expect(
      t.engine.declare(t.as("bart-lannoo"), {
        classification: "crisis",
        scope: "totaal",
        description: "x",
      }),
    ).rejects.toMatchObject({ code: "not-coordinator" });
  });

  it("allows one active incident unless the coordinator opens a second explicitly", async () => {
    const input = {
      classification: "groot",
      scope: "gedeeltelijk",
      description: "Overstroming kelder",
    } as const;
    await t.engine.declare(t.as(COORDINATOR), input);
    const refused = t.engine.declare(t.as(DEPUTY), input);
    await expect(refused).rejects.toBeInstanceOf(RampError);
    await expect(refused).rejects.toMatchObject({ code: "incident-active" });
    const second = await t.engine.declare(t.as(DEPUTY), { ...input, openSecond: true });
    expect(second.number).toBe("2026-002");
  });
});

describeEachDatabase("raising the classification", (target) => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine(await target.open({}, await target.createDatabase()));
  });

  it("pages the crisis staff once the plan is activated ('klein' to 'groot'), and only once", async () => {
    const incident = await t.engine.declare(t.as(DEPUTY), {
      classification: "klein",
      scope: "totaal",
      description: "Storing op de telefooncentrale",
    });
    expect(await t.ctx.store.pages.listForIncident(incident.id)).toEqual([]);
    await t.engine.reclassify(t.as(COORDINATOR), incident.id, "groot");
    const pages = await t.ctx.store.pages.listForIncident(incident.id);
    expect(pages.map((p) => p.functionId).sort()).toEqual(
      [...t.plan.coordination.crisisStaff].sort(),
    );
    // Who raised it counts as coming; the others get their page card.
    expect(pages.filter((p) => p.status === "coming").map((p) => p.personId)).toEqual([
      COORDINATOR,
    ]);
    const types = (await t.engine.timeline(incident.id)).map((e) => e.type);
    expect(types.indexOf("incident.reclassified")).toBeLessThan(types.indexOf("page.sent"));
    const cards = (await t.ctx.store.outbox.listForIncident(incident.id)).filter(
      (o) => o.delivery.type === "card" && o.delivery.card.kind === "page",
    );
    expect(cards.length).toBeGreaterThan(0);

    await t.engine.reclassify(t.as(COORDINATOR), incident.id, "crisis");
    expect(await t.ctx.store.pages.listForIncident(incident.id)).toHaveLength(pages.length);
  });

  it("pages nobody for a raise that stays below the plan's threshold ('zwak' to 'klein')", async () => {
    const incident = await t.engine.declare(t.as(COORDINATOR), {
      classification: "zwak",
      scope: "totaal",
      description: "Printer stuk",
    });
    await t.engine.reclassify(t.as(COORDINATOR), incident.id, "klein");
    expect(await t.ctx.store.pages.listForIncident(incident.id)).toEqual([]);
  });
});
