// What goes by SMS next to a chat platform: each page when it is sent, and "nobody reachable"
// to the leaders; not card updates, reminders, channel messages or the review.
import { expect, it } from "vitest";
import type { OutboxItem } from "../../src/core/model.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine } from "../support/engine.ts";
import { COORDINATOR, DEPUTY, declare, outbox, pageOf, recipient, tickAt } from "./fixtures.ts";

const what = (item: OutboxItem) =>
  item.delivery.type === "card"
    ? `${item.delivery.card.kind} card`
    : item.delivery.type === "notice"
      ? item.delivery.notice.kind
      : item.delivery.type;

describeEachDatabase("SMS alerts", (target) => {
  it("texts a page once, and the leaders when nobody can come; nothing else", async () => {
    const db = await target.open({}, await target.createDatabase());
    const t = await createTestEngine(db, { channels: ["slack", "sms"] });
    const incident = await declare(t);
    const sms = async () => (await outbox(t, incident.id)).filter((i) => i.channel === "sms");
    const pages = (await t.ctx.store.pages.listForIncident(incident.id)).filter(
      (p) => p.status === "sent",
    );
    const first = (await sms()).map((i) => `${what(i)} → ${recipient(i)}`);
    expect(first.sort()).toEqual(pages.map((p) => `page card → ${p.personId}`).sort());

    // Answers update the page cards (in Slack): no new texts. Both voorzitters decline: the
    // alternate's page is texted, then the leaders hear nobody can come.
    t.clock.advanceMinutes(1);
    const marleen = await pageOf(t, incident.id, "voorzitter");
    await t.engine.answerPage(t.as("marleen-vandamme"), marleen.id, "declined");
    const geert = await pageOf(t, incident.id, "voorzitter", 1);
    t.clock.advanceMinutes(1);
    await t.engine.answerPage(t.as("geert-vanhoutte"), geert.id, "declined");
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    await tickAt(t, new Date(incident.declaredAt.getTime() + 20 * 3_600_000)); // reminders
    await t.engine.close(t.as(COORDINATOR), incident.id);
    // The escalations of the tick (unanswered pages) are texted too, each page once.
    const all = await outbox(t, incident.id);
    const pageIds = (channel: string) =>
      all.flatMap((i) =>
        i.channel === channel && i.delivery.type === "card" && i.delivery.card.kind === "page"
          ? [i.delivery.card.pageId]
          : [],
      );
    const texted = pageIds("sms");
    // Every page sent, except to someone already coming (the declarer) who needed no page, is
    // texted once; a page that joined the person's unanswered card is texted as that card,
    // which names both functions.
    const sent = (await t.ctx.store.pages.listForIncident(incident.id)).filter(
      (p) => p.answeredAt?.getTime() !== p.sentAt.getTime(),
    );
    expect(texted).toHaveLength(sent.length);
    const sentIds = new Set(sent.map((p) => p.id));
    expect(texted.every((id) => sentIds.has(id))).toBe(true);
    expect(texted).toContain(geert.id);
    const alerts = all.filter((i) => i.channel === "sms" && what(i) !== "page card");
    expect(new Set(alerts.map(what))).toEqual(new Set(["page-exhausted"]));
    expect(new Set(alerts.map(recipient))).toEqual(new Set([COORDINATOR, DEPUTY]));
    // The reminders and the review did go out, on Slack.
    const slack = (await outbox(t, incident.id)).filter((i) => i.channel === "slack").map(what);
    expect(slack).toContain("task-reminder");
    expect(slack).toContain("review");
    await db.close();
  });

  it("texts a staff member's report to the coordinator and the deputies", async () => {
    const db = await target.open({}, await target.createDatabase());
    const t = await createTestEngine(db, { channels: ["slack", "sms"] });
    await t.engine.report(t.as("bart-lannoo"), "Rook uit het serverlokaal");
    const rows = await db.client.outboxMessage.findMany({ where: { incidentId: null } });
    expect(rows.map((r) => `${r.platform} → ${r.targetId}`).sort()).toEqual([
      `slack → ${COORDINATOR}`,
      `slack → ${DEPUTY}`,
      `sms → ${COORDINATOR}`,
      `sms → ${DEPUTY}`,
    ]);
    await db.close();
  });
});
