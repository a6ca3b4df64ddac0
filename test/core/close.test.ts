import { beforeEach, expect, it } from "vitest";
import { parseChatCommand } from "../../src/core/chat/parse.ts";
import { runChatCommand } from "../../src/core/chat/run.ts";
import type { Incident } from "../../src/core/model.ts";
import { cardKey } from "../../src/core/work.ts";
import type { Database } from "../../src/store/database.ts";
import { describeEachDatabase } from "../support/databases.ts";
import type { TestEngine } from "../support/engine.ts";
import {
  at,
  COORDINATOR,
  DEPUTY,
  declare,
  entries,
  freshEngine,
  noticesOf,
  outbox,
  pageOf,
  recipient,
  taskOf,
  tickAt,
} from "./fixtures.ts";

const BART = "bart-lannoo";

describeEachDatabase("closing an incident", (target) => {
  let t: TestEngine;
  let db: Database;
  let incident: Incident;
  beforeEach(async () => {
    ({ t, db } = await freshEngine(target));
    incident = await declare(t);
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
  });

  it("is for the coordinator or a deputy only", async () => {
    await expect(t.engine.close(t.as(BART), incident.id)).rejects.toMatchObject({
      code: "not-coordinator",
    });
    expect((await t.ctx.store.incidents.get(incident.id))!.status).toBe("active");
    expect(await entries(t, incident.id, "incident.closed")).toEqual([]);
  });

  it("asks before closing with open tasks in the chat, listing them one a line, and closes on 'bevestig'", async () => {
    const restore = await taskOf(t, incident.id, "b-tech-restore");
    await t.engine.task(t.as(BART), restore.id, "block", "Leverancier onbereikbaar");
    const coordinator = t.as(COORDINATOR);
    const ask = await runChatCommand(
      t.engine,
      coordinator,
      parseChatCommand("stop Klaar"),
      "/ramp",
    );
    expect(ask.kind).toBe("text");
    const lines = (ask as { text: string }).text.split("\n");
    expect(lines[0]).toBe("Er staan nog 13 taken open; ze blijven open in de review:");
    expect(lines).toContain(
      "• Restore van de systemen coördineren — Bart Lannoo (geblokkeerd: Leverancier onbereikbaar)",
    );
    expect(lines).toContain("• Back-ups beschikbaar stellen — niemand (open)");
    expect(lines.at(-1)).toBe("Toch afsluiten? Bevestig met: /ramp stop Klaar bevestig");
    expect((await t.ctx.store.incidents.get(incident.id))!.status).toBe("active");
    // Anyone but a leader is refused before the question.
    const refused = await runChatCommand(t.engine, t.as(BART), parseChatCommand("stop"), "/ramp");
    expect(refused).toMatchObject({ kind: "error", error: { code: "not-coordinator" } });

    const done = await runChatCommand(
      t.engine,
      coordinator,
      parseChatCommand("stop Klaar bevestig"),
      "/ramp",
    );
    expect(done).toMatchObject({ kind: "text" });
    expect((await t.ctx.store.incidents.get(incident.id))!.status).toBe("closed");
    expect((await entries(t, incident.id, "incident.closed"))[0]!.data.note).toBe("Klaar");
  });

  it("closes at once when nothing is open", async () => {
    for (const task of await t.ctx.store.tasks.listForIncident(incident.id))
      await t.engine.task(t.as(BART), task.id, "complete");
    const done = await runChatCommand(t.engine, t.as(DEPUTY), parseChatCommand("stop"), "/ramp");
    expect(done).toMatchObject({
      kind: "text",
      text: "Incident 2026-001 is afgesloten. De tijdlijn is verzegeld.",
    });
  });

  it("lists the open tasks, stops every pending job and seals the timeline", async () => {
    const restore = await taskOf(t, incident.id, "b-tech-restore");
    const comms = await taskOf(t, incident.id, "b-org-externe-communicatie");
    const meals = await taskOf(t, incident.id, "b-org-maaltijden");
    await t.engine.task(t.as(BART), restore.id, "claim");
    await t.engine.task(t.as("hanne-desmet"), comms.id, "complete");
    await t.engine.task(t.as("dirk-vandenbroucke"), meals.id, "complete"); // restores dienstverlening
    await t.engine.task(
      t.as("kevin-dumon"),
      (await taskOf(t, incident.id, "b-tech-backups")).id,
      "block",
      "NAS stuk",
    );

    t.clock.set(at(3));
    const result = await t.engine.close(t.as(DEPUTY, "web"), incident.id, " Alles onder controle ");
    expect(result.openTasks).toHaveLength(11);
    expect(result.openTasks.map((x) => x.id)).not.toContain(comms.id);
    expect(result.openTasks.find((x) => x.id === restore.id)).toMatchObject({
      status: "claimed",
      ownerId: BART,
    });
    expect(result.incident).toMatchObject({
      status: "closed",
      closedAt: at(3),
      closedById: DEPUTY,
    });

    const stored = (await t.ctx.store.incidents.get(incident.id))!;
    const all = await entries(t, incident.id);
    const last = all.at(-1)!;
    expect(last).toMatchObject({ type: "incident.closed", actorId: DEPUTY, source: "web" });
    expect(stored).toMatchObject({ status: "closed", closedAt: at(3), closedById: DEPUTY });
    expect(stored.sealHash).toBe(last.hash);
    expect(result.incident.sealHash).toBe(last.hash);
    expect(last.data).toMatchObject({
      note: "Alles onder controle",
      servicesNotRestored: [
        "administratie",
        "sociale-dienst",
        "verhuur-residentie",
        "ondersteunende-diensten",
      ],
    });
    const listed = last.data.openTasks as Array<Record<string, unknown>>;
    expect(listed).toHaveLength(11);
    expect(listed).toContainEqual({
      taskId: restore.id,
      title: "Restore van de systemen coördineren",
      status: "claimed",
      ownerId: BART,
    });
    expect(await t.engine.verifyTimeline(incident.id)).toEqual({
      ok: true,
      entries: all.length,
      headHash: stored.sealHash,
    });

    const [notice] = await noticesOf(t, incident.id, "incident-closed");
    expect(notice!.to).toBe("channel");
    const lines = notice!.text.split("\n");
    expect(lines.slice(0, 2)).toEqual([
      "Incident 2026-001 is afgesloten door Sofie Vermeulen. De tijdlijn is verzegeld; het " +
        "eerste ontwerp van de post-incident review volgt hieronder.",
      "Nog open taken:",
    ]);
    expect(lines.slice(2)).toHaveLength(11);
    expect(lines).toContain("• Restore van de systemen coördineren (Bart Lannoo)");
    expect(lines).toContain("• Back-ups beschikbaar stellen (Kevin Dumon)");
    expect(lines).toContain("• Werking tijdens de rampsituatie coördineren (—)");

    // Right after the notice, the review is shared with everyone following the incident, once
    // per channel; it is drafted when delivered, so it includes the close and the seal.
    const queued = await outbox(t, incident.id);
    const closedAt = queued.findIndex(
      (i) => i.delivery.type === "notice" && i.delivery.notice.kind === "incident-closed",
    );
    const shares = queued.filter((i) => i.delivery.type === "review");
    expect(shares.map((i) => [i.channel, recipient(i), i.delivery])).toEqual(
      t.ctx.channels.map((channel) => [
        channel,
        "channel",
        {
          type: "review",
          review: { incidentId: incident.id, reason: "closed", requestedById: null },
        },
      ]),
    );
    expect(queued.indexOf(shares[0]!)).toBeGreaterThan(closedAt);
    // Every card that may have been posted is brought up to date (without its buttons), but
    // only where it was posted: these deliveries never post a card anew.
    const updates = queued.flatMap((i) =>
      i.delivery.type === "card" && i.delivery.ifShown ? [cardKey(i.delivery.card)] : [],
    );
    const pages = await t.ctx.store.pages.listForIncident(incident.id);
    expect(new Set(updates)).toEqual(
      new Set([
        `card:paging:${incident.id}`,
        `card:decision:${incident.id}`,
        ...(await t.ctx.store.tasks.listForIncident(incident.id)).map(
          (task) => `card:task:${task.id}`,
        ),
        // On Slack (this engine's channel), to the people the plan gives a Slack id.
        ...pages
          .filter((page) => t.ctx.dir.person(page.personId)?.slackUserId)
          .map((page) => `card:page:${page.id}`),
      ]),
    );

    // No job is left to run: page timeouts, reminders and escalations were all cancelled.
    const jobs = await t.ctx.store.jobs.listForIncident(incident.id);
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.filter((j) => j.status === "pending" || j.status === "leased")).toEqual([]);
    const rows = (await outbox(t, incident.id)).length;
    for (const h of [0.25, 8, 24, 72]) expect((await tickAt(t, at(h))).done).toBe(0);
    expect((await outbox(t, incident.id)).length).toBe(rows);
    expect(await entries(t, incident.id)).toHaveLength(all.length);
    expect(await t.engine.activeIncidents()).toEqual([]);
  });

  it("notices an entry removed after the seal", async () => {
    await t.engine.close(t.as(COORDINATOR), incident.id);
    const all = await entries(t, incident.id);
    await db.client.timelineEntry.delete({ where: { id: all.at(-1)!.id } });
    expect(await t.engine.verifyTimeline(incident.id)).toMatchObject({
      ok: false,
      entries: all.length - 1,
      brokenAt: { seq: all.length - 1, reason: "seal" },
      headHash: all.at(-2)!.hash,
    });
  });

  it("refuses every command on a closed incident", async () => {
    const restore = await taskOf(t, incident.id, "b-tech-restore");
    await t.engine.task(t.as(BART), restore.id, "claim");
    const page = await pageOf(t, incident.id, "financieel-directeur");
    const log = await t.engine.log(t.as(BART), incident.id, "Back-up gevonden");
    await t.engine.close(t.as(COORDINATOR), incident.id);
    const count = (await entries(t, incident.id)).length;

    const closed = { code: "incident-closed", params: { number: "2026-001" } };
    const as = (person: string) => t.as(person);
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ["claim", () => t.engine.task(as("kevin-dumon"), restore.id, "claim")],
      ["release", () => t.engine.task(as(BART), restore.id, "release")],
      ["complete", () => t.engine.task(as(BART), restore.id, "complete")],
      ["block", () => t.engine.task(as(BART), restore.id, "block", "x")],
      ["assign", () => t.engine.assign(as(COORDINATOR), restore.id, "kevin-dumon")],
      ["answer", () => t.engine.answerPage(as("johan-maes"), page.id, "coming")],
      ["log", () => t.engine.log(as(BART), incident.id, "Nog iets")],
      ["correct", () => t.engine.correct(as(BART), incident.id, log.id, "Back-up niet gevonden")],
      ["evaluate", () => t.engine.recordEvaluation(as(COORDINATOR), incident.id, "x")],
      [
        "decide",
        () =>
          t.engine.decide(as(COORDINATOR), incident.id, {
            situation: "A",
            locationId: "bibliotheek",
          }),
      ],
      ["restore", () => t.engine.restoreService(as(COORDINATOR), incident.id, "administratie")],
      ["reclassify", () => t.engine.reclassify(as(COORDINATOR), incident.id, "groot")],
      ["close", () => t.engine.close(as(COORDINATOR), incident.id)],
    ];
    for (const [what, attempt] of attempts) {
      await expect(attempt(), what).rejects.toMatchObject(closed);
    }
    expect(await entries(t, incident.id)).toHaveLength(count);
    expect((await t.ctx.store.tasks.get(restore.id))!.ownerId).toBe(BART);

    // Cards of a closed incident offer no buttons any more.
    expect((await t.engine.views.taskCard(restore.id)).actions).toEqual([]);
    expect((await t.engine.views.pageCard(page.id)).actions).toEqual([]);
    expect((await t.engine.views.decision(incident.id)).actions).toEqual([]);

    // A new incident no longer needs openSecond.
    const next = await declare(t);
    expect(next.number).toBe("2026-002");
  });
});
