import { expect, it } from "vitest";
import { parseChatCommand } from "../../src/core/chat/parse.ts";
import { type ChatReply, runChatCommand } from "../../src/core/chat/run.ts";
import { buildReview } from "../../src/core/review/build.ts";
import { renderReviewDocument } from "../../src/review/document.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine, type TestEngine } from "../support/engine.ts";
import {
  at,
  COORDINATOR,
  declare,
  entries,
  freshEngine,
  MINUTE,
  noticesOf,
  outbox,
  pageOf,
  tickAt,
} from "./fixtures.ts";

const ICT = "bart-lannoo"; // holds deskundige-ict
const DPO = "wouter-hoste";

function chat(t: TestEngine, words: string, by = COORDINATOR): Promise<ChatReply> {
  return runChatCommand(t.engine, t.as(by), parseChatCommand(words), "/ramp");
}

const text = (reply: ChatReply): string => {
  if (reply.kind === "text" || reply.kind === "declared") return reply.text;
  throw new Error(`unexpected reply ${JSON.stringify(reply)}`);
};

async function startScenario(t: TestEngine) {
  const reply = await chat(t, "/ramp oefening start ransomware-bestandsserver");
  expect(reply.kind).toBe("declared");
  const [exercise] = await t.engine.activeIncidents();
  return exercise!;
}

/** Injects of the scenario as the timeline has them: "T+minutes→to". */
async function injectsOn(t: TestEngine, incidentId: string) {
  return (await entries(t, incidentId, "exercise.inject")).map(
    (e) => `${e.data.kind}:${e.data.at}→${e.data.to}`,
  );
}

