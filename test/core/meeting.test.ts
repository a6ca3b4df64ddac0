// The meeting address (contactadres): declared at the plan's primary address or its fallback,
// moved afterwards by the coordinator or a deputy; those paged hear the new address and time.
import { beforeEach, describe, expect, it } from "vitest";
import { helpText } from "../../src/core/chat/help.ts";
import { parseChatCommand } from "../../src/core/chat/parse.ts";
import { buildReview } from "../../src/core/review/build.ts";
import { renderMarkdown } from "../../src/review/render-markdown.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine, type TestEngine } from "../support/engine.ts";
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
} from "./fixtures.ts";

const FALLBACK = "Woonzorgcentrum Ter Heide";
const PRIMARY = "Administratief Centrum Heidehof";

describeEachDatabase("the meeting address", (target) => {
  let t: TestEngine;
  beforeEach(async () => {
    t = (await freshEngine(target)).t;
  });

  it("declares at the fallback address: stored, recorded, named on the card and every page", async () => {
    const incident = await t.engine.declare(t.as(COORDINATOR), {
      classification: "crisis",
      scope: "totaal",
      description: "Brand in het administratief centrum",
      meeting: "fallback",
    });
    const stored = await t.ctx.store.incidents.get(incident.id);
    expect(stored?.meeting).toBe("fallback");
    expect(stored?.arriveBy).toEqual(at(1)); // the plan's arriveWithin: 1h
    const [declared] = await entries(t, incident.id, "incident.declared");
    expect(declared!.data.meeting).toMatchObject({ name: FALLBACK, fallback: true });

    const card = await t.engine.views.incidentCard(incident.id);
    expect(card.meeting).toMatchObject({ choice: "fallback", name: FALLBACK });
    expect(card.meeting.kind).toBe("Uitwijk-contactadres");
    expect(card.actions).toEqual([
      expect.objectContaining({ action: "meeting.change", meeting: "primary" }),
    ]);
    const pages = (await t.ctx.store.pages.listForIncident(incident.id)).filter(
      (p) => p.status === "sent",
    );
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const view = await t.engine.views.pageCard(page.id);
      expect(view.text).toContain(`het uitwijk-contactadres ${FALLBACK}, Kerkstraat 41`);
      expect(view.text).not.toContain(PRIMARY);
    }
  });

  it("declares at the primary address unless told otherwise", async () => {
    const incident = await declare(t);
    expect((await t.ctx.store.incidents.get(incident.id))?.meeting).toBe("primary");
    const card = await t.engine.views.incidentCard(incident.id);
    expect(card.meeting).toMatchObject({ choice: "primary", name: PRIMARY });
    expect(card.actions[0]).toMatchObject({ meeting: "fallback" });
  });

  it("refuses an address the plan does not have, before anything is stored", async () => {
    await expect(
      t.engine.declare(t.as(COORDINATOR), {
        classification: "crisis",
        scope: "totaal",
        description: "Brand",
        meeting: "elders" as never,
      }),
    ).rejects.toMatchObject({ code: "invalid-input" });
    expect(await t.engine.activeIncidents()).toEqual([]);
  });

  it("moves the meeting: stored, recorded, a notice with the new arrival time to everyone paged who did not decline", async () => {
    const incident = await declare(t);
    const declining = await pageOf(t, incident.id, "voorzitter");
    const coming = await pageOf(t, incident.id, "deskundige-ict");
    t.clock.set(at(0.25));
    await t.engine.answerPage(t.as(declining.personId), declining.id, "declined");
    await t.engine.answerPage(t.as(coming.personId), coming.id, "coming");
    t.clock.set(at(0.5));
    await t.engine.changeMeeting(
      t.as(DEPUTY),
      incident.id,
      "fallback",
      "De brand is in het Heidehof",
    );

    const stored = await t.ctx.store.incidents.get(incident.id);
    expect(stored?.meeting).toBe("fallback");
    expect(stored?.arriveBy).toEqual(at(1.5)); // now + 1h, not the declaration's 23:00
    const [changed] = await entries(t, incident.id, "meeting.changed");
    expect(changed).toMatchObject({
      actorId: DEPUTY,
      data: {
        from: "primary",
        to: "fallback",
        name: FALLBACK,
        reason: "De brand is in het Heidehof",
      },
    });
    expect((await t.engine.verifyTimeline(incident.id)).ok).toBe(true);

    const notices = await noticesOf(t, incident.id, "meeting-changed");
    const pages = await t.ctx.store.pages.listForIncident(incident.id);
    // In Slack (the test's one channel): whoever has a Slack id.
    const expected = new Set(
      pages
        .filter((p) => p.status !== "declined" && p.personId !== DEPUTY)
        .filter((p) => t.engine.directory.person(p.personId)?.slackUserId)
        .map((p) => p.personId),
    );
    expect(new Set(notices.map((n) => n.to))).toEqual(expected);
    expect(notices.map((n) => n.to)).not.toContain(declining.personId);
    expect(notices.map((n) => n.to)).toContain(coming.personId);
    expect(notices.map((n) => n.to)).toContain(COORDINATOR); // the declarer, counted as coming
    expect(notices[0]!.text).toBe(
      `Nieuw contactadres voor incident ${incident.number}: kom naar ${FALLBACK}, Kerkstraat 41, 8981 Zonnebeke-Heide (Vergaderlokaal Het Kapelleke (gelijkvloers)), tegen za 21 nov 23:30. Reden: De brand is in het Heidehof.`,
    );

    // The incident card and the pages already out show the new address and time.
    const card = await t.engine.views.incidentCard(incident.id);
    expect(card.meeting).toMatchObject({ choice: "fallback", name: FALLBACK });
    expect(card.meeting.arriveBy).toBe("za 21 nov 23:30");
    expect((await t.engine.views.pageCard(coming.id)).text).toContain(FALLBACK);
    const refreshed = (await outbox(t, incident.id)).filter(
      (i) =>
        i.createdAt.getTime() === at(0.5).getTime() &&
        i.delivery.type === "card" &&
        (i.delivery.card.kind === "incident" || i.delivery.card.kind === "page"),
    );
    expect(refreshed.some((i) => recipient(i) === "channel")).toBe(true);
    expect(refreshed.filter((i) => recipient(i) === coming.personId)).toHaveLength(1);
  });

  it("texts the new address to those paged by SMS too: they may be on their way", async () => {
    const sms = (await freshEngine(target)).db;
    const s = await createTestEngine(sms, { channels: ["slack", "sms"] });
    const incident = await declare(s);
    await s.engine.changeMeeting(s.as(COORDINATOR), incident.id, "fallback");
    const texts = (await outbox(s, incident.id)).filter(
      (i) =>
        i.channel === "sms" &&
        i.delivery.type === "notice" &&
        i.delivery.notice.kind === "meeting-changed",
    );
    const paged = (await s.ctx.store.pages.listForIncident(incident.id))
      .filter((p) => p.personId !== COORDINATOR && s.engine.directory.person(p.personId)?.mobile)
      .map((p) => p.personId);
    expect(new Set(texts.map(recipient))).toEqual(new Set(paged));
    // The DPO has no chat account: the text is how the new address reaches them.
    expect(texts.map(recipient)).toContain("wouter-hoste");
  });

  it("moves back to the primary address, and refuses a move to where the meeting already is", async () => {
    const incident = await declare(t);
    await expect(
      t.engine.changeMeeting(t.as(COORDINATOR), incident.id, "primary"),
    ).rejects.toMatchObject({ code: "meeting-unchanged" });
    await t.engine.changeMeeting(t.as(COORDINATOR), incident.id, "fallback");
    await t.engine.changeMeeting(t.as(COORDINATOR), incident.id, "primary", "Vals alarm");
    expect((await t.ctx.store.incidents.get(incident.id))?.meeting).toBe("primary");
    expect((await entries(t, incident.id, "meeting.changed")).map((e) => e.data.to)).toEqual([
      "fallback",
      "primary",
    ]);
  });

  it("shows the move in the review: timeline, besluitenlijst and the crisis staff's resources", async () => {
    const incident = await declare(t);
    t.clock.set(at(0.5));
    await t.engine.changeMeeting(
      t.as(COORDINATOR),
      incident.id,
      "fallback",
      "Brand in het Heidehof",
    );
    const md = renderMarkdown(await buildReview(t.engine, incident.id));
    expect(md).toContain(
      "Contactadres gewijzigd: Woonzorgcentrum Ter Heide, Kerkstraat 41, 8981 Zonnebeke-Heide; aanwezig tegen",
    );
    expect(md).toContain("Contactadres gewijzigd naar Woonzorgcentrum Ter Heide, Kerkstraat 41");
    expect(md).toContain(
      "- **Contactadres gewijzigd:** Woonzorgcentrum Ter Heide, Kerkstraat 41, 8981 Zonnebeke-Heide (za 21 nov 2026 22:30, Pieter Declercq: Brand in het Heidehof)",
    );
  });

  it("lets only the coordinator and the deputies move it, and not after closing", async () => {
    const incident = await declare(t);
    await expect(
      t.engine.changeMeeting(t.as("bart-lannoo"), incident.id, "fallback"),
    ).rejects.toMatchObject({ code: "not-coordinator" });
    await t.engine.close(t.as(COORDINATOR), incident.id);
    await expect(
      t.engine.changeMeeting(t.as(COORDINATOR), incident.id, "fallback"),
    ).rejects.toMatchObject({ code: "incident-closed" });
    expect(await entries(t, incident.id, "meeting.changed")).toEqual([]);
  });
});

