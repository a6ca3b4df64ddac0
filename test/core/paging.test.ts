import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.ts";
import { START, type TestEngine } from "../support/engine.ts";
import {
  at,
  COORDINATOR,
  DEPUTY,
  declare,
  entries,
  freshEngine,
  MINUTE,
  noticesOf,
  outbox,
  pageOf,
  pendingJobs,
  recipient,
  tickAt,
} from "./fixtures.ts";

/** Holder, then alternates in order, of every crisis-staff function of the sample plan. */
const CHAINS: Record<string, string[]> = {
  voorzitter: ["marleen-vandamme", "geert-vanhoutte"],
  "algemeen-directeur": ["pieter-declercq", "sofie-vermeulen"],
  "adjunct-algemeen-directeur": ["sofie-vermeulen", "pieter-declercq", "lien-coussens"],
  "financieel-directeur": ["johan-maes", "katrien-dewilde"],
  "adjunct-financieel-directeur": ["katrien-dewilde", "johan-maes"],
  "diensthoofd-sociale-dienst": ["els-verhaeghe", "ines-lambrecht"],
  "deskundige-ict": ["bart-lannoo", "kevin-dumon"],
  stafmedewerker: ["lien-coussens", "sofie-vermeulen"],
  dpo: ["wouter-hoste", "an-peeters"],
};
const FUNCTIONS = Object.keys(CHAINS);
const ACK = 15 * MINUTE;

/** Page cards queued for people, as sorted person ids. */
async function pageCardRecipients(t: TestEngine, incidentId: string, pageIds?: string[]) {
  return (await outbox(t, incidentId))
    .filter(
      (o) =>
        o.delivery.type === "card" &&
        o.delivery.card.kind === "page" &&
        o.audience.kind === "person" &&
        (pageIds === undefined || pageIds.includes(o.delivery.card.pageId)),
    )
    .map(recipient)
    .sort();
}

