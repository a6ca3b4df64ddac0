// The reachability tests' buttons on the board (/tests/start, /tests/stop), posted without
// JavaScript: the coordinator starts and closes a test; someone else is refused with the reason.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { P, startWebRamp, visible, type WebBrowser, type WebRamp } from "./harness.ts";

describe("web: the reachability tests' buttons", () => {
  let s: WebRamp;
  let pieter: WebBrowser;
  let bart: WebBrowser;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ramp-web-tests-"));
    s = await startWebRamp(`file:${path.join(dir, "ramp.db")}`);
    pieter = s.browser();
    bart = s.browser();
    await pieter.becomes(P.pieter);
    await bart.becomes(P.bart);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("refuses someone who is not the coordinator or a deputy, with the reason on the page", async () => {
    await bart.get("/tests");
    const sent = await bart.post("/tests/start", {});
    expect([sent.status, sent.location]).toEqual([303, "/tests"]);
    const shown = visible((await bart.get("/tests")).text);
    expect(shown).not.toContain("De test is gestart");
    expect(shown).toMatch(/coördinator|plaatsvervanger/);
  });

  it("lets the coordinator start the test and close it, each with its message", async () => {
    await pieter.get("/tests");
    const started = await pieter.post("/tests/start", {});
    expect([started.status, started.location]).toEqual([303, "/tests"]);
    expect(visible((await pieter.get("/tests")).text)).toContain(
      "De test is gestart: iedereen krijgt een testbericht.",
    );
    const stopped = await pieter.post("/tests/stop", {});
    expect([stopped.status, stopped.location]).toEqual([303, "/tests"]);
    expect(visible((await pieter.get("/tests")).text)).toContain(
      "De test is afgesloten; het resultaat volgt.",
    );
  });
});
