import { beforeEach, expect, it } from "vitest";
import type { Incident, OutboxItem } from "../../src/core/model.ts";
import { type DeliveryChannel, DeliveryError } from "../../src/core/outbox.ts";
import { conversationOf, leaseDue } from "../../src/core/outbox-lease.ts";
import type { CardView } from "../../src/core/views/types.ts";
import type { Database } from "../../src/store/database.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { START, type TestEngine } from "../support/engine.ts";
import { COORDINATOR, declare, freshEngine, outbox, taskOf } from "./fixtures.ts";

/** A Slack stand-in: renders cards from the engine the way an adapter does, and can be told to fail. */
class FakeSlack implements DeliveryChannel {
  readonly name = "slack";
  readonly delivered: Array<{ item: OutboxItem; at: Date; view: CardView | null }> = [];
  readonly calls: Array<{ id: string; at: Date }> = [];
  /** Errors to throw for an item, in order, before it goes through. */
  readonly failures = new Map<string, Error[]>();

  constructor(private readonly t: TestEngine) {}

  async deliver(item: OutboxItem): Promise<string | null> {
    const at = this.t.clock.now();
    this.calls.push({ id: item.id, at });
    const failure = this.failures.get(item.id)?.shift();
    if (failure) throw failure;
    const view =
      item.delivery.type === "card" ? await this.t.engine.views.card(item.delivery.card) : null;
    this.delivered.push({ item, at, view });
    return `ts-${this.delivered.length}`;
  }
}

