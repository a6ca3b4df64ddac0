// What a failed delivery means decides what happens next: a permanent refusal is given up and
// told to the coordinator and the timeline once; an unknown outcome (the request left, no answer)
// is looked up before the message goes again, and holds its conversation until then; one slow
// conversation does not hold up the others; a restarted instance takes its own leases back.
import { beforeEach, expect, it } from "vitest";
import type { Incident, OutboxItem } from "../../src/core/model.ts";
import { type DeliveryChannel, DeliveryError } from "../../src/core/outbox.ts";
import { conversationOf, leaseDue } from "../../src/core/outbox-lease.ts";
import type { Database } from "../../src/store/database.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { START, type TestEngine } from "../support/engine.ts";
import { COORDINATOR, declare, entries, freshEngine, noticesOf, outbox } from "./fixtures.ts";

/** A channel that answers per item with a script of failures, and records what it saw. */
class ScriptedChannel implements DeliveryChannel {
  readonly name = "slack";
  readonly seen: Array<{ id: string; attemptedAt: Date | null }> = [];
  readonly script = new Map<string, Array<Error | Promise<void>>>();

  async deliver(item: OutboxItem): Promise<string | null> {
    this.seen.push({ id: item.id, attemptedAt: item.attemptedAt ?? null });
    const next = this.script.get(item.id)?.shift();
    if (next instanceof Error) throw next;
    if (next) await next;
    return `ref-${item.id}`;
  }

  delivered(id: string): number {
    return this.seen.filter((s) => s.id === id).length;
  }
}

