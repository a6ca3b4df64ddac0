// A replica that is still processing an interaction keeps it: its lease is renewed while it works,
// so another replica's recovery pass neither runs it again nor answers it a second time (seen
// with two replicas on a loaded machine: "Beslissing vastgelegd", then "Dat is al de huidige
// beslissing"). One that stopped renewing (it died) leaves it to the others after the lease.
import { expect, it } from "vitest";
import { Inbox } from "../../src/core/inbox.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine, type TestEngine } from "../support/engine.ts";

const LEASE_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase("the inbox lease", (target) => {
  async function twoReplicas(): Promise<{ t: TestEngine; slow: Inbox; other: Inbox }> {
    const t = await createTestEngine(await target.open(undefined, await target.createDatabase()));
    const slow = new Inbox(t.ctx, { owner: "replica-a", leaseMs: LEASE_MS });
    const other = new Inbox(t.ctx, { owner: "replica-b", leaseMs: LEASE_MS });
    return { t, slow, other };
  }
  const advance = (t: TestEngine, ms: number) =>
    t.clock.set(new Date(t.clock.now().getTime() + ms));

  it("stays with the replica processing it for longer than the lease", async () => {
    const { t, slow, other } = await twoReplicas();
    let runs = 0;
    let finish: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    slow.handle("test.command", async () => {
      runs += 1;
      await finished;
    });
    other.handle("test.command", async () => {
      runs += 1;
    });
    const item = await slow.receive("test", "trigger-1", "test.command", {});
    const processing = slow.process(item!);
    // Five times two thirds of a lease on the clock: the first lease is long over by the end.
    for (let step = 0; step < 5; step++) {
      await sleep(LEASE_MS);
      advance(t, (LEASE_MS * 2) / 3);
      expect(await other.recover()).toBe(0);
    }
    finish();
    await processing;
    expect(runs).toBe(1);
    expect((await t.ctx.store.inbox.get(item!.id))?.status).toBe("done");
  });

  it("passes to another replica once the one that had it stops renewing", async () => {
    const { t, slow, other } = await twoReplicas();
    let runs = 0;
    other.handle("test.command", async () => {
      runs += 1;
    });
    // Stored and acknowledged, then the process died: it never processes (nor renews) the row.
    const item = await slow.receive("test", "trigger-2", "test.command", {});
    expect(await other.recover()).toBe(0);
    advance(t, LEASE_MS + 1);
    expect(await other.recover()).toBe(1);
    expect(runs).toBe(1);
    expect((await t.ctx.store.inbox.get(item!.id))?.status).toBe("done");
  });
});
