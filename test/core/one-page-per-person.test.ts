// Johan Maes holds "financieel directeur" and is the alternate of "adjunct financieel directeur".
// Paged for the second while his first page waits for an answer, he gets no second card: his
// card names both functions, "Ik kom" covers both, "Ik kan niet" is said per function, and each
// function keeps its own answer timeout and escalation.
import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.ts";
import { START, type TestEngine } from "../support/engine.ts";
import { declare, freshEngine, MINUTE, outbox, pageOf, tickAt } from "./fixtures.ts";

const JOHAN = "johan-maes";
const KATRIEN = "katrien-dewilde";
const FD = "financieel-directeur";
const AFD = "adjunct-financieel-directeur";

describeEachDatabase("one page per person", (target) => {
  let t: TestEngine;
  let incidentId: string;
  beforeEach(async () => {
    ({ t } = await freshEngine(target));
    incidentId = (await declare(t)).id;
    t.clock.set(new Date(START.getTime() + 2 * MINUTE));
    const katrien = await pageOf(t, incidentId, AFD);
    await t.engine.answerPage(t.as(KATRIEN), katrien.id, "declined");
  });

  const pageCardsFor = async (personId: string) =>
    (await outbox(t, incidentId)).filter(
      (o) =>
        o.delivery.type === "card" &&
        o.delivery.card.kind === "page" &&
        o.audience.kind === "person" &&
        o.audience.personId === personId,
    );

  it("names both functions on Johan's one card instead of sending a second", async () => {
    const first = await pageOf(t, incidentId, FD);
    const second = await pageOf(t, incidentId, AFD, 1);
    expect(second.personId).toBe(JOHAN);
    const cards = await pageCardsFor(JOHAN);
    // The first card, and later its refresh naming both functions: never a card for the second.
    const shown = cards.map((o) => (o.delivery.type === "card" ? o.delivery.card : null));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((c) => c?.kind === "page" && c.pageId === first.id)).toBe(true);
    const view = await t.engine.views.pageCard(first.id);
    expect(view.text).toMatch(
      /^U wordt opgeroepen voor de crisisstaf als Financieel directeur en Adjunct financieel directeur\./,
    );
    expect(view.actions.map((a) => [a.label, a.subjectId])).toEqual([
      ["Ik kom", first.id],
      ["Ik kan niet als Financieel directeur", first.id],
      ["Ik kan niet als Adjunct financieel directeur", second.id],
    ]);
    expect(view.answered).toBe(false);
  });

  it("takes one 'Ik kom' for both functions", async () => {
    const first = await pageOf(t, incidentId, FD);
    await t.engine.answerPage(t.as(JOHAN), first.id, "coming");
    const pages = await t.ctx.store.pages.listForIncident(incidentId);
    const johans = pages.filter((p) => p.personId === JOHAN).map((p) => [p.functionId, p.status]);
    expect(johans.sort()).toEqual([
      [AFD, "coming"],
      [FD, "coming"],
    ]);
    const answers = (await t.engine.timeline(incidentId)).filter(
      (e) => e.type === "page.answered" && e.data.personId === JOHAN,
    );
    expect(answers.map((e) => e.data.functionId).sort()).toEqual([AFD, FD]);
    const view = await t.engine.views.pageCard(first.id);
    expect(view.answered).toBe(true);
    expect(view.answerText).toMatch(
      /^Financieel directeur: Komt \(.*\); Adjunct financieel directeur: Komt \(.*\)$/,
    );
    // No timeout is left to escalate either function.
    expect((await tickAt(t, new Date(START.getTime() + 60 * MINUTE))).done).toBe(6);
    expect(pages.filter((p) => p.functionId === FD)).toHaveLength(1);
  });

  it("declines one function only: that one escalates, the other still waits for Johan", async () => {
    const first = await pageOf(t, incidentId, FD);
    const second = await pageOf(t, incidentId, AFD, 1);
    await t.engine.answerPage(t.as(JOHAN), second.id, "declined");
    expect((await t.ctx.store.pages.get(first.id))!.status).toBe("sent");
    // Adjunct financieel directeur has no alternate after Johan: the leaders are told.
    const exhausted = (await t.engine.timeline(incidentId)).filter(
      (e) => e.type === "page.exhausted",
    );
    expect(exhausted.map((e) => e.data.functionId)).toEqual([AFD]);
    const view = await t.engine.views.pageCard(first.id);
    expect(view.actions.map((a) => a.label)).toEqual([
      "Ik kom",
      "Ik kan niet als Financieel directeur",
    ]);
    expect(view.answerText).toMatch(/^Adjunct financieel directeur: Kan niet \(/);
    // "Ik kom" now covers only what is still open.
    await t.engine.answerPage(t.as(JOHAN), first.id, "coming");
    expect((await t.ctx.store.pages.get(second.id))!.status).toBe("declined");
    expect((await t.ctx.store.pages.get(first.id))!.status).toBe("coming");
  });

  it("keeps the answer timeout per function: each silent page escalates its own function", async () => {
    const first = await pageOf(t, incidentId, FD);
    // Johan's first page went out at 0, the second at 2 minutes: the first times out first.
    await tickAt(t, new Date(START.getTime() + 15 * MINUTE));
    expect((await t.ctx.store.pages.get(first.id))!.status).toBe("silent");
    const katrienForFd = await pageOf(t, incidentId, FD, 1);
    expect(katrienForFd.personId).toBe(KATRIEN);
    expect((await pageOf(t, incidentId, AFD, 1)).status).toBe("sent");
    await tickAt(t, new Date(START.getTime() + 17 * MINUTE));
    expect((await pageOf(t, incidentId, AFD, 1)).status).toBe("silent");
  });
});
