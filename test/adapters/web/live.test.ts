// Live updates: one server-sent events stream; an event after every command, after a scheduler
// tick that changed something, and after a change made by another replica.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildEngine } from "../../../src/compose.ts";
import { openDatabase } from "../../../src/store/database.ts";
import { silentLogger } from "../../support/engine.ts";
import { P, SLACK_ENV, startWebRamp, type WebBrowser, type WebRamp } from "./harness.ts";

interface Stream {
  /** Resolves with the data of the next event of this type, or rejects after `ms`. */
  next(type: string, ms?: number): Promise<string>;
  close(): void;
}

const open: Stream[] = [];
afterEach(() => {
  for (const stream of open.splice(0)) stream.close();
});

async function stream(browser: WebBrowser): Promise<Stream> {
  const abort = new AbortController();
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(new URL("/events", browser.base), {
    headers: { cookie, accept: "text/event-stream" },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: Array<{ type: string; data: string }> = [];
  let buffer = "";
  let wake = null as (() => void) | null;
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let at = buffer.indexOf("\n\n");
        while (at >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const type = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1] ?? "";
          if (type) events.push({ type, data });
          wake?.();
          at = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted
    }
  })();
  const result: Stream = {
    async next(type, ms = 5000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const index = events.findIndex((e) => e.type === type);
        if (index >= 0) return events.splice(0, index + 1).at(-1)!.data;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${type}" event within ${ms} ms`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.min(left, 100));
        });
      }
    },
    close: () => abort.abort(),
  };
  open.push(result);
  return result;
}

describe("web: live updates (server-sent events)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-web-live-"));

  describe("in local mode", () => {
    let s: WebRamp;
    beforeAll(async () => {
      s = await startWebRamp(`file:${dir}/local.db`);
    });
    afterAll(async () => {
      await s?.close();
    });

    it("emits a change event after a command, and none before", async () => {
      const pieter = s.browser();
      await pieter.becomes(P.pieter);
      const events = await stream(pieter);
      await events.next("hello");
      await expect(events.next("change", 300)).rejects.toThrow(/no "change" event/);
      await pieter.say("/ramp start groot Brand in het administratief centrum");
      expect(Number(await events.next("change"))).toBeGreaterThan(0);
    });

    it("emits to every open page, also when a button is pressed", async () => {
      const marleen = s.browser();
      await marleen.becomes(P.marleen);
      const wall = await stream(s.browser());
      const hers = await stream(marleen);
      await wall.next("hello");
      await hers.next("hello");
      const page = (await marleen.get("/chat")).text;
      const coming = /value="(page\.coming\|[^"]+)"/.exec(page)![1]!;
      await marleen.press(coming, "/chat");
      await wall.next("change");
      await hers.next("change");
    });

    it("closes the streams when Ramp stops", async () => {
      const other = await startWebRamp(`file:${dir}/stopping.db`);
      const events = await stream(other.browser());
      await events.next("hello");
      // close() would hang on an open stream.
      await other.close();
    });
  });

  describe("outside local mode", () => {
    let s: WebRamp;
    let pieter: WebBrowser;
    beforeAll(async () => {
      s = await startWebRamp(`file:${dir}/slack.db`, { env: SLACK_ENV });
      pieter = s.browser();
      const link = s.ramp.engine.ctx.boardLink!(P.pieter);
      await pieter.get(link.url.slice(s.ramp.url.length));
    });
    afterAll(async () => {
      await s?.close();
    });

    it("notices a change made by another replica on the same database", async () => {
      const events = await stream(pieter);
      await events.next("hello");
      // A second Ramp process: its own engine on the same database, no link to this one.
      const db = await openDatabase(`file:${dir}/slack.db`, { migrate: false });
      const replica = buildEngine({
        database: db,
        plan: s.ramp.plan,
        planHash: s.ramp.engine.directory.planHash,
        log: silentLogger,
        channels: ["slack"],
        clock: s.clock,
      });
      await replica.declare(
        { personId: P.pieter, source: "slack" },
        { classification: "groot", scope: "totaal", description: "Overstroming kelder" },
      );
      await events.next("change", 6000);
      expect((await pieter.get("/")).text).toContain("Overstroming kelder");
    });

    it("notices a scheduler tick that escalated a page", async () => {
      const events = await stream(pieter);
      await events.next("hello");
      await expect(events.next("change", 2500)).rejects.toThrow(/no "change" event/);
      s.clock.advanceMinutes(16);
      const tick = await s.ramp.scheduler.tick();
      expect(tick.jobs.done).toBeGreaterThan(0);
      await events.next("change", 6000);
      expect((await pieter.get("/")).text).toContain("Vervanger opgeroepen");
    });
  });
});
