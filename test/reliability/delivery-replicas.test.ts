// Two Ramp processes on one PostgreSQL database against a slow Slack (4.5 s a call, as measured
// in issue 12): a conversation's deliveries take longer than a lease (15 s: channel creation,
// invitation and two cards), so only a lease renewed while the work runs keeps the other replica
// out. One incident channel, every page and card once.
import { afterAll, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import type { RampProcess } from "../support/ramp-process.ts";
import { declare, everyoneReached, expectEachOnce, sleep, startRamp } from "./delivery-harness.ts";

const SLOW_SLACK_MS = 4_500;
const SQLITE_SKIP =
  "skipped on SQLite: replicas share a PostgreSQL database (set RAMP_TEST_POSTGRES_URL)";

describeEachDatabase("two replicas against a slow Slack", (target) => {
  const replicas: RampProcess[] = [];
  let fake: FakeSlack | null = null;
  afterAll(async () => {
    for (const replica of replicas) await replica.kill();
    await fake?.close();
  });

  const title = "create one incident channel and post every page and card once";
  it.skipIf(target.provider === "sqlite")(
    target.provider === "sqlite" ? `${title} (${SQLITE_SKIP})` : title,
    { timeout: 300_000 },
    async () => {
      fake = await FakeSlack.start();
      // One after the other: the first one migrates the fresh database.
      replicas.push(await startRamp(target.url, fake));
      replicas.push(await startRamp(target.url, fake));
      fake.latencyMs = SLOW_SLACK_MS;
      await declare(replicas[0]!, fake);
      await everyoneReached(fake, 120_000);
      // Longer than a lease: a second replica taking the same work would have posted by now.
      await sleep(20_000);
      expectEachOnce(fake);
      const channel = fake.createdChannels()[0]!.id;
      expect(fake.callsOf("conversations.create")).toHaveLength(1);
      expect(fake.callsOf("chat.postMessage", (b) => b.channel === channel)).toHaveLength(2);
      for (const replica of replicas)
        expect(replica.logs.filter((l) => l.msg === "delivered after losing the lease")).toEqual(
          [],
        );
    },
  );
});
