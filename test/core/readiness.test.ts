// The readiness view (the board's first page while no incident runs), on both databases: which
// functions nobody could fill tonight (from the plan's addresses and the last reachability
// test), the plan's warnings, the copies confirmed, and who sees the numbers to call.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { answerContactCheck } from "../../src/core/contacts/answer.ts";
import { askDueContactChecks } from "../../src/core/contacts/ask.ts";
import { remindUnansweredContactChecks } from "../../src/core/contacts/remind.ts";
import { distributePlanCopies } from "../../src/core/plan-copies/distribute.ts";
import { readinessView, shareableReadiness } from "../../src/core/views/readiness/build.ts";
import type { ReadinessView } from "../../src/core/views/readiness/model.ts";
import { planFileAccess } from "../../src/plan/amendment-files.ts";
import { SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine, type TestEngine } from "../support/engine.ts";
import { ICT, planWithGaps } from "../support/readiness-plan.ts";
import { COORDINATOR } from "./fixtures.ts";

const leader = { personId: COORDINATOR, leader: true };
const bartView = { personId: "bart-lannoo", leader: false };

const section = (view: ReadinessView, id: string) => {
  const found = view.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
const row = (view: ReadinessView, id: string, label: string) => {
  const found = section(view, id).rows.find((r) => r.label === label);
  if (!found) throw new Error(`no row ${label} in ${id}`);
  return found;
};

async function runTest(t: TestEngine, answering: (personId: string) => boolean): Promise<void> {
  const test = await t.engine.startTest(t.as(COORDINATOR));
  for (const r of await t.ctx.store.reachability.recipients(test.id))
    if (answering(r.personId)) await t.engine.answerTest(t.as(r.personId), r.id);
  t.clock.advanceMinutes(10);
  await t.engine.stopTest(t.as(COORDINATOR));
}

describeEachDatabase("readiness view", (target) => {
  it("finds the function nobody can fill: no address, then no answer to the last test", async () => {
    const t = await createTestEngine(await target.open({}, await target.createDatabase()), {
      plan: await planWithGaps(),
      channels: ["slack"],
    });
    const before = await readinessView(t.ctx, leader);
    const ict = row(before, "functions", ICT);
    // Kevin can still be called: the function is covered, but its holder is out of Ramp's reach.
    expect(ict.level).toBe("attention");
    expect(ict.value).toBe("Kevin Dumon");
    expect(ict.lines.map((l) => [l.text, l.level])).toEqual([
      ["Bart Lannoo (houder): geen chat-id en geen telefoonnummer in het plan", "problem"],
      ["Kevin Dumon (vervanger 1): Ramp bereikt deze persoon niet: alleen bellen", "attention"],
    ]);
    expect(section(before, "functions").level).toBe("attention");
    // The plan check's warning about Bart, in the plan's words.
    const plan = section(before, "plan");
    expect(plan.level).toBe("attention");
    expect(plan.rows.map((r) => r.label)).toEqual(["Bart Lannoo (people[6])"]);
    expect(plan.rows[0]?.value).toContain("bart-lannoo");
    expect(before.headline).toMatch(/^Klaar: de crisisstaf kan samengeroepen worden\./);

    // Kevin does not answer the test (nor does Bart, whom nothing reached): nobody for ICT.
    await runTest(t, (id) => id !== "kevin-dumon" && id !== "bart-lannoo");
    const after = await readinessView(t.ctx, leader);
    const uncovered = row(after, "functions", ICT);
    expect(uncovered.level).toBe("problem");
    expect(uncovered.value).toBe("niemand bereikbaar");
    expect(uncovered.lines[1]?.text).toBe(
      "Kevin Dumon (vervanger 1): Ramp bereikt deze persoon niet: alleen bellen — antwoordde niet op T-2026-01",
    );
    expect(after.level).toBe("problem");
    // First in the section, whatever the plan's order.
    expect(section(after, "functions").rows[0]?.label).toBe(ICT);
    expect(after.headline).toBe(
      `Niet klaar: 1 functie zonder bereikbare houder of vervanger: ${ICT}.`,
    );
    // Everyone else answered: their functions are fine, with the test named.
    expect(row(after, "functions", "Voorzitter").level).toBe("ok");
    expect(row(after, "functions", "Voorzitter").lines[0]?.text).toBe(
      "Marleen Vandamme (houder): Slack — antwoordde op T-2026-01",
    );
    expect(section(after, "functions").facts[0]?.value).toMatch(
      /^het plan en bereikbaarheidstest T-2026-01 van /,
    );
    expect(section(after, "practice").facts.map((f) => f.label)).toContain(
      "Laatste bereikbaarheidstest",
    );
  });

  it("speaks English when the plan's locale is en", async () => {
    const plan = await planWithGaps();
    plan.organisation.locale = "en";
    plan.people = plan.people.map((p) => (p.id === "kevin-dumon" ? { id: p.id, name: p.name } : p));
    const t = await createTestEngine(await target.open({}, await target.createDatabase()), {
      plan,
      channels: ["slack"],
    });
    const view = await readinessView(t.ctx, leader);
    expect(view.title).toBe("Crisis team readiness");
    expect(view.headline).toBe(
      `Not ready: 1 function with no reachable holder or alternate: ${ICT}.`,
    );
    expect(row(view, "functions", ICT).lines[1]?.text).toBe(
      "Kevin Dumon (alternate 1): no chat id and no phone number in the plan",
    );
    expect(section(view, "copies").summary).toBe(
      "0 of 13 holders confirmed their copy of version 3.0.",
    );
  });

  it("gives the numbers to call to the coordinator and the deputies only", async () => {
    const t = await createTestEngine(await target.open({}, await target.createDatabase()), {
      plan: await planWithGaps(),
      channels: ["slack"],
    });
    const phones = (view: ReadinessView) =>
      view.sections.flatMap((s) => s.rows.flatMap((r) => r.lines.flatMap((l) => l.phone ?? [])));
    const forLeader = await readinessView(t.ctx, leader);
    expect(phones(forLeader)).toContain("+32 472 70 38 12"); // Kevin's mobile
    expect(phones(await readinessView(t.ctx, bartView))).toEqual([]);
    expect(phones(shareableReadiness(forLeader))).toEqual([]);
  });

  it("counts the confirmed copies; the names of those still to confirm only for the leaders", async () => {
    const t = await createTestEngine(await target.open({}, await target.createDatabase()));
    await distributePlanCopies(t.ctx);
    await t.ctx.store.planCopies.confirm(t.ctx.dir.planHash, "bart-lannoo", t.clock.now());
    const forLeader = section(await readinessView(t.ctx, leader), "copies");
    expect(forLeader.summary).toBe("1 van 13 houders bevestigden hun exemplaar van versie 3.0.");
    expect(forLeader.level).toBe("attention");
    expect(forLeader.rows.map((r) => r.label)).not.toContain("Bart Lannoo");
    expect(forLeader.rows).toHaveLength(12);
    expect(forLeader.rows[0]?.value).toMatch(/^verstuurd via Slack op .*, nog niet bevestigd$/);
    const forBart = section(await readinessView(t.ctx, bartView), "copies");
    expect(forBart.rows).toEqual([]);
    expect(forBart.facts.find((f) => f.label === "Uw exemplaar")?.value).toMatch(/^bevestigd op /);
  });

  it("shows contact details confirmed and unanswered, and the amendments waiting, the details only to the leaders", async () => {
    const t = await createTestEngine(await target.open({}, await target.createDatabase()));
    const dir = await mkdtemp(join(tmpdir(), "ramp-readiness-"));
    const planPath = join(dir, "plan.yaml");
    await writeFile(planPath, await readFile(SAMPLE_PLAN_PATH, "utf8"));
    t.ctx.planFile = planFileAccess(planPath);
    const quiet = await readinessView(t.ctx, leader);
    expect(section(quiet, "contacts").level).toBe("ok");
    const everyone = t.ctx.dir.plan.people.length;
    expect(section(quiet, "contacts").summary).toBe(
      `0 van ${everyone} personen bevestigden hun gegevens binnen de termijn; ${everyone} nog niet gevraagd (Ramp vraagt het op het ritme van het plan).`,
    );
    expect(section(quiet, "amendments")).toMatchObject({
      level: "ok",
      summary: "Geen voorgestelde wijzigingen.",
      rows: [],
    });

    await askDueContactChecks(t.ctx);
    const checks = new Map(
      (await t.ctx.store.contactChecks.listLatest()).map((c) => [c.personId, c]),
    );
    const people = checks.size;
    t.clock.advanceMinutes(10);
    await answerContactCheck(t.ctx, "bart-lannoo", checks.get("bart-lannoo")!.id, {
      kind: "confirmed",
    });
    await answerContactCheck(t.ctx, "sofie-vermeulen", checks.get("sofie-vermeulen")!.id, {
      kind: "changed",
      form: { mobile: "0499 11 22 33" },
    });
    const view = await readinessView(t.ctx, leader);
    const contacts = section(view, "contacts");
    expect(contacts.level).toBe("attention");
    expect(contacts.summary).toBe(
      `2 van ${t.ctx.dir.plan.people.length} personen bevestigden hun gegevens binnen de termijn; ${people - 2} niet (meer).`,
    );
    expect(contacts.rows.map((r) => r.label)).not.toContain("Bart Lannoo");
    expect(contacts.rows[0]?.value).toMatch(/^gevraagd op .*, nog geen antwoord$/);
    // A week later the unanswered are reminded, and the page says when.
    t.clock.advanceMinutes(7 * 24 * 60);
    await remindUnansweredContactChecks(t.ctx);
    const reminded = section(await readinessView(t.ctx, leader), "contacts");
    expect(reminded.rows[0]?.value).toMatch(
      /^gevraagd op .*, herinnerd op .* \d\d:\d\d, nog geen antwoord$/,
    );
    expect(reminded.rows.map((r) => r.label)).not.toContain("Bart Lannoo");
    const amendments = section(view, "amendments");
    expect(amendments.level).toBe("attention");
    expect(amendments.summary).toBe("1 voorgestelde wijziging wacht op de beheerder van het plan.");
    expect(amendments.rows.map((r) => [r.label, r.value])).toEqual([
      ["Sofie Vermeulen: gsm", expect.stringMatching(/ → \+32 499 11 22 33$/)],
    ]);

    // Bart sees his own state and how many amendments wait, not anyone's details.
    const forBart = await readinessView(t.ctx, bartView);
    expect(section(forBart, "contacts").rows).toEqual([]);
    expect(
      section(forBart, "contacts").facts.find((f) => f.label === "Uw gegevens")?.value,
    ).toMatch(/^bevestigd op /);
    expect(section(forBart, "amendments").rows).toEqual([]);
    expect(section(forBart, "amendments").level).toBe("attention");
  });

  it("leaves out a section that has nothing to say, and is ready when nothing is wrong", async () => {
    const t = await createTestEngine(await target.open({}, await target.createDatabase()));
    const view = await readinessView(t.ctx, leader, {
      builders: [
        async () => ({
          id: "fine",
          title: "In orde",
          level: "ok",
          summary: "Niets te melden.",
          facts: [],
          rows: [],
        }),
        async () => null,
      ],
    });
    expect(view.sections.map((s) => s.id)).toEqual(["fine"]);
    expect(view.headline).toBe("Klaar: de crisisstaf kan samengeroepen worden.");
  });
});