describeEachDatabase("delivering the outbox", (target) => {
  let t: TestEngine;
  let db: Database;
  let incident: Incident;
  let slack: FakeSlack;
  let channels: Map<string, DeliveryChannel>;
  const at = (ms: number) => new Date(START.getTime() + ms);
  const dispatchAt = (ms: number, limit?: number) => {
    t.clock.set(at(ms));
    return t.engine.dispatch(channels, "dispatcher", limit);
  };
  const rows = () =>
    db.client.outboxMessage.findMany({
      where: { incidentId: incident.id },
      orderBy: { id: "asc" },
    });

  beforeEach(async () => {
    ({ t, db } = await freshEngine(target));
    incident = await declare(t);
    slack = new FakeSlack(t);
    channels = new Map([["slack", slack]]);
  });

  it("delivers every queued item exactly once", async () => {
    const queued = await outbox(t, incident.id);
    expect(queued).toHaveLength(9); // 7 page cards, the paging card and the incident card
    expect(await dispatchAt(0, 4)).toEqual({ sent: 4, retried: 0, dead: 0 });
    expect(await dispatchAt(0)).toEqual({ sent: 5, retried: 0, dead: 0 });
    expect(await dispatchAt(60_000)).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(slack.delivered.map((d) => d.item.id).sort()).toEqual(queued.map((q) => q.id).sort());
    const stored = await rows();
    expect(stored.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    expect(stored.map((r) => r.deliveredRef).sort()).toEqual(
      queued.map((_, i) => `ts-${i + 1}`).sort(),
    );
  });

  it("retries after the platform's Retry-After, not before", async () => {
    const [first] = await outbox(t, incident.id);
    slack.failures.set(first!.id, [new DeliveryError("rate limited", { retryAfterMs: 30_000 })]);
    expect(await dispatchAt(0)).toEqual({ sent: 8, retried: 1, dead: 0 });
    const failed = (await rows()).find((r) => r.id === first!.id)!;
    expect(failed).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "rate limited",
      nextAttemptAt: at(30_000),
    });
    expect(await dispatchAt(29_999)).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(await dispatchAt(30_000)).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(slack.calls.filter((c) => c.id === first!.id).map((c) => c.at)).toEqual([
      at(0),
      at(30_000),
    ]);
    expect(slack.delivered).toHaveLength(9);
    expect(new Set(slack.delivered.map((d) => d.item.id)).size).toBe(9);
  });

  it("backs off after a generic error, doubling the wait, and loses nothing", async () => {
    const [first, second] = await outbox(t, incident.id);
    slack.failures.set(first!.id, [new Error("socket hang up"), new Error("socket hang up")]);
    slack.failures.set(second!.id, [new DeliveryError("channel_not_found", { permanent: true })]);
    expect(await dispatchAt(0)).toEqual({ sent: 7, retried: 1, dead: 1 });
    // The message given up is announced to the coordinator, once.
    expect(await dispatchAt(1_999)).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(await dispatchAt(2_000)).toEqual({ sent: 0, retried: 1, dead: 0 });
    expect((await rows()).find((r) => r.id === first!.id)).toMatchObject({
      status: "pending",
      attempts: 2,
      nextAttemptAt: at(2_000 + 4_000),
    });
    expect(await dispatchAt(5_999)).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(await dispatchAt(6_000)).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(slack.calls.filter((c) => c.id === first!.id).map((c) => c.at)).toEqual([
      at(0),
      at(2_000),
      at(6_000),
    ]);
    // A permanent failure is set aside, not retried.
    expect((await rows()).find((r) => r.id === second!.id)).toMatchObject({
      status: "dead",
      attempts: 1,
    });
    expect(await dispatchAt(3_600_000)).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(slack.delivered.map((d) => d.item.id).sort()).toEqual(
      (await outbox(t, incident.id))
        .map((o) => o.id)
        .filter((id) => id !== second!.id)
        .sort(),
    );
  });

  it("keeps messages for a channel that is not configured until it is", async () => {
    expect(await t.engine.dispatch(new Map(), "dispatcher")).toEqual({
      sent: 0,
      retried: 9,
      dead: 0,
    });
    expect(await dispatchAt(1_999)).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(await dispatchAt(2_000)).toEqual({ sent: 9, retried: 0, dead: 0 });
  });

  it("renders cards from the current state when they are delivered", async () => {
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    const task = await taskOf(t, incident.id, "b-tech-restore");
    await dispatchAt(0);
    slack.delivered.length = 0;

    await t.engine.task(t.as("bart-lannoo"), task.id, "claim");
    await dispatchAt(1_000);
    const cards = slack.delivered.filter(
      (d) => d.item.delivery.type === "card" && d.item.delivery.card.kind === "task",
    );
    expect(cards).toHaveLength(1);
    expect(cards[0]!.item.audience).toEqual({ kind: "incident", incidentId: incident.id });
    expect(cards[0]!.view).toMatchObject({
      kind: "task",
      taskId: task.id,
      title: "Restore van de systemen coördineren",
      status: "claimed",
      statusLabel: "Opgenomen",
      ownerId: "bart-lannoo",
      ownerName: "Bart Lannoo",
      suggestedOwner: "Deskundige ICT (gemeente)",
      deadline: "zo 22 nov 22:00",
      blockedReason: null,
    });
    expect(
      (cards[0]!.view as Extract<CardView, { kind: "task" }>).actions.map((a) => a.action),
    ).toEqual(["task.complete", "task.release", "task.block"]);

    // Two changes before the next delivery: both queued cards show the latest state.
    await t.engine.task(t.as("bart-lannoo"), task.id, "block", "Wacht op leverancier");
    await t.engine.task(t.as("bart-lannoo"), task.id, "unblock");
    await t.engine.task(t.as("bart-lannoo"), task.id, "complete");
    slack.delivered.length = 0;
    await dispatchAt(2_000);
    const views = slack.delivered
      .filter((d) => d.item.delivery.type === "card" && d.item.delivery.card.kind === "task")
      .map((d) => d.view as Extract<CardView, { kind: "task" }>);
    expect(views).toHaveLength(3);
    for (const view of views) {
      expect(view).toMatchObject({ status: "done", statusLabel: "Klaar", actions: [] });
    }
  });

  it("lets one deliverer at a time into a conversation; another takes the other conversations", async () => {
    // The incident's channel has the incident and paging cards; each page is its own DM.
    const queued = await outbox(t, incident.id);
    const channelItems = queued.filter((i) => i.audience.kind === "incident");
    expect(channelItems).toHaveLength(2);
    const k = queued.indexOf(channelItems[0]!);
    t.clock.set(at(0));
    const first = await leaseDue(t.ctx, at(0), "replica-a", at(60_000), k + 1);
    expect(first.map((i) => i.id)).toEqual(queued.slice(0, k + 1).map((i) => i.id));
    expect(conversationOf(first.at(-1)!)).toBe(`slack|incident:${incident.id}`);
    // While replica A delivers in the channel, B takes the other DMs but nothing in the channel.
    const second = await leaseDue(t.ctx, at(0), "replica-b", at(60_000), 50);
    expect(second).toHaveLength(queued.length - k - 2);
    expect(second.every((i) => i.audience.kind === "person")).toBe(true);
    // Once A is done in the channel, its next message is free.
    await t.ctx.store.outbox.markSent(channelItems[0]!.id, "replica-a", at(1_000), "ts-1");
    const third = await leaseDue(t.ctx, at(1_000), "replica-b", at(61_000), 50);
    expect(third.map((i) => i.id)).toEqual([channelItems[1]!.id]);
  });

  it("never delivers two messages of one conversation at once, with two deliverers racing", async () => {
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    const inFlight = new Map<string, number>();
    let overlaps = 0;
    const slow: DeliveryChannel = {
      name: "slack",
      async deliver(item) {
        const conversation = conversationOf(item);
        if (inFlight.has(conversation)) overlaps += 1;
        inFlight.set(conversation, (inFlight.get(conversation) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight.delete(conversation);
        return "ok";
      },
    };
    const both = new Map([["slack", slow]]);
    // A's share ends with the channel's first message; B's has the channel's others.
    const k = (await outbox(t, incident.id)).findIndex((i) => i.audience.kind === "incident");
    t.clock.set(at(0));
    const results = [];
    for (let pass = 0; pass < 20; pass++) {
      results.push(
        ...(await Promise.all([
          t.engine.dispatch(both, "replica-a", k + 1),
          t.engine.dispatch(both, "replica-b", 50),
        ])),
      );
      if ((await rows()).every((row) => row.status === "sent")) break;
    }
    expect(overlaps).toBe(0);
    const sent = results.reduce((n, r) => n + r.sent, 0);
    expect(sent).toBe((await rows()).length);
    expect((await rows()).every((row) => row.status === "sent")).toBe(true);
  });
});
