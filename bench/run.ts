// `npm run bench`: Ramp's performance figures on SQLite and, when RAMP_BENCH_POSTGRES_URL or
// RAMP_TEST_POSTGRES_URL names a server, on PostgreSQL. Reports only; nothing is asserted.
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../src/plan/load.ts";
import { benchDatabases } from "./databases.ts";
import { claimRace, schedulerLateness, timelineBench } from "./engine-bench.ts";
import { ms, table } from "./stats.ts";

const loaded = await loadPlanFile(SAMPLE_PLAN_PATH);
if (!loaded.ok) throw new Error("the sample plan does not load");
const { plan, hash } = loaded;

const claims: Array<Record<string, string | number>> = [];
const timeline: Array<Record<string, string | number>> = [];
const lateness: Array<Record<string, string | number>> = [];

for (const database of benchDatabases()) {
  try {
    process.stderr.write(`${database.provider}: claim race…\n`);
    const race = await claimRace(await database.create(), plan, hash, 50, 10);
    claims.push({
      database: database.provider,
      "claimers per task": race.claimers,
      rounds: race.rounds,
      "rounds without exactly one winner": race.wrongRounds,
      "p50 (all claims answered)": ms(race.p50),
      p99: ms(race.p99),
    });
    process.stderr.write(`${database.provider}: timeline…\n`);
    const t = await timelineBench(await database.create(), plan, hash, 1000, 10_000);
    timeline.push({
      database: database.provider,
      entries: t.entries,
      "append via /ramp log (entries/s)": t.commandRate.toFixed(0),
      "append in batches (entries/s)": t.batchRate.toFixed(0),
      "read 10k": ms(t.readMs),
      "verify 10k": ms(t.verifyMs),
      "chain ok": String(t.ok),
    });
    process.stderr.write(`${database.provider}: scheduler lateness…\n`);
    const late = await schedulerLateness(await database.create(), plan, hash, 200, 1);
    lateness.push({
      database: database.provider,
      jobs: late.jobs,
      "tick (s)": late.tickSeconds,
      ran: late.ran,
      "lateness p50": ms(late.p50),
      p99: ms(late.p99),
      max: ms(late.max),
    });
  } finally {
    await database.cleanup();
  }
}

process.stdout.write(`\nClaim race: 50 people claim the same task at once\n${table(claims)}\n`);
process.stdout.write(
  `\nTimeline: append rate and verification of 10,000 entries\n${table(timeline)}\n`,
);
process.stdout.write(
  `\nScheduler lateness: 200 jobs due over 4 s, real cron tick (lateness = run time − due time)\n${table(lateness)}\n`,
);
