// Run by lazy-teams.test.ts in a process of its own: starts Ramp with Teams on or off and prints
// whether Teams' libraries (botbuilder, teams-ai) were loaded.
//   node --import tsx test/process/teams-loaded.ts on|off <DATABASE_URL>
import Module from "node:module";
import { startRamp } from "../../src/app.ts";
import { readConfig } from "../../src/config/env.ts";
import { createLogger } from "../../src/logging.ts";

const [teams, databaseUrl] = process.argv.slice(2);
const config = {
  ...readConfig({
    DATABASE_URL: databaseUrl!,
    ...(teams === "on" ? { RAMP_TEAMS: "on", RAMP_SECRET: "x".repeat(32) } : {}),
  }),
  port: 0,
  host: "127.0.0.1",
};
const ramp = await startRamp(config, createLogger("silent"), { startScheduler: false });
const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
const loaded = (name: string) =>
  Object.keys(cache).some((file) => file.includes(`/node_modules/${name}/`));
const result = { botbuilder: loaded("botbuilder"), teamsAi: loaded("@microsoft/teams-ai") };
await ramp.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