describe("typing the meeting address", () => {
  it("takes `uitwijk` (or fallback) after the level and scope of `start`, before the description", () => {
    expect(
      parseChatCommand("/ramp start groot uitwijk Brand in het administratief centrum"),
    ).toEqual({
      kind: "start",
      classification: "groot",
      meeting: "fallback",
      description: "Brand in het administratief centrum",
    });
    expect(parseChatCommand("start crisis totaal fallback Fire")).toMatchObject({
      scope: "totaal",
      meeting: "fallback",
      description: "Fire",
    });
    // Without the word: no choice, so the primary address (and the form preselects it).
    expect(parseChatCommand("start groot Uitwijklocatie onbereikbaar")).not.toHaveProperty(
      "meeting",
    );
    expect(parseChatCommand("start uitwijk")).toEqual({ kind: "start", meeting: "fallback" });
  });

  it("reads `contactadres primair|uitwijk [reden]` and the English `meeting primary|fallback`", () => {
    expect(parseChatCommand("contactadres uitwijk Brand in het Heidehof")).toEqual({
      kind: "meeting",
      meeting: "fallback",
      reason: "Brand in het Heidehof",
    });
    expect(parseChatCommand("meeting primary")).toEqual({ kind: "meeting", meeting: "primary" });
    expect(parseChatCommand("contactadres")).toMatchObject({
      kind: "invalid",
      problem: "missing-argument",
      usage: "contactadres <primair|uitwijk> [reden]",
    });
    expect(parseChatCommand("contactadres kelder")).toMatchObject({
      kind: "invalid",
      word: "kelder",
      problem: "bad-argument",
    });
  });

  it("names both in the help, in Dutch and English", () => {
    expect(helpText("nl", "/ramp")).toContain("`/ramp contactadres primair|uitwijk [reden]`");
    expect(helpText("nl", "/ramp")).toContain("[uitwijk] [omschrijving]");
    expect(helpText("en", "@Ramp")).toContain("`@Ramp meeting primary|fallback [reason]`");
  });
});
