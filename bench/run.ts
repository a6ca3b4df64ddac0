// `npm run bench`: what each command, job and message costs, next to its floor, on SQLite and
// (when RAMP_BENCH_POSTGRES_URL or RAMP_TEST_POSTGRES_URL names a server) PostgreSQL. Ends with
// one table per database: measure | Ramp | floor | ratio | goal | met?. Reports only; nothing
// is asserted. `npm run bench -- --only slack,paging` runs some sections: slack, paging,
// scheduler, timeline, memory (the table), claims, review, acks (details; acks only when named).
// `--markdown` prints the tables as Markdown too (for the README).
import os from "node:os";
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../src/plan/load.ts";
import { benchDatabases } from "./databases.ts";
import { claimRace, schedulerLateness, timelineBench } from "./engine-bench.ts";
import { build, memoryBench, productionNodeFlags } from "./memory-bench.ts";
import { pagingBench } from "./paging-bench.ts";
import { reviewBench } from "./review-bench.ts";
import { slackBench } from "./slack-bench.ts";
import { slackLoadBench } from "./slack-load.ts";
import { ms, table } from "./stats.ts";
import { goals, type Measure, markdownTable, summaryRows } from "./summary.ts";
import { timelineFloor } from "./timeline-floor.ts";

const SECTIONS = [
  "slack",
  "paging",
  "scheduler",
  "timeline",
  "memory",
  "claims",
  "review",
  "acks",
] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? "").split(",").filter(Boolean) : null;
const unknown = only?.filter((name) => !(SECTIONS as readonly string[]).includes(name)) ?? [];
if (only && (only.length === 0 || unknown.length > 0)) {
  process.stderr.write(
    `bench: --only takes a comma-separated list of ${SECTIONS.join(", ")}${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}\n`,
  );
  process.exit(2);
}
const runs = (section: Section) => (only ? only.includes(section) : section !== "acks");
const markdown = args.includes("--markdown");

const loaded = await loadPlanFile(SAMPLE_PLAN_PATH);
if (!loaded.ok) throw new Error("the sample plan does not load");
const { plan, hash } = loaded;
const progress = (line: string) => process.stderr.write(`${line}\n`);
const began = performance.now();

if (runs("memory")) {
  progress("building dist/ (npm run build) for the memory measure…");
  build();
}

const summaries: Array<{ provider: string; measures: Measure[] }> = [];
const detail = (title: string, rows: Array<Record<string, string | number>>) => {
  if (rows.length > 0) process.stdout.write(`\n${title}\n${table(rows)}\n`);
};
/** A section that fails is reported and the others still run. */
async function section(name: Section, provider: string, work: () => Promise<void>) {
  if (!runs(name)) return;
  try {
    await work();
  } catch (error) {
    process.stdout.write(`\n${provider}: ${name} failed: ${(error as Error).stack ?? error}\n`);
  }
}
const printSummary = (provider: string, measures: Measure[]) => {
  if (measures.length === 0) return;
  const rows = summaryRows(measures);
  process.stdout.write(`\n${provider}: each measure next to its floor\n${table(rows)}\n`);
  if (markdown) process.stdout.write(`\n${markdownTable(rows)}\n`);
};

