// Teams' libraries (about 60–90 MB resident) load only when Teams is on: a Slack-only or local
// Ramp does without them. Each start runs in a process of its own, whose module cache is clean.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { runTypeScript } from "../support/node-scripts.ts";

async function loadedWith(teams: "on" | "off") {
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-lazy-teams-"));
  const run = await runTypeScript("test/process/teams-loaded.ts", [
    teams,
    `file:${path.join(dir, "ramp.db")}`,
  ]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Record<string, boolean>;
}

it("loads botbuilder and teams-ai only when Teams is on", async () => {
  expect(await loadedWith("off")).toEqual({ botbuilder: false, teamsAi: false });
  expect(await loadedWith("on")).toEqual({ botbuilder: true, teamsAi: true });
}, 120_000);