describeEachDatabase("paging the crisis staff", (target) => {
  let t: TestEngine;
  beforeEach(async () => {
    ({ t } = await freshEngine(target));
  });

  it("pages every crisis-staff function's holder at once; the declarer counts as coming", async () => {
    const incident = await declare(t);
    const pages = await t.ctx.store.pages.listForIncident(incident.id);
    expect(pages.map((p) => [p.functionId, p.personId, p.attempt]).sort()).toEqual(
      FUNCTIONS.map((f) => [f, CHAINS[f]![0], 0]).sort(),
    );
    for (const page of pages) {
      expect(page.sentAt).toEqual(START);
      expect(page.ackDueAt).toEqual(new Date(START.getTime() + ACK));
      expect(page.escalatedFrom).toBeNull();
    }
    const own = pages.find((p) => p.personId === COORDINATOR)!;
    expect(own).toMatchObject({ status: "coming", answeredAt: START, answerSource: "slack" });
    expect(pages.filter((p) => p.status === "sent")).toHaveLength(8);

    // One timeout job per page that waits for an answer, none for the declarer's own page.
    const jobs = (await t.ctx.store.jobs.listForIncident(incident.id)).filter(
      (j) => j.kind === "page-timeout",
    );
    expect(jobs.map((j) => j.subjectId).sort()).toEqual(
      pages
        .filter((p) => p.status === "sent")
        .map((p) => p.id)
        .sort(),
    );
    expect(jobs.every((j) => j.dueAt.getTime() === START.getTime() + ACK)).toBe(true);

    const sent = await entries(t, incident.id, "page.sent");
    expect(sent).toHaveLength(9);
    expect(sent.filter((e) => e.data.selfDeclared === true).map((e) => e.data.personId)).toEqual([
      COORDINATOR,
    ]);
    const declared = (await entries(t, incident.id, "incident.declared"))[0]!;
    expect(declared.data.arriveBy).toBe(new Date(START.getTime() + 60 * MINUTE).toISOString());
    expect(declared.data.meeting).toEqual({
      choice: "primary",
      name: "Administratief Centrum Heidehof",
      address: "Marktplein 1, 8981 Zonnebeke-Heide",
      fallback: false,
    });

    // Page cards go to everyone paged who can be reached on Slack (the DPO has no Slack id).
    expect(await pageCardRecipients(t, incident.id)).toEqual(
      [
        "marleen-vandamme",
        "sofie-vermeulen",
        "johan-maes",
        "katrien-dewilde",
        "els-verhaeghe",
        "bart-lannoo",
        "lien-coussens",
      ].sort(),
    );

    const card = await t.engine.views.pageCard((await pageOf(t, incident.id, "deskundige-ict")).id);
    expect(card.text).toBe(
      "U wordt opgeroepen voor de crisisstaf als Deskundige ICT (gemeente). Kom naar " +
        "Administratief Centrum Heidehof, Marktplein 1, 8981 Zonnebeke-Heide " +
        "(Vergaderzaal De Linde (1e verdieping)), tegen za 21 nov 23:00.",
    );
    expect(card.actions.map((a) => a.action)).toEqual(["page.coming", "page.declined"]);
  });

  it('takes "ik kom" and "ik kan niet" from the paged person or a leader only; a double click is a no-op', async () => {
    const incident = await declare(t);
    const johan = await pageOf(t, incident.id, "financieel-directeur");

    await expect(
      t.engine.answerPage(t.as("bart-lannoo"), johan.id, "coming"),
    ).rejects.toMatchObject({ code: "page-not-yours", params: { name: "Johan Maes" } });
    expect((await t.ctx.store.pages.get(johan.id))!.status).toBe("sent");

    t.clock.set(new Date(START.getTime() + 3 * MINUTE));
    const answered = await t.engine.answerPage(t.as("johan-maes", "teams"), johan.id, "coming");
    expect(answered.status).toBe("coming");
    expect(await t.ctx.store.pages.get(johan.id)).toMatchObject({
      status: "coming",
      answeredAt: new Date(START.getTime() + 3 * MINUTE),
      answerSource: "teams",
    });
    expect(await pendingJobs(t, incident.id, johan.id)).toEqual([]);
    // Answered: the card shows the answer, not the question again; one button changes it.
    const card = await t.engine.views.pageCard(johan.id);
    expect(card.answerText).toBe("Komt (za 21 nov 22:03)");
    expect(card.actions.map((a) => [a.action, a.label])).toEqual([
      ["page.declined", "Ik kan toch niet"],
    ]);

    const again = await t.engine.answerPage(t.as("johan-maes"), johan.id, "coming");
    expect(again.status).toBe("coming");
    const answers = await entries(t, incident.id, "page.answered");
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      actorId: "johan-maes",
      source: "teams",
      data: {
        pageId: johan.id,
        personId: "johan-maes",
        functionId: "financieel-directeur",
        answer: "coming",
        previous: "sent",
      },
    });

    // The deputy answers for someone who phoned in.
    const els = await pageOf(t, incident.id, "diensthoofd-sociale-dienst");
    await t.engine.answerPage(t.as(DEPUTY), els.id, "declined");
    const second = (await entries(t, incident.id, "page.answered"))[1]!;
    expect(second).toMatchObject({
      actorId: DEPUTY,
      data: { personId: "els-verhaeghe", answer: "declined", previous: "sent" },
    });
    // A second "ik kan niet" neither records twice nor pages a second alternate.
    await t.engine.answerPage(t.as("els-verhaeghe"), els.id, "declined");
    expect(await entries(t, incident.id, "page.answered")).toHaveLength(2);
    expect(
      (await t.ctx.store.pages.listForIncident(incident.id)).filter(
        (p) => p.functionId === "diensthoofd-sociale-dienst",
      ),
    ).toHaveLength(2);
  });

  it("pages the function's next alternate at once on a decline", async () => {
    const incident = await declare(t);
    const bart = await pageOf(t, incident.id, "deskundige-ict");
    const declinedAt = new Date(START.getTime() + 5 * MINUTE);
    t.clock.set(declinedAt);
    await t.engine.answerPage(t.as("bart-lannoo"), bart.id, "declined");

    const kevin = await pageOf(t, incident.id, "deskundige-ict", 1);
    expect(kevin).toMatchObject({
      personId: "kevin-dumon",
      status: "sent",
      escalatedFrom: bart.id,
      sentAt: declinedAt,
      ackDueAt: new Date(declinedAt.getTime() + ACK),
    });
    expect(await pendingJobs(t, incident.id, bart.id)).toEqual([]);
    expect(await pendingJobs(t, incident.id, kevin.id)).toEqual([`page-timeout@${20 / 60}`]);
    expect(await pageCardRecipients(t, incident.id, [kevin.id])).toEqual(["kevin-dumon"]);
    const sent = (await entries(t, incident.id, "page.sent")).at(-1)!;
    expect(sent.data).toEqual({
      pageId: kevin.id,
      personId: "kevin-dumon",
      functionId: "deskundige-ict",
      attempt: 1,
      escalatedFrom: bart.id,
      selfDeclared: false,
    });

    // Bart's own timeout was cancelled: at 15 minutes only Kevin's page is still waiting.
    await tickAt(t, new Date(START.getTime() + ACK));
    expect((await t.ctx.store.pages.get(bart.id))!.status).toBe("declined");
    expect((await t.ctx.store.pages.get(kevin.id))!.status).toBe("sent");
  });

  it("marks a page silent after 15 minutes without an answer and pages the alternate", async () => {
    const incident = await declare(t);
    expect(await tickAt(t, new Date(START.getTime() + ACK - 1000))).toEqual({
      done: 0,
      lost: 0,
      failed: 0,
    });
    expect(await entries(t, incident.id, "page.silent")).toHaveLength(0);

    expect(await tickAt(t, new Date(START.getTime() + ACK))).toEqual({
      done: 8,
      lost: 0,
      failed: 0,
    });
    const pages = await t.ctx.store.pages.listForIncident(incident.id);
    const holders = pages.filter((p) => p.attempt === 0 && p.personId !== COORDINATOR);
    expect(holders.map((p) => p.status)).toEqual(Array(8).fill("silent"));
    expect(holders.every((p) => p.answeredAt === null)).toBe(true);
    const silent = await entries(t, incident.id, "page.silent");
    expect(silent.map((e) => e.data.personId).sort()).toEqual(
      holders.map((p) => p.personId).sort(),
    );
    expect(silent.every((e) => e.actorId === null && e.source === "system")).toBe(true);

    const alternates = pages.filter((p) => p.attempt === 1);
    expect(alternates.map((p) => [p.functionId, p.personId]).sort()).toEqual(
      FUNCTIONS.filter((f) => f !== "algemeen-directeur")
        .map((f) => [f, CHAINS[f]![1]])
        .sort(),
    );
    for (const page of alternates) {
      // The coordinator, alternate of the deputy, is already coming: no page needed, he counts as coming.
      expect(page.status).toBe(page.personId === COORDINATOR ? "coming" : "sent");
      expect(page.sentAt).toEqual(at(0.25));
      expect(page.ackDueAt).toEqual(at(0.5));
      expect(page.escalatedFrom).toBe(holders.find((h) => h.functionId === page.functionId)!.id);
    }
    // Ticking again at the same moment changes nothing.
    expect((await t.tick()).done).toBe(0);
    expect(await t.ctx.store.pages.listForIncident(incident.id)).toHaveLength(17);
  });

  it("tells the leaders when holder and all alternates are exhausted", async () => {
    const incident = await declare(t);
    const marleen = await pageOf(t, incident.id, "voorzitter");
    await t.engine.answerPage(t.as("marleen-vandamme"), marleen.id, "declined");
    const geert = await pageOf(t, incident.id, "voorzitter", 1);
    expect(geert.personId).toBe("geert-vanhoutte");
    expect(await noticesOf(t, incident.id, "page-exhausted")).toEqual([]);

    await t.engine.answerPage(t.as("geert-vanhoutte"), geert.id, "declined");
    const exhausted = await entries(t, incident.id, "page.exhausted");
    expect(exhausted.map((e) => e.data)).toEqual([{ functionId: "voorzitter" }]);
    const text =
      "Niemand bereikbaar voor de functie Voorzitter (incident 2026-001): titularis en " +
      "vervangers antwoordden niet of kunnen niet komen.";
    expect(await noticesOf(t, incident.id, "page-exhausted")).toEqual([
      { to: COORDINATOR, text },
      { to: DEPUTY, text },
    ]);
    expect(
      (await t.ctx.store.pages.listForIncident(incident.id)).filter(
        (p) => p.functionId === "voorzitter",
      ),
    ).toHaveLength(2);

    // Through timeouts alone: 15 minutes per step, the longest chain has three people.
    await tickAt(t, at(0.25));
    await tickAt(t, at(0.5));
    await tickAt(t, at(0.75));
    expect((await t.tick()).done).toBe(0);
    const all = await entries(t, incident.id, "page.exhausted");
    // The deputy's function is covered by her alternate, the coordinator, who is coming anyway.
    expect(all.map((e) => e.data.functionId).sort()).toEqual(
      FUNCTIONS.filter(
        (f) => f !== "algemeen-directeur" && f !== "adjunct-algemeen-directeur",
      ).sort(),
    );
    // Two leaders per exhausted function, both on Slack.
    expect(await noticesOf(t, incident.id, "page-exhausted")).toHaveLength(14);
    // Every page left unanswered counts, also those that led to an alternate.
    expect((await t.engine.views.paging(incident.id)).summary).toEqual({
      coming: 2,
      declined: 2,
      silent: 13,
      waiting: 0,
      escalated: 8,
    });
  });

  it("summarises who is coming, declined, silent, waiting and escalated", async () => {
    const incident = await declare(t);
    const page = (fn: string, attempt = 0) => pageOf(t, incident.id, fn, attempt);
    const answer = async (fn: string, attempt: number, answer: "coming" | "declined") => {
      const p = await page(fn, attempt);
      await t.engine.answerPage(t.as(p.personId), p.id, answer);
    };
    await answer("financieel-directeur", 0, "coming");
    await answer("deskundige-ict", 0, "declined");
    await answer("voorzitter", 0, "declined");
    await answer("voorzitter", 1, "declined");

    let view = await t.engine.views.paging(incident.id);
    expect(view.summary).toEqual({ coming: 2, declined: 3, silent: 0, waiting: 6, escalated: 2 });
    expect(view.summaryText).toBe(
      "2 komen, 3 kunnen niet, 0 geen antwoord, 6 wachten op antwoord; bij 2 functies een vervanger opgeroepen",
    );
    expect(
      view.rows.filter((r) => r.functionId === "voorzitter").map((r) => [r.personName, r.status]),
    ).toEqual([
      ["Marleen Vandamme", "escalated"],
      ["Geert Vanhoutte", "declined"],
    ]);
    expect(view.rows.find((r) => r.functionId === "algemeen-directeur")).toMatchObject({
      personName: "Pieter Declercq",
      status: "coming",
      statusLabel: "Komt",
      answeredAt: "za 21 nov 22:00",
    });

    // At 15 minutes every page still waiting goes silent; Kevin (paged at once) too.
    expect((await tickAt(t, at(0.25))).done).toBe(6);
    view = await t.engine.views.paging(incident.id);
    // Alternates already coming for their own function (the coordinator for the deputy, Johan
    // for his adjunct) cover the function at once; Ines, Sofie and An are paged and wait.
    expect(view.summary).toEqual({ coming: 4, declined: 3, silent: 6, waiting: 3, escalated: 7 });
    expect(
      view.rows
        .filter((r) => r.functionId === "deskundige-ict")
        .map((r) => [r.personName, r.status]),
    ).toEqual([
      ["Bart Lannoo", "escalated"],
      ["Kevin Dumon", "silent"],
    ]);
    expect((await entries(t, incident.id, "page.exhausted")).map((e) => e.data.functionId)).toEqual(
      ["voorzitter", "deskundige-ict"],
    );
  });

  it("stops paging alternates once someone for the function is coming", async () => {
    const incident = await declare(t);
    await tickAt(t, at(0.25)); // Marleen silent, Geert paged
    const marleen = await pageOf(t, incident.id, "voorzitter");
    const geert = await pageOf(t, incident.id, "voorzitter", 1);
    expect(marleen.status).toBe("silent");

    // Marleen answers late: she is coming after all.
    t.clock.set(at(0.3));
    await t.engine.answerPage(t.as("marleen-vandamme"), marleen.id, "coming");
    expect((await t.ctx.store.pages.get(marleen.id))!.status).toBe("coming");

    // Geert never answers; the function is covered, so nobody is told it is exhausted.
    await tickAt(t, at(0.5));
    expect((await t.ctx.store.pages.get(geert.id))!.status).toBe("silent");
    expect(
      (await entries(t, incident.id, "page.exhausted")).map((e) => e.data.functionId),
    ).not.toContain("voorzitter");
    expect(
      (await noticesOf(t, incident.id, "page-exhausted")).filter((n) =>
        n.text.includes("functie Voorzitter "),
      ),
    ).toEqual([]);
    const view = await t.engine.views.paging(incident.id);
    expect(
      view.rows.filter((r) => r.functionId === "voorzitter").map((r) => [r.personName, r.status]),
    ).toEqual([
      ["Marleen Vandamme", "coming"],
      ["Geert Vanhoutte", "silent"],
    ]);
    // The function counts as coming, not as silent (with the coordinator and the deputy's
    // function, which the coordinator covers once she went silent).
    expect(view.summary.coming).toBe(3);
  });
});
