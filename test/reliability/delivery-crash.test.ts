// Ramp killed (SIGKILL) while paging the crisis staff, at the moments where a message could be
// lost or sent twice, then restarted on the same database: every person has each page exactly
// once, and the first delivery after the restart comes within 2 ticks (RAMP_TICK_SECONDS=1).
// Each test runs its own Ramp process on a fresh SQLite database against its own fake Slack.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack.ts";
import type { RampProcess } from "../support/ramp-process.ts";
import {
  declare,
  everyoneReached,
  expectEachOnce,
  firstCallAfter,
  pagesOf,
  sleep,
  startRamp,
  U,
} from "./delivery-harness.ts";

const dir = mkdtempSync(path.join(tmpdir(), "ramp-delivery-crash-"));
let databases = 0;
/** Two ticks of RAMP_TICK_SECONDS=1. */
const TWO_TICKS_MS = 2_000;
/** After everyone was reached: long enough for a duplicate to show up if one were coming. */
const QUIET_MS = 3_000;

// Starting the real process takes seconds (much longer on a loaded machine): generous bounds.
describe("delivery across a crash (SQLite)", { timeout: 240_000 }, () => {
  let fake: FakeSlack;
  let ramp: RampProcess | null = null;
  let url: string;
  beforeEach(async () => {
    fake = await FakeSlack.start();
    url = `file:${path.join(dir, `ramp-${++databases}.db`)}`;
  });
  afterEach(async () => {
    await ramp?.kill();
    ramp = null;
    await fake.close();
  });

  /** Restarts Ramp and checks that its first Slack call comes within two ticks. */
  async function restartPromptly(): Promise<void> {
    const before = performance.now();
    await ramp!.restart();
    const healthy = performance.now();
    const first = await fake.waitFor("a Slack call after the restart", () =>
      firstCallAfter(fake, before),
    );
    expect(first.at - healthy).toBeLessThan(TWO_TICKS_MS);
  }

  it("a page in flight at the kill that Slack then processed is not posted again", async () => {
    ramp = await startRamp(url, fake);
    const held = fake.hold("chat.postMessage", (b) => b.channel === fake.dmOf(U.sofie));
    await declare(ramp, fake);
    await held.arrived;
    await ramp.kill();
    held.process();
    await fake.waitFor(
      "Sofie's page, processed after the kill",
      () => pagesOf(fake, U.sofie) === 1,
    );
    await restartPromptly();
    await everyoneReached(fake);
    await sleep(QUIET_MS);
    expectEachOnce(fake);
    // Found by its metadata in the DM's history, not posted again.
    expect(
      fake.callsOf("conversations.history", (b) => b.channel === fake.dmOf(U.sofie)).length,
    ).toBeGreaterThan(0);
  });

  it("a page in flight at the kill that never reached Slack is posted after the restart", async () => {
    ramp = await startRamp(url, fake);
    const held = fake.hold("chat.postMessage", (b) => b.channel === fake.dmOf(U.sofie));
    await declare(ramp, fake);
    await held.arrived;
    await ramp.kill();
    held.drop();
    expect(pagesOf(fake, U.sofie)).toBe(0);
    await restartPromptly();
    await everyoneReached(fake);
    await sleep(QUIET_MS);
    expectEachOnce(fake);
  });

  it("a post Slack answered but Ramp had not recorded when it died is not posted again", async () => {
    // The failpoint kills Ramp right after Slack's answer to its first page's chat.postMessage
    // (not a message Ramp sends at start, such as a contact check, which may come first).
    ramp = await startRamp(url, fake, { RAMP_FAILPOINTS: "slack.posted.page" });
    const running = ramp;
    await declare(ramp, fake);
    await fake.waitFor("Ramp killed by its failpoint", () => !running.running, 60_000);
    // Pages to different people go out side by side: several may have been answered by then.
    const answered = fake.callsOf("chat.postMessage").filter((c) => c.answer.ok === true);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    delete ramp.env.RAMP_FAILPOINTS;
    await restartPromptly();
    await everyoneReached(fake);
    await sleep(QUIET_MS);
    expectEachOnce(fake);
  });

  it("a chat.postMessage Slack processed but answered after Ramp's 10 s timeout is sent once", async () => {
    ramp = await startRamp(url, fake);
    fake.fail(
      "chat.postMessage",
      { answerAfterMs: 12_000 },
      1,
      (b) => b.channel === fake.dmOf(U.sofie),
    );
    await declare(ramp, fake);
    await everyoneReached(fake);
    // Ramp's timeout (10 s), the look-up 2 s later, and the late answer (12 s).
    await fake.waitFor(
      "the look-up in Sofie's DM",
      () => fake.callsOf("conversations.history", (b) => b.channel === fake.dmOf(U.sofie))[0],
      20_000,
    );
    await sleep(QUIET_MS);
    expectEachOnce(fake);
  });

  it("a hung call in one conversation does not hold up the pages to the others", async () => {
    ramp = await startRamp(url, fake);
    fake.fail("chat.postMessage", { hang: true }, 1, (b) => b.channel === fake.dmOf(U.sofie));
    await declare(ramp, fake);
    const others = [U.marleen, U.johan, U.katrien, U.els, U.bart, U.lien];
    await fake.waitFor("the other pages", () => others.every((user) => pagesOf(fake, user) === 1));
    const hung = fake.callsOf("chat.postMessage", (b) => b.channel === fake.dmOf(U.sofie))[0]!;
    const last = Math.max(
      ...others.map((user) => fake.postsTo(fake.dmOf(user)).find((c) => c.answer.ok)!.at),
    );
    // Then Sofie's: the hung call never reached Slack's store, so it is posted once after the look-up.
    await everyoneReached(fake, 25_000);
    // The others did not wait for the hung call: theirs were all in before Sofie's got through
    // (delivered one by one, they would have queued behind it). Order, not a timed bound.
    const sofies = fake.postsTo(fake.dmOf(U.sofie)).find((c) => c.answer.ok)!;
    expect(last).toBeLessThan(sofies.at);
    expect(hung.at).toBeLessThan(sofies.at);
    await sleep(QUIET_MS);
    expectEachOnce(fake);
  });
});
