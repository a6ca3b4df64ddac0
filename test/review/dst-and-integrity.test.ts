import { expect, it } from "vitest";
import { buildReview } from "../../src/core/review/build.ts";
import { renderDocx } from "../../src/review/render-docx.ts";
import { renderHtml } from "../../src/review/render-html.ts";
import { renderMarkdown } from "../../src/review/render-markdown.ts";
import type { Database } from "../../src/store/database.ts";
import { COORDINATOR, pageOf, taskOf, tickAt } from "../core/fixtures.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine, type TestEngine } from "../support/engine.ts";
import { answerOf, docxParagraphs, tableOf } from "./helpers.ts";

const utc = (iso: string) => new Date(`${iso}Z`);

describeEachDatabase("the review across daylight saving time and a damaged timeline", (target) => {
  async function engineAt(start: Date): Promise<TestEngine & { db: Database }> {
    const db = await target.open({}, await target.createDatabase());
    return Object.assign(await createTestEngine(db, { start }), { db });
  }

  it("counts real hours across the switch to summer time (last Sunday of March)", async () => {
    // Saturday 28 March 2026, 22:00 winter time; at 02:00 the clocks jump to 03:00.
    const t = await engineAt(utc("2026-03-28T21:00:00"));
    const incident = await t.engine.declare(t.as(COORDINATOR), {
      classification: "crisis",
      scope: "gedeeltelijk",
      description: "Stroomonderbreking in het Sociaal Huis",
      officeHours: false,
      detectedAt: utc("2026-03-28T20:45:00"),
    });
    // Nobody answers: after the 15 minutes every function's alternate is paged, except where
    // the alternate is the coordinator, who is already coming.
    await tickAt(t, utc("2026-03-28T21:15:00"));
    t.clock.set(utc("2026-03-28T21:20:00"));
    await t.engine.answerPage(
      t.as("geert-vanhoutte"),
      (await pageOf(t, incident.id, "voorzitter", 1)).id,
      "coming",
    );
    t.clock.set(utc("2026-03-28T21:30:00"));
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    const internet = await taskOf(t, incident.id, "b-tech-internet-telefonie");
    t.clock.set(utc("2026-03-28T21:40:00"));
    await t.engine.task(t.as("bart-lannoo"), internet.id, "claim");
    t.clock.set(utc("2026-03-29T05:30:00")); // 07:30 summer time, 30 min after the 8 h deadline
    await t.engine.task(t.as("bart-lannoo"), internet.id, "complete");
    t.clock.set(utc("2026-03-29T08:00:00"));
    await t.engine.task(
      t.as("dirk-vandenbroucke"),
      (await taskOf(t, incident.id, "b-org-maaltijden")).id,
      "complete",
    );
    t.clock.set(utc("2026-03-29T09:00:00"));
    await t.engine.close(t.as(COORDINATOR), incident.id);

    const review = await buildReview(t.engine, incident.id);
    expect(answerOf(review, "tijdstip-vastgesteld").text).toEqual(["za 28 mrt 2026 21:45"]);
    expect(answerOf(review, "tijdstip-opgelost")).toMatchObject({
      // 22:00 to 11:00 on the clock, but only 12 hours passed.
      text: ["zo 29 mrt 2026 11:00"],
      facts: [
        { label: "Afgesloten door" },
        { label: "Duur sinds de melding", value: "12 u" },
        { label: "Duur sinds de vaststelling", value: "12 u 15 min" },
      ],
    });
    expect(answerOf(review, "tijdig-opgemerkt").text[0]).toContain("verliep 15 min.");
    expect(tableOf(review, "tasks").rows[0]).toEqual([
      "Onderbroken internet en telefonie herstellen",
      "Bart Lannoo",
      "za 28 mrt 2026 22:40",
      "zo 29 mrt 2026 07:30",
      "zo 29 mrt 2026 07:00",
      "Te laat (30 min)",
    ]);
    expect(tableOf(review, "services").rows[0]).toEqual([
      "1",
      "Diensten i.v.m. dienstverlening (keuken, thuisdiensten)",
      "12 u",
      "zo 29 mrt 2026 11:00",
      "zo 29 mrt 2026 10:00 (alle taken klaar)",
      "11 u",
      "Binnen de RTO",
    ]);
    expect(answerOf(review, "hersteltijd-rto")).toMatchObject({
      chosenOption: null,
      text: [
        "Van de 5 prioritaire diensten: 1 binnen de RTO hersteld en 4 niet hersteld gemeld bij de afsluiting, met de RTO nog niet verstreken.",
      ],
    });
    expect(review.summary.find((f) => f.label === "Duur")!.value).toBe("12 u");

    // Staff preparedness after silence: alternates paged, one covered by the coordinator.
    const staff = answerOf(review, "paraatheid-personeel");
    expect(staff.facts.slice(0, 3).map((f) => `${f.label}: ${f.value}`)).toEqual([
      "Voorzitter: 20 min (Geert Vanhoutte, vervanger 1)",
      "Algemeen directeur (coördinator rampenplan): 0 min (Pieter Declercq, melder)",
      "Adjunct algemeen directeur: 15 min (Pieter Declercq, kwam al voor een andere functie)",
    ]);
    expect(staff.facts.at(-1)).toEqual({
      label: "Data Protection Officer",
      value: "niemand bevestigde",
    });
    expect(staff.text[0]).toBe("Niemand zei af.");
    expect(staff.text[1]).toMatch(
      /^8 vervangers opgeroepen: Geert Vanhoutte voor Voorzitter \(na geen antwoord van Marleen Vandamme\), Pieter Declercq voor Adjunct algemeen directeur \(na geen antwoord van Sofie Vermeulen\), /,
    );
    expect(tableOf(review, "paging").rows.slice(0, 5)).toEqual([
      [
        "Voorzitter",
        "Marleen Vandamme",
        "za 28 mrt 2026 22:00",
        "Geen antwoord (za 28 mrt 2026 22:15)",
        "—",
      ],
      [
        "Voorzitter (vervanger 1)",
        "Geert Vanhoutte",
        "za 28 mrt 2026 22:15",
        "Komt (za 28 mrt 2026 22:20)",
        "5 min",
      ],
      [
        "Algemeen directeur (coördinator rampenplan)",
        "Pieter Declercq",
        "za 28 mrt 2026 22:00",
        "Komt (meldde het incident)",
        "0 min",
      ],
      [
        "Adjunct algemeen directeur",
        "Sofie Vermeulen",
        "za 28 mrt 2026 22:00",
        "Geen antwoord (za 28 mrt 2026 22:15)",
        "—",
      ],
      [
        "Adjunct algemeen directeur (vervanger 1)",
        "Pieter Declercq",
        "za 28 mrt 2026 22:15",
        "Komt (al onderweg voor een andere functie)",
        "0 min",
      ],
    ]);
    expect(answerOf(review, "inefficiente-communicatie").facts).toEqual([
      { label: "Oproepen zonder antwoord binnen de termijn", value: "8" },
    ]);
  });

  it("drafts a provisional review of an incident that is still running", async () => {
    const t = await engineAt(utc("2026-11-21T21:00:00"));
    const incident = await t.engine.declare(t.as(COORDINATOR), {
      classification: "groot",
      scope: "totaal",
      description: "Cyberaanval op de servers",
    });
    t.clock.set(utc("2026-11-21T21:30:00"));
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    t.clock.set(utc("2026-11-22T11:00:00")); // 14 h in: two hours past the first RTO (12 h), before the others
    const review = await buildReview(t.engine, incident.id);
    expect(review.intro.at(-1)).toBe(
      "Het incident loopt nog: alle cijfers gelden tot zo 22 nov 2026 12:00.",
    );
    expect(answerOf(review, "tijdstip-opgelost")).toMatchObject({
      status: "open",
      note: "Het incident loopt nog (stand van zo 22 nov 2026 12:00).",
    });
    expect(answerOf(review, "hersteltijd-rto")).toMatchObject({
      status: "partial",
      chosenOption: null,
      text: [
        "Van de 5 prioritaire diensten: 0 binnen de RTO hersteld, 1 niet hersteld na het verstrijken van de RTO en 4 nog niet hersteld, met de RTO nog niet verstreken.",
      ],
    });
    expect(tableOf(review, "services").rows.map((r) => r[6])).toEqual([
      "RTO gemist: niet hersteld (2 u over tijd)",
      "Nog niet hersteld; RTO loopt nog (10 u)",
      "Nog niet hersteld; RTO loopt nog (10 u)",
      "Nog niet hersteld; RTO loopt nog (34 u)",
      "Nog niet hersteld; RTO loopt nog (34 u)",
    ]);
    expect(review.summary.find((f) => f.label === "Afgesloten")!.value).toBe("loopt nog");
    expect(review.summary.find((f) => f.label === "Duur")!.value).toBe("14 u");
    expect(review.appendix.verification.text).toMatch(
      /^Tijdlijn intact: \d+ regels, de hash-keten klopt \(nog niet verzegeld: het incident loopt nog\)\.$/,
    );
    // The tasks due at 06:00 and 10:00 are overdue; nobody took them.
    expect(answerOf(review, "andere-acties").text[0]).toBe(
      "13 taken uit het plan: 0 klaar (0 op tijd, 0 te laat), 6 niet klaar na de deadline, 7 niet klaar bij het opmaken van deze review met de deadline nog niet verstreken.",
    );
  });

  it("escapes recorded text in every format, shows corrections, and says so when the timeline was tampered with", async () => {
    const t = await engineAt(utc("2026-11-21T21:00:00"));
    const incident = await t.engine.declare(t.as(COORDINATOR), {
      classification: "klein",
      scope: "totaal",
      description: "Test <b>vet</b> & 'quotes'",
    });
    const raw = '<script>alert("x")</script> *vet* | _schuin_ [link](http://x) #kop';
    t.clock.set(utc("2026-11-21T21:10:00"));
    const log = await t.engine.log(t.as("bart-lannoo"), incident.id, raw, ["oorzaak"]);
    t.clock.set(utc("2026-11-21T21:20:00"));
    await t.engine.correct(t.as("bart-lannoo"), incident.id, log.id, `${raw} (UPS)`);
    await t.engine.log(t.as("bart-lannoo"), incident.id, "Eerste regel\nTweede regel");
    t.clock.set(utc("2026-11-21T22:00:00"));
    await t.engine.close(t.as(COORDINATOR), incident.id);

    const review = await buildReview(t.engine, incident.id);
    expect(answerOf(review, "bcp-geactiveerd").text).toEqual([
      "Nee. Ernst Klein: het plan wordt pas geactiveerd vanaf Groot.",
      "Er werd geen beslissing over situatie A of B genomen.",
    ]);
    expect(answerOf(review, "hersteltijd-rto").status).toBe("open");
    expect(answerOf(review, "oorzaak-vastgesteld").facts).toEqual([
      {
        label: "za 21 nov 2026 22:10 — Bart Lannoo",
        value: `${raw} (UPS) (gecorrigeerd za 21 nov 2026 22:20)`,
        seq: 2,
      },
    ]);
    expect(answerOf(review, "varia")).toMatchObject({
      status: "partial",
      facts: [{ value: "Eerste regel\nTweede regel", seq: 4 }],
    });

    const html = renderHtml(review);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; *vet*");
    expect(html).toContain("Test &lt;b&gt;vet&lt;/b&gt; &amp; &#39;quotes&#39;");
    const md = renderMarkdown(review);
    expect(md).toContain(
      '\\<script\\>alert("x")\\</script\\> \\*vet\\* \\| \\_schuin\\_ \\[link\\](http://x) \\#kop (UPS)',
    );
    expect(md).toContain("Eerste regel  \nTweede regel");
    // In a table cell the line break becomes a space, so the row stays one row.
    expect(md).toContain("| Logboek: Eerste regel Tweede regel |");
    const paragraphs = await docxParagraphs(await renderDocx(review));
    expect(paragraphs).toContain(
      `za 21 nov 2026 22:10 — Bart Lannoo: ${raw} (UPS) (gecorrigeerd za 21 nov 2026 22:20) (tijdlijn #2)`,
    );
    expect(paragraphs).toContain(
      "za 21 nov 2026 22:20 — Bart Lannoo: Eerste regel\nTweede regel (tijdlijn #4)",
    );
    expect(review.appendix.verification.ok).toBe(true);

    // Someone edits the cause in the database afterwards: the review says the timeline is broken.
    await t.db.client.timelineEntry.update({
      where: { id: log.id },
      data: { data: JSON.stringify({ text: "Niemand had schuld" }) },
    });
    const tampered = await buildReview(t.engine, incident.id);
    expect(tampered.appendix.verification).toEqual({
      ok: false,
      text:
        "Tijdlijn NIET intact: de keten breekt bij regel 2 (de inhoud van de regel werd gewijzigd). " +
        "Deze review kan onjuist zijn; laat de databank nakijken.",
    });
    expect(tampered.summary.at(-1)).toEqual({ label: "Tijdlijn", value: "NIET intact" });
    expect(renderHtml(tampered)).toContain(
      '<p class="broken" role="alert">Tijdlijn NIET intact: de keten breekt bij regel 2',
    );
    expect(renderMarkdown(tampered)).toContain(
      "**Tijdlijn NIET intact: de keten breekt bij regel 2",
    );
  });
});