describeEachDatabase("delivery outcomes", (target) => {
  let t: TestEngine;
  let db: Database;
  let incident: Incident;
  let slack: ScriptedChannel;
  let channels: Map<string, DeliveryChannel>;
  const at = (ms: number) => new Date(START.getTime() + ms);
  const dispatchAt = (ms: number, owner = "dispatcher") => {
    t.clock.set(at(ms));
    return t.engine.dispatch(channels, owner);
  };
  const row = (id: string) => db.client.outboxMessage.findUniqueOrThrow({ where: { id } });

  beforeEach(async () => {
    ({ t, db } = await freshEngine(target));
    incident = await declare(t);
    slack = new ScriptedChannel();
    channels = new Map([["slack", slack]]);
  });

  it("gives a permanent refusal up at once, on the timeline and to the coordinator, once per person and reason", async () => {
    const pages = (await outbox(t, incident.id)).filter((i) => i.audience.kind === "person");
    const refused = pages[0]!;
    const personId = (refused.audience as { personId: string }).personId;
    slack.script.set(refused.id, [new DeliveryError("Slack: user_not_found", { permanent: true })]);
    expect(await dispatchAt(0)).toMatchObject({ dead: 1 });
    expect(slack.delivered(refused.id)).toBe(1);
    expect(await row(refused.id)).toMatchObject({ status: "dead", attempts: 1 });
    // A second message to the same person refused for the same reason adds nothing.
    await t.ctx.store.outbox.enqueue([
      {
        id: "second-message",
        incidentId: incident.id,
        dedupeKey: "second-message",
        channel: "slack",
        audience: refused.audience,
        delivery: { type: "notice", notice: { kind: "log", incidentId: incident.id, text: "…" } },
        createdAt: at(0),
      },
    ]);
    slack.script.set("second-message", [
      new DeliveryError("Slack: user_not_found", { permanent: true }),
    ]);
    expect(await dispatchAt(1_000)).toMatchObject({ dead: 1 });
    const notices = await noticesOf(t, incident.id, "delivery-failed");
    expect(notices).toEqual([{ to: COORDINATOR, text: expect.stringContaining("user_not_found") }]);
    expect(notices[0]!.text).toContain("Ramp probeert het niet opnieuw");
    const failed = (await entries(t, incident.id)).filter((e) => e.type === "delivery.failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data).toMatchObject({ channel: "slack", personId, what: "page" });
    // Never retried.
    expect(await dispatchAt(3_600_000)).toMatchObject({ dead: 0 });
    expect(slack.delivered(refused.id)).toBe(1);
  });

  it("looks up an unknown outcome before sending again, and holds its conversation until then", async () => {
    const queued = await outbox(t, incident.id);
    const inChannel = queued.filter((i) => i.audience.kind === "incident");
    expect(inChannel).toHaveLength(2);
    const [first, second] = inChannel;
    slack.script.set(first!.id, [
      new DeliveryError("Slack: no answer within 10 s", { outcome: "unknown" }),
    ]);
    const result = await dispatchAt(0);
    expect(result).toEqual({ sent: queued.length - 2, retried: 1, dead: 0 });
    // The second message of that conversation waited, untried, behind the first.
    expect(slack.delivered(second!.id)).toBe(0);
    expect(await row(first!.id)).toMatchObject({ status: "pending", attemptedAt: at(0) });
    expect(await dispatchAt(1_000)).toEqual({ sent: 0, retried: 0, dead: 0 });
    // Two seconds later the first goes again, told when the earlier attempt left; then the second.
    expect(await dispatchAt(2_000)).toEqual({ sent: 2, retried: 0, dead: 0 });
    expect(slack.seen.filter((s) => s.id === first!.id).map((s) => s.attemptedAt)).toEqual([
      null,
      at(0),
    ]);
    expect(slack.seen.find((s) => s.id === second!.id)?.attemptedAt).toBeNull();
    expect(await row(first!.id)).toMatchObject({ status: "sent", attemptedAt: null });
    const order = slack.seen.map((s) => s.id);
    expect(order.lastIndexOf(first!.id)).toBeLessThan(order.indexOf(second!.id));
  });

  it("looks up a message that went out but could not be recorded as sent, rather than post it again", async () => {
    const [item] = await outbox(t, incident.id);
    // The database stalls right after the platform took the message (seen with two replicas on
    // a loaded machine: the same DM posted twice).
    const store = t.ctx.store.outbox;
    const markSent = store.markSent.bind(store);
    let stalls = 1;
    store.markSent = async (...args) => {
      if (args[0] === item!.id && stalls-- > 0) throw new Error("database stalled");
      return markSent(...args);
    };
    await dispatchAt(0);
    expect(await row(item!.id)).toMatchObject({ status: "pending", attemptedAt: at(0) });
    await dispatchAt(2_000);
    expect(slack.seen.filter((s) => s.id === item!.id).map((s) => s.attemptedAt)).toEqual([
      null,
      at(0),
    ]);
    expect(await row(item!.id)).toMatchObject({ status: "sent" });
  });

  it("records the attempt before the request leaves, so a crash leaves a known unknown", async () => {
    const [item] = await outbox(t, incident.id);
    // A deliverer that dies in the call: its attempt is stored, its lease runs out.
    let crash!: () => void;
    slack.script.set(item!.id, [new Promise<void>((resolve) => (crash = resolve))]);
    const dying = dispatchAt(0, "dead-replica");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await row(item!.id)).toMatchObject({ status: "leased", attemptedAt: at(0) });
    // Another replica, once the lease ran out, is told the first attempt's outcome is unknown.
    const other = new ScriptedChannel();
    await t.engine.dispatch(new Map([["slack", other]]), "other", 50).catch(() => undefined);
    expect(other.delivered(item!.id)).toBe(0); // still leased
    t.clock.set(at(60_000));
    await t.engine.dispatch(new Map([["slack", other]]), "other");
    expect(other.seen.find((s) => s.id === item!.id)?.attemptedAt).toEqual(at(0));
    crash();
    await dying;
  });

  it("delivers other conversations while one call hangs", async () => {
    const queued = await outbox(t, incident.id);
    const hung = queued[0]!;
    let release!: () => void;
    slack.script.set(hung.id, [new Promise<void>((resolve) => (release = resolve))]);
    const pass = dispatchAt(0);
    const others = queued.filter((i) => conversationOf(i) !== conversationOf(hung));
    for (let waited = 0; waited < 100; waited++) {
      if (others.every((i) => slack.delivered(i.id) === 1)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(others.filter((i) => slack.delivered(i.id) === 0)).toEqual([]);
    release();
    expect(await pass).toEqual({ sent: queued.length, retried: 0, dead: 0 });
  });

  it("lets a restarted instance take back the leases its earlier run left, and nobody else's", async () => {
    const queued = await outbox(t, incident.id);
    t.clock.set(at(0));
    const earlier = await leaseDue(t.ctx, at(0), "host:3978:111:aaaa", at(15_000), 3);
    const otherReplica = await leaseDue(t.ctx, at(0), "host:3979:222:bbbb", at(15_000), 3);
    expect(earlier).toHaveLength(3);
    expect(otherReplica).toHaveLength(3);
    expect(await t.engine.takeOverEarlierRun("host:3978:", "host:3978:333:cccc")).toBe(3);
    // At once, not after the lease: the earlier run's messages; the live replica keeps its own.
    expect(await dispatchAt(1_000, "host:3978:333:cccc")).toEqual({
      sent: queued.length - 3,
      retried: 0,
      dead: 0,
    });
    for (const item of otherReplica) expect(slack.delivered(item.id)).toBe(0);
  });
});
