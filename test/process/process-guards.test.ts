// What escapes every handler: a stray rejection is logged and Ramp goes on; an uncaught exception
// is logged, Ramp closes and exits 1 (at once if closing hangs past the grace).
import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CLOSE_GRACE_MS, guardProcess } from "../../src/process-guards.ts";

function capture() {
  const records: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      records.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { records, log: pino({ level: "info" }, stream) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("process guards", () => {
  afterEach(() => vi.useRealTimers());

  it("logs a stray rejection with its stack and keeps running", async () => {
    const { records, log } = capture();
    const events = new EventEmitter();
    const shutdown = vi.fn(async () => {});
    const exit = vi.fn();
    guardProcess(events, log, shutdown, exit);
    events.emit("unhandledRejection", new Error("Slack antwoordde niet"));
    events.emit("unhandledRejection", "a bare string");
    await flush();
    expect(shutdown).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
    expect(records.map((r) => r.level)).toEqual([50, 50]);
    expect(records[0]!.msg).toContain("Ramp keeps running");
    expect((records[0]!.err as { stack: string }).stack).toContain("Slack antwoordde niet");
    expect(records[1]!.unhandledRejections).toBe(2);
  });

  it("closes and exits 1 on an uncaught exception, once", async () => {
    const { records, log } = capture();
    const events = new EventEmitter();
    const shutdown = vi.fn(async () => {});
    const exit = vi.fn();
    guardProcess(events, log, shutdown, exit);
    events.emit("uncaughtException", new Error("kapot"));
    events.emit("uncaughtException", new Error("nog eens"));
    await flush();
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(shutdown).toHaveBeenCalledWith(1);
    expect(records.filter((r) => r.level === 60).map((r) => r.msg)).toEqual([
      "uncaught exception, Ramp stops: kapot",
      "uncaught exception, Ramp stops: nog eens",
    ]);
  });

  it("exits anyway when closing hangs or fails", async () => {
    vi.useFakeTimers();
    const { log } = capture();
    const hanging = new EventEmitter();
    const exit = vi.fn();
    guardProcess(hanging, log, () => new Promise(() => {}), exit);
    hanging.emit("uncaughtException", new Error("kapot"));
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 1);
    expect(exit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(1);

    const failing = new EventEmitter();
    const exitToo = vi.fn();
    guardProcess(failing, log, () => Promise.reject(new Error("databank weg")), exitToo);
    failing.emit("uncaughtException", new Error("kapot"));
    await vi.advanceTimersByTimeAsync(0);
    expect(exitToo).toHaveBeenCalledWith(1);
  });
});
