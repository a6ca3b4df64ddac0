// An incident's deliveries go before housekeeping: the plan copies Ramp queues at start (and the
// "Klopt dit nog?" checks) must not hold up the pages of a `/ramp start` right after (issue 17).
import { beforeEach, expect, it } from "vitest";
import type { Incident, OutboxItem } from "../../src/core/model.ts";
import {
  CONVERSATIONS_AT_ONCE,
  type DeliveryChannel,
  HOUSEKEEPING_AT_ONCE,
} from "../../src/core/outbox.ts";
import { conversationOf, leaseDue } from "../../src/core/outbox-lease.ts";
import { distributePlanCopies } from "../../src/core/plan-copies/distribute.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { START, type TestEngine } from "../support/engine.ts";
import { declare, freshEngine, MINUTE, outbox, recipient } from "./fixtures.ts";

class RecordingSlack implements DeliveryChannel {
  readonly name = "slack";
  readonly delivered: OutboxItem[] = [];
  async deliver(item: OutboxItem): Promise<string | null> {
    this.delivered.push(item);
    return `ts-${this.delivered.length}`;
  }
}

describeEachDatabase("the outbox: an incident's deliveries first", (target) => {
  let t: TestEngine;
  let copies: number;
  let incident: Incident;
  let incidentItems: OutboxItem[];
  const later = new Date(START.getTime() + MINUTE);

  beforeEach(async () => {
    ({ t } = await freshEngine(target));
    // Ramp started with a new plan version: every holder's copy is queued first...
    copies = await distributePlanCopies(t.ctx);
    // ...and a minute later the crisis staff is paged.
    t.clock.set(later);
    incident = await declare(t);
    incidentItems = await outbox(t, incident.id);
    expect(copies).toBeGreaterThan(incidentItems.length);
  });

  it("takes the incident's messages before plan copies queued earlier, even with a small window", async () => {
    const window = incidentItems.length - 2;
    const first = await leaseDue(
      t.ctx,
      later,
      "replica-a",
      new Date(later.getTime() + MINUTE),
      window,
    );
    expect(first).toHaveLength(window);
    expect(first.every((item) => item.incidentId === incident.id)).toBe(true);
    // The next window: the incident's last two, then the oldest copies.
    const second = await leaseDue(t.ctx, later, "replica-b", new Date(later.getTime() + MINUTE), 5);
    expect(second.map((item) => (item.incidentId ? "incident" : item.delivery.type))).toEqual([
      "incident",
      "incident",
      "plan-copy",
      "plan-copy",
      "plan-copy",
    ]);
  });

  it("delivers the incident's messages before any plan copy, pass after pass", async () => {
    const slack = new RecordingSlack();
    const channels = new Map([["slack", slack]]);
    // Passes as the scheduler runs them after a command, a window at a time, until all is out.
    for (let pass = 0; pass < 10 && slack.delivered.length < copies + incidentItems.length; pass++)
      await t.engine.dispatch(channels, "dispatcher", incidentItems.length);
    expect(slack.delivered).toHaveLength(copies + incidentItems.length);
    const kinds = slack.delivered.map((item) => (item.incidentId ? "incident" : "housekeeping"));
    expect(kinds.slice(0, incidentItems.length).every((kind) => kind === "incident")).toBe(true);
  });

  it("in one pass with everything due, a paged holder gets the page before the copy", async () => {
    const slack = new RecordingSlack();
    const dispatched = await t.engine.dispatch(new Map([["slack", slack]]), "dispatcher", 500);
    expect(dispatched.sent).toBe(copies + incidentItems.length);
    const isPage = (item: OutboxItem) =>
      item.delivery.type === "card" && item.delivery.card.kind === "page";
    const paged = new Set(incidentItems.filter(isPage).map(recipient));
    const both = slack.delivered
      .filter((item) => item.delivery.type === "plan-copy" && paged.has(recipient(item)))
      .map(recipient);
    expect(both.length).toBeGreaterThan(0);
    for (const person of both) {
      const mine = slack.delivered.filter((item) => recipient(item) === person);
      expect(mine.findIndex(isPage)).toBeLessThan(
        mine.findIndex((item) => item.delivery.type === "plan-copy"),
      );
    }
  });

  it("delivers housekeeping a few conversations at a time, beside the incident's", async () => {
    const withIncident = new Set(incidentItems.map(conversationOf));
    const inFlight = { incident: 0, housekeeping: 0 };
    const most = { incident: 0, housekeeping: 0 };
    const slow: DeliveryChannel = {
      name: "slack",
      async deliver(item) {
        // A holder who is also paged has one conversation: it goes with the incident's.
        const kind = withIncident.has(conversationOf(item)) ? "incident" : "housekeeping";
        inFlight[kind] += 1;
        most[kind] = Math.max(most[kind], inFlight[kind]);
        // Long enough that the conversations a pass delivers side by side overlap here.
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight[kind] -= 1;
        return "ok";
      },
    };
    const dispatched = await t.engine.dispatch(new Map([["slack", slow]]), "dispatcher", 500);
    expect(dispatched.sent).toBe(copies + incidentItems.length);
    expect(most.housekeeping).toBeGreaterThan(0);
    expect(most.housekeeping).toBeLessThanOrEqual(HOUSEKEEPING_AT_ONCE);
    expect(most.incident).toBeGreaterThan(HOUSEKEEPING_AT_ONCE);
    expect(most.incident).toBeLessThanOrEqual(CONVERSATIONS_AT_ONCE);
  });
});