describeEachDatabase("an exercise (oefening)", (target) => {
  it("runs a scenario with its injects from the start to the oefenverslag", async () => {
    const { t } = await freshEngine(target);
    const exercise = await startScenario(t);
    expect(exercise).toMatchObject({
      number: "O-2026-001",
      exercise: true,
      scenarioId: "ransomware-bestandsserver",
      classification: "groot",
      description: "Ransomware op de bestandsserver",
    });
    // The whole flow: the crisis staff is paged, and each page says OEFENING.
    expect(await entries(t, exercise.id, "page.sent")).toHaveLength(9);
    const ictPage = await pageOf(t, exercise.id, "deskundige-ict");
    const card = await t.engine.views.card({ kind: "page", pageId: ictPage.id });
    expect(card.exercise?.text).toBe(
      "OEFENING O-2026-001 — dit is een oefening, geen echt incident.",
    );
    expect(card.kind === "page" && card.title).toBe(
      "Oefening O-2026-001 — Ransomware op de bestandsserver",
    );
    // The starting situation goes to the channel at once; the five injects wait for their time.
    expect(await injectsOn(t, exercise.id)).toEqual(["start:0→channel"]);
    const jobs = (await t.ctx.store.jobs.listForIncident(exercise.id)).filter(
      (j) => j.kind === "exercise-inject",
    );
    expect(jobs.map((j) => (j.dueAt.getTime() - at(0).getTime()) / MINUTE).sort()).toEqual([
      120, 20, 45, 60, 90,
    ]);

    await t.engine.answerPage(t.as(ICT), ictPage.id, "coming");
    await tickAt(t, new Date(at(0).getTime() + 20 * MINUTE));
    expect(await injectsOn(t, exercise.id)).toEqual([
      "start:0→channel",
      "scenario:20→deskundige-ict",
    ]);
    const toIct = (await noticesOf(t, exercise.id, "exercise-inject")).filter((n) => n.to === ICT);
    expect(toIct).toEqual([
      {
        to: ICT,
        text: expect.stringMatching(
          /^Inject T\+20m voor Deskundige ICT \(gemeente\) \(Bart Lannoo\): Heidland/,
        ),
      },
    ]);
    // Every notice of the exercise carries the mark the platforms show first.
    const notices = (await outbox(t, exercise.id)).filter((i) => i.delivery.type === "notice");
    expect(notices.length).toBeGreaterThan(0);
    for (const item of notices)
      expect(item.delivery.type === "notice" && item.delivery.notice.exercise?.label).toBe(
        "OEFENING",
      );

    // The team reacts to the first inject; the rest pass without an answer on the timeline.
    t.clock.set(new Date(at(0).getTime() + 25 * MINUTE));
    await chat(t, "/ramp log De server wordt volledig opnieuw opgebouwd", ICT);
    await chat(t, "/ramp evaluatie Bestandsserver en domeincontroller versleuteld");
    await chat(t, "/ramp besluit B Eigen gebouw blijft bruikbaar");
    for (const minutes of [45, 60, 90, 120])
      await tickAt(t, new Date(at(0).getTime() + minutes * MINUTE));
    expect(await injectsOn(t, exercise.id)).toEqual([
      "start:0→channel",
      "scenario:20→deskundige-ict",
      "scenario:45→deskundige-ict",
      "scenario:60→dpo",
      "scenario:90→communicatie",
      "scenario:120→coordinator",
    ]);
    // An inject for a function goes to whoever is coming for it, else to its holder.
    const dpo = (await entries(t, exercise.id, "exercise.inject")).find((e) => e.data.to === "dpo");
    expect(dpo?.data).toMatchObject({
      personId: DPO,
      toName: "Data Protection Officer (Wouter Hoste)",
    });
    t.clock.set(new Date(at(0).getTime() + 130 * MINUTE));
    expect(text(await chat(t, "/ramp oefening inject De stroom valt uit in het hele gebouw"))).toBe(
      "Inject verstuurd naar het kanaal van oefening O-2026-001; hij staat op de tijdlijn.",
    );
    expect(text(await chat(t, "/ramp oefening stop Goed geoefend"))).toMatch(
      /^Oefening O-2026-001 is beëindigd\./,
    );
    expect((await t.engine.views.incident(exercise.id)).status).toBe("closed");
    expect(await entries(t, exercise.id, "exercise.ended")).toHaveLength(1);

    const report = await buildReview(t.engine, exercise.id);
    expect(report.title).toBe("Oefenverslag — oefening O-2026-001");
    expect(report.exercise?.label).toBe("OEFENING");
    expect(report.sections.map((s) => s.id)).toEqual([
      "verloop",
      "taken-diensten",
      "injects",
      "wat-liep-mis",
      "nabespreking",
    ]);
    const course = report.sections[0]!;
    expect(course.answers[1]!.text[0]).toMatch(/^Beslissing situatie B 25 min na de start/);
    const table = report.sections[2]!.tables[0]!;
    expect(table.id).toBe("injects");
    expect(table.rows.map((r) => r[0]!.split(" ")[0])).toEqual([
      "T+20m",
      "T+45m",
      "T+1h",
      "T+1h30m",
      "T+2h",
      "T+2h10m",
    ]);
    expect(table.rows[0]![3]).toContain("De server wordt volledig opnieuw opgebouwd");
    expect(table.rows[1]![3]).toBe("niets op de tijdlijn");
    const wrong = report.sections[3]!.answers[0]!.text;
    expect(wrong).toContain(
      "Op de inject T+1h voor Data Protection Officer (Wouter Hoste) volgde niets op de tijdlijn.",
    );
    const debrief = report.sections[4]!.answers;
    expect(debrief.every((q) => q.status === "open")).toBe(true);
    expect(
      debrief.some((q) => q.question.startsWith('Inject T+45m ("De back-up van vannacht')),
    ).toBe(true);
    const markdown = (await renderReviewDocument(report, "md")).content.toString("utf8");
    expect(markdown.split("\n")[0]).toBe(
      "> **OEFENING O-2026-001 — dit is een oefening, geen echt incident.**",
    );
    const page = (await renderReviewDocument(report, "html")).content.toString("utf8");
    expect(page).toContain(
      '<p class="exercise" role="note"><strong>OEFENING O-2026-001 — dit is een oefening, geen echt incident.</strong></p>',
    );
    expect(page).toContain("Injects en wat erop volgde");
    const word = await renderReviewDocument(report, "docx");
    expect(word.fileName).toBe("oefenverslag-O-2026-001.docx");
    expect(word.content.subarray(0, 2).toString()).toBe("PK");

    // Never counted as an incident: the first real one is still 2026-001.
    const real = await declare(t);
    expect(real.number).toBe("2026-001");
  });

  it("gives way to a real incident: the exercise stops, with a notice to everyone in it", async () => {
    const { t } = await freshEngine(target);
    const exercise = await startScenario(t);
    const ictPage = await pageOf(t, exercise.id, "deskundige-ict");
    await t.engine.answerPage(t.as(ICT), ictPage.id, "coming");
    // A staff report is real: it alerts the leaders and never lands in the exercise's log.
    const report = await t.engine.report(t.as(ICT), "Rook in het serverlokaal");
    expect(report.kind).toBe("reported");

    t.clock.set(new Date(at(0).getTime() + 10 * MINUTE));
    const real = await declare(t);
    expect(real).toMatchObject({ number: "2026-001", exercise: false });
    expect((await t.engine.activeIncidents()).map((i) => i.number)).toEqual(["2026-001"]);
    expect(await t.engine.resolveIncident()).toMatchObject({ id: real.id });
    const ended = await t.engine.views.incident(exercise.id);
    expect(ended.status).toBe("closed");
    expect((await entries(t, exercise.id, "exercise.ended"))[0]?.data).toEqual({
      reason: "real-incident",
      incident: "2026-001",
    });
    const stopped = await noticesOf(t, exercise.id, "exercise-ended");
    expect(stopped.map((n) => n.to)).toContain("channel");
    expect(stopped.map((n) => n.to)).toContain(ICT);
    expect(stopped[0]!.text).toMatch(/^OEFENING O-2026-001 IS GESTOPT: er is een echt incident/);
    // The real incident is not marked, takes the staff report, and no inject reaches it.
    const realPage = await pageOf(t, real.id, "deskundige-ict");
    expect((await t.engine.views.card({ kind: "page", pageId: realPage.id })).exercise).toBe(
      undefined,
    );
    expect(real.reportedBy).toMatch(/^Bart Lannoo/);
    await tickAt(t, at(3));
    expect(await injectsOn(t, exercise.id)).toEqual(["start:0→channel"]);
    expect(await entries(t, real.id, "exercise.inject")).toEqual([]);
    expect((await t.engine.verifyTimeline(exercise.id)).ok).toBe(true);

    // While the real incident runs, no exercise can start.
    const refused = await chat(t, "/ramp oefening start ransomware-bestandsserver");
    expect(refused).toMatchObject({ kind: "error", error: { code: "exercise-during-incident" } });
  });

  it("refuses what does not fit: an unknown scenario, a second exercise, anyone but a leader", async () => {
    const { t } = await freshEngine(target);
    const unknown = await chat(t, "/ramp oefening start ransomwar");
    expect(unknown).toMatchObject({
      kind: "error",
      error: {
        code: "unknown-scenario",
        nl: 'Scenario "ransomwar" staat niet in het plan. Kies uit: ransomware-bestandsserver.',
      },
    });
    const staff = await chat(t, "/ramp oefening start ransomware-bestandsserver", ICT);
    expect(staff).toMatchObject({ kind: "error", error: { code: "not-coordinator" } });
    const list = text(await chat(t, "/ramp oefening"));
    expect(list).toContain(
      "/ramp oefening start ransomware-bestandsserver — Ransomware op de bestandsserver (5 injects)",
    );
    expect(await chat(t, "/ramp oefening inject Brand")).toMatchObject({
      error: { code: "no-active-exercise" },
    });

    // A free exercise: the words are its description, no injects.
    await chat(t, "/ramp oefening start Stroompanne in het Sociaal Huis");
    const [free] = await t.engine.activeIncidents();
    expect(free).toMatchObject({ number: "O-2026-001", scenarioId: null, classification: "groot" });
    const second = await chat(t, "/ramp oefening start ransomware-bestandsserver");
    expect(second).toMatchObject({ error: { code: "exercise-active" } });
  });

  it("delivers each inject exactly once across a restart", async () => {
    const { t: before, db, url } = await freshEngine(target);
    const exercise = await startScenario(before);
    await db.close(); // the process stops before any inject is due

    const after = await createTestEngine(await target.open({}, url));
    await tickAt(after, new Date(at(0).getTime() + 46 * MINUTE));
    await tickAt(after, new Date(at(0).getTime() + 47 * MINUTE));
    expect(await injectsOn(after, exercise.id)).toEqual([
      "start:0→channel",
      "scenario:20→deskundige-ict",
      "scenario:45→deskundige-ict",
    ]);
    expect(
      (await noticesOf(after, exercise.id, "exercise-inject")).filter((n) => n.to === ICT),
    ).toHaveLength(2);
    expect((await after.engine.verifyTimeline(exercise.id)).ok).toBe(true);
  });
});