for (const database of benchDatabases()) {
  const provider = database.provider;
  const sqlite = provider === "sqlite";
  const measures: Measure[] = [];
  summaries.push({ provider, measures });
  try {
    await section("slack", provider, async () => {
      progress(`${provider}: Slack /ramp status, claim clicks, /ramp start (event loop)…`);
      const s = await slackLoadBench(await database.create());
      const n = s.concurrency;
      measures.push(
        {
          measure: `/ramp status, ${n} at once: throughput`,
          ramp: s.status.ramp.throughput,
          floor: s.status.floor.throughput,
          unit: "/s",
          goal: goals.ratioAtLeast(0.8),
        },
        {
          measure: `/ramp status, ${n} at once: p99 to the answer`,
          ramp: s.status.ramp.p99,
          floor: s.status.floor.p99,
          unit: "ms",
          goal: goals.ratioAtMost(1.5),
        },
        {
          measure: `claim click, ${n} at once: throughput`,
          ramp: s.claim.ramp.throughput,
          floor: s.claim.floor.throughput,
          unit: "/s",
          goal: goals.ratioAtLeast(0.8),
        },
        {
          measure: `claim click, ${n} at once: p99 to the answer`,
          ramp: s.claim.ramp.p99,
          floor: s.claim.floor.p99,
          unit: "ms",
          goal: goals.ratioAtMost(1.5),
        },
        {
          measure: `event loop delay p99, ${n} concurrent /ramp status`,
          ramp: s.status.ramp.loopP99,
          floor: s.status.floor.loopP99,
          unit: "ms",
          goal: sqlite ? goals.atMost(50, "ms") : null,
        },
        {
          measure: `longest stall, /ramp start of a ${s.start.staff}-function crisis staff until all paged`,
          ramp: s.start.rampMaxStall,
          floor: s.start.floorMaxStall,
          unit: "ms",
          goal: goals.atMost(100, "ms"),
        },
      );
      detail(`${provider}: Slack under ${n} concurrent requests (answer = post on response_url)`, [
        ...(["status", "claim"] as const).flatMap((what) =>
          (["ramp", "floor"] as const).map((who) => {
            const f = s[what][who];
            return {
              request: what === "status" ? "/ramp status" : "claim click",
              app: who === "ramp" ? "Ramp" : "bare Bolt (ack + response_url)",
              "answered/s": f.throughput.toFixed(1),
              p50: ms(f.p50),
              p99: ms(f.p99),
              "loop p99": ms(f.loopP99),
              "loop max": ms(f.loopMax),
              "not acked in 3 s": f.unacknowledged,
              unanswered: f.unanswered,
            };
          }),
        ),
      ]);
    });
    await section("paging", provider, async () => {
      progress(`${provider}: paging ${50} crisis-staff members against Slack's rate tiers…`);
      const p = await pagingBench(await database.create());
      measures.push({
        measure: `paging ${p.staff}: acknowledgement → last page DM (worst of ${p.ramp.length}; rate tiers, tick 15 s)`,
        ramp: Math.max(...p.ramp),
        floor: p.floor,
        unit: "ms",
        goal: goals.below(2000, "ms"),
      });
      detail(`${provider}: paging ${p.staff} against Slack's rate tiers`, [
        {
          rounds: p.ramp.map((t) => ms(t)).join(", "),
          "bare Web API client": ms(p.floor),
          "429s to Ramp":
            Object.entries(p.limited)
              .map(([method, count]) => `${method} ${count}`)
              .join(", ") || "none",
        },
      ]);
    });
    await section("scheduler", provider, async () => {
      progress(`${provider}: scheduler, 1,000 jobs due within 10 s…`);
      const ramp = await schedulerLateness(await database.create(), plan, hash, 1000, 1, 10_000);
      const floor = await schedulerLateness(
        await database.create(),
        plan,
        hash,
        1000,
        1,
        10_000,
        "floor",
      );
      measures.push({
        measure: "scheduler: lateness p99, 1,000 jobs due within 10 s (tick 1 s)",
        ramp: ramp.p99,
        floor: floor.p99,
        unit: "ms",
        goal: goals.atMost(2000, "ms (2 ticks)"),
      });
      detail(`${provider}: scheduler lateness (run − due), 1,000 jobs within 10 s, tick 1 s`, [
        { runner: "Ramp", ran: ramp.ran, p50: ms(ramp.p50), p99: ms(ramp.p99), max: ms(ramp.max) },
        {
          runner: "bare cron tick (one UPDATE)",
          ran: floor.ran,
          p50: ms(floor.p50),
          p99: ms(floor.p99),
          max: ms(floor.max),
        },
      ]);
    });
    await section("timeline", provider, async () => {
      progress(`${provider}: timeline appends…`);
      const url = await database.create();
      const t = await timelineBench(url, plan, hash, 1000, 10_000);
      const floor = await timelineFloor(url, t.incidentId, t.entries + 1, 1000, 9000);
      measures.push(
        {
          measure: "timeline: /ramp log, one command per entry",
          ramp: t.commandRate,
          floor: floor.singleRate,
          unit: "/s",
          goal: sqlite ? goals.atLeast(1000, "/s") : null,
        },
        {
          measure: "timeline: batched appends (500 per transaction)",
          ramp: t.batchRate,
          floor: floor.batchRate,
          unit: "/s",
          goal: sqlite ? goals.atLeast(20_000, "/s") : null,
        },
      );
      detail(`${provider}: timeline of ${t.entries.toLocaleString("en")} entries`, [
        { "read all": ms(t.readMs), "verify the chain": ms(t.verifyMs), "chain ok": String(t.ok) },
      ]);
    });
    await section("memory", provider, async () => {
      progress(`${provider}: memory of the built process after an incident…`);
      const m = await memoryBench(await database.create());
      measures.push(
        {
          measure: `memory: RSS of node ${productionNodeFlags().join(" ")} dist/main.js after an incident (Slack, Teams, board)`,
          ramp: m.rss,
          floor: m.floor,
          unit: "MB",
          goal: goals.below(200, "MB"),
        },
        {
          measure: "memory: peak RSS during the incident",
          ramp: m.peak,
          floor: null,
          unit: "MB",
          goal: null,
        },
      );
    });
    await section("claims", provider, async () => {
      progress(`${provider}: claim race…`);
      const race = await claimRace(await database.create(), plan, hash, 50, 10);
      detail(`${provider}: claim race, 50 people claim one task at once (engine)`, [
        {
          rounds: race.rounds,
          "rounds without exactly one winner": race.wrongRounds,
          "p50 (all answered)": ms(race.p50),
          p99: ms(race.p99),
        },
      ]);
    });
    await section("review", provider, async () => {
      progress(`${provider}: post-incident review…`);
      const review = await reviewBench(await database.create(), plan, hash, 10_000);
      const kb = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
      detail(`${provider}: post-incident review of 10,000 timeline entries`, [
        {
          read: ms(review.readMs),
          build: ms(review.buildMs),
          markdown: ms(review.markdownMs),
          html: ms(review.htmlMs),
          docx: ms(review.docxMs),
          "sizes (md / html / docx)": `${kb(review.sizes.markdown)} / ${kb(review.sizes.html)} / ${kb(review.sizes.docx)}`,
        },
      ]);
    });
    await section("acks", provider, async () => {
      progress(`${provider}: Slack acknowledgements (inbox, ack first, bare Bolt)…`);
      const slack = await slackBench(() => database.create());
      detail(
        `${provider}: Slack, time to the 200 under 50 concurrent signed requests (inbox / ack first / bare Bolt that only acks)`,
        (["start", "claim"] as const).flatMap((request) =>
          (["inbox", "ackFirst", "bare"] as const).map((shape) => {
            const f = slack[request][shape];
            return {
              request: request === "start" ? "/ramp start" : "claim click",
              shape,
              p50: ms(f.p50),
              p95: ms(f.p95),
              p99: ms(f.p99),
              "p50 vs bare": `${(f.p50 / slack[request].bare.p50).toFixed(2)}×`,
            };
          }),
        ),
      );
    });
  } finally {
    await database.cleanup();
  }
  printSummary(provider, measures);
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} at the end; ${((performance.now() - began) / 60_000).toFixed(1)} min`;
// Once more at the end, all databases together.
for (const { provider, measures } of summaries) printSummary(provider, measures);
process.stdout.write(`\nMachine: ${machine}\n`);
