// `npm run bench`: Ramp's performance figures on SQLite and, when RAMP_BENCH_POSTGRES_URL or
// RAMP_TEST_POSTGRES_URL names a server, on PostgreSQL. Reports only; nothing is asserted.
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../src/plan/load.ts";
import { benchDatabases } from "./databases.ts";
import { claimRace, schedulerLateness, timelineBench } from "./engine-bench.ts";
import { reviewBench } from "./review-bench.ts";
import { slackBench } from "./slack-bench.ts";
import { ms, percentile, table } from "./stats.ts";

const loaded = await loadPlanFile(SAMPLE_PLAN_PATH);
if (!loaded.ok) throw new Error("the sample plan does not load");
const { plan, hash } = loaded;

const claims: Array<Record<string, string | number>> = [];
const timeline: Array<Record<string, string | number>> = [];
const lateness: Array<Record<string, string | number>> = [];
const reviews: Array<Record<string, string | number>> = [];
const slackAcks: Array<Record<string, string | number>> = [];
const slackPaging: Array<Record<string, string | number>> = [];
const kb = (bytes: number) => `${Math.round(bytes / 1024)} kB`;

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
    process.stderr.write(`${database.provider}: post-incident review…\n`);
    const review = await reviewBench(await database.create(), plan, hash, 10_000);
    reviews.push({
      database: database.provider,
      entries: review.entries,
      read: ms(review.readMs),
      build: ms(review.buildMs),
      markdown: ms(review.markdownMs),
      html: ms(review.htmlMs),
      docx: ms(review.docxMs),
      "sizes (md / html / docx)": `${kb(review.sizes.markdown)} / ${kb(review.sizes.html)} / ${kb(review.sizes.docx)}`,
    });
    process.stderr.write(`${database.provider}: Slack acknowledgements and paging…\n`);
    const slack = await slackBench(() => database.create());
    for (const [request, figures] of [
      ["/ramp start", slack.start],
      ["claim click", slack.claim],
    ] as const) {
      for (const [shape, f] of [
        ["inbox (stored, then 200)", figures.inbox],
        ["ack first (before the inbox)", figures.ackFirst],
        ["bare Bolt (only acks)", figures.bare],
      ] as const) {
        slackAcks.push({
          database: database.provider,
          request,
          shape,
          p50: ms(f.p50),
          p95: ms(f.p95),
          p99: ms(f.p99),
          "p50 vs bare": `${(f.p50 / figures.bare.p50).toFixed(2)}×`,
        });
      }
    }
    slackPaging.push({
      database: database.provider,
      "crisis staff": slack.paging.staff,
      rounds: slack.paging.toAllDms.length,
      "all page DMs p50": ms(percentile(slack.paging.toAllDms, 50)),
      max: ms(Math.max(...slack.paging.toAllDms)),
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
  `\nPost-incident review of an incident with 10,000 timeline entries\n${table(reviews)}\n`,
);
process.stdout.write(
  `\nScheduler lateness: 200 jobs due over 4 s, real cron tick (lateness = run time − due time)\n${table(lateness)}\n`,
);
process.stdout.write(
  `\nSlack: time to acknowledge (HTTP 200) under 50 concurrent signed requests, 5 rounds; Ramp with its inbox (the interaction stored before the 200), Ramp as before the inbox (200 first, then the work) and a bare Bolt app that only acknowledges, measured in turn every round\n${table(slackAcks)}\n`,
);
process.stdout.write(
  `\nSlack: /ramp start until every crisis-staff member's page DM reached Slack (fake Web API on loopback)\n${table(slackPaging)}\n`,
);
