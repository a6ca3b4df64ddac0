// `ramp plan amendments`: the open proposals, the patched copy beside the plan and the diff from
// the live file to it; the live file is never written; applied and dismissed ones drop out.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { expect, it } from "vitest";
import { planAmendmentsCommand } from "../../src/cli/plan-amendments.ts";
import { buildEngine } from "../../src/compose.ts";
import { proposeIn } from "../../src/core/contacts/amendments.ts";
import { SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import { openDatabase } from "../../src/store/database.ts";
import { loadSamplePlan, silentLogger } from "../support/engine.ts";

function capture() {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

it("prints the diff of the proposed amendments, writes the copy beside the plan, never the plan", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-amendments-"));
  const plan = path.join(dir, "plan.yaml");
  const original = readFileSync(SAMPLE_PLAN_PATH, "utf8");
  writeFileSync(plan, original);
  const url = `file:${path.join(dir, "ramp.db")}`;
  const database = await openDatabase(url);
  const sample = await loadSamplePlan();
  const engine = buildEngine({
    database,
    plan: sample.plan,
    planHash: sample.hash,
    log: silentLogger,
    channels: [],
  });
  const now = new Date("2026-12-01T09:00:00Z");
  const [mobile, note] = await engine.ctx.store.transaction((tx) =>
    proposeIn(
      engine.ctx,
      tx,
      [
        {
          source: "confirmation",
          sourceId: "c1",
          personId: "johan-maes",
          field: "mobile",
          newValue: "+32 470 99 88 77",
        },
        {
          source: "reachability-test",
          sourceId: "t1",
          personId: "lien-coussens",
          field: "mobile",
          note: "niet bereikbaar: controleer gsm",
        },
      ],
      now,
    ),
  );
  await database.close();
  const env = { DATABASE_URL: url, RAMP_PLAN: plan };
  const run = async (...args: string[]) => {
    const out = capture();
    const err = capture();
    const code = await planAmendmentsCommand(args, out.stream, err.stream, env);
    return { code, out: out.text(), err: err.text() };
  };

  const johanMobile = sample.plan.people.find((p) => p.id === "johan-maes")!.mobile!;
  const first = await run();
  expect(first.code).toBe(0);
  expect(first.out).toContain(`Johan Maes, gsm: ${johanMobile} → +32 470 99 88 77`);
  expect(first.out).toContain("Lien Coussens, gsm: opmerking: niet bereikbaar: controleer gsm");
  const diffLines = first.out.split("\n").filter((l) => /^[-+](?![-+]{2} )/.test(l));
  expect(diffLines).toEqual([
    `-    mobile: ${johanMobile}`,
    "+    mobile: +32 470 99 88 77",
    "+    # Ramp: niet bereikbaar: controleer gsm",
  ]);
  expect(readFileSync(plan, "utf8")).toBe(original);
  const copies = readdirSync(path.join(dir, "plan.amendments"));
  expect(copies).toHaveLength(1);

  // The maintainer takes the new number over; the note is set aside.
  writeFileSync(
    plan,
    readFileSync(path.join(dir, "plan.amendments", copies[0]!), "utf8").replace(
      "    # Ramp: niet bereikbaar: controleer gsm\n",
      "",
    ),
  );
  const second = await run("--dismiss", note!.id);
  expect(second.code).toBe(0);
  expect(second.out).toContain("1 voorgestelde wijziging(en) staan al in");
  expect(second.out).toContain(`Wijziging ${note!.id} afgewezen.`);
  expect(second.out).toContain("Er zijn geen open voorgestelde wijzigingen.");
  expect(mobile).toBeDefined();
  const unknown = await run("--dismiss", "nope");
  expect(unknown.code).toBe(1);
  expect(unknown.err).toContain("Geen open voorgestelde wijziging met id nope.");
});
