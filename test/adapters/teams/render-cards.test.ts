// Every card Ramp's Teams adapter renders, from view models, through the card checker: Microsoft's
// adaptivecards parser and validator at 1.5, and what Teams does with the text (no HTML, single
// newlines joined outside a list, long button titles cut off). No Teams needed.
import { describe, expect, it } from "vitest";
import { decisionCard } from "../../../src/adapters/teams/render/decision.ts";
import { renderCard, renderNotice, renderReply } from "../../../src/adapters/teams/render/index.ts";
import { reviewCard } from "../../../src/adapters/teams/render/review.ts";
import { startFormCard } from "../../../src/adapters/teams/render/start-form.ts";
import { helpText } from "../../../src/core/chat/help.ts";
import { actionsOf, cardText, type Json } from "../../support/fake-connector.ts";
import { assertTeamsCard, MAX_ACTION_TITLE } from "../../support/teams-card-check.ts";
import {
  CARDS,
  CLOSED,
  DECISION,
  INCIDENT,
  REVIEW_LINKS,
  REVIEW_VIEW,
  replies,
  START_FORM,
  TASK,
} from "../../support/teams-card-fixtures.ts";

function textBlocks(card: Json): string[] {
  return cardText(card).split("\n");
}

describe("every card the Teams adapter renders passes the Teams card check", () => {
  for (const nl of [true, false]) {
    const lang = nl ? "nl" : "en";
    it(`card views (${lang})`, () => {
      for (const view of CARDS) assertTeamsCard(renderCard(view, nl), `${view.kind} (${lang})`);
    });
    it(`chat replies (${lang})`, () => {
      for (const reply of replies(nl)) assertTeamsCard(renderReply(reply, nl), reply.kind);
    });
    it(`start form (${lang})`, () => {
      assertTeamsCard(startFormCard(nl, undefined, START_FORM), "start form");
      assertTeamsCard(
        startFormCard(nl, "Water in de kelder <dringend>\nbel de brandweer", START_FORM),
        "form",
      );
    });
  }
  it("notices and the shared review", () => {
    assertTeamsCard(renderNotice(CLOSED), "closing notice");
    assertTeamsCard(
      renderNotice({ kind: "report", incidentId: null, text: "Melding van Hanne Desmet:\n<x>" }),
      "report notice",
    );
    assertTeamsCard(
      reviewCard(REVIEW_VIEW, REVIEW_LINKS, { locale: "nl", timeZone: "Europe/Brussels" }),
      "review",
    );
  });
});

describe("Teams card text", () => {
  it("shows the help as a list, one command per item, placeholders in italics", () => {
    const card = renderReply({ kind: "help", text: helpText("nl", "@Ramp") }, true) as Json;
    const [title, list] = (card.body as Json[]).map((e) => String(e.text));
    expect(title).toBe("**Ramp — het rampenplan, live**");
    const items = list!.split("\n");
    expect(items).toHaveLength(helpText("nl", "@Ramp").split("\n").length - 1);
    expect(items.every((item) => item.startsWith("- **@Ramp "))).toBe(true);
    expect(items).toContain("- **@Ramp evaluatie** _tekst_ leg de evaluatie van de schade vast");
    expect(items).toContain(
      "- **@Ramp taken** de taken van het plan, om op te nemen (**@Ramp taken mijn**: de uwe)",
    );
    expect(list).not.toMatch(/[<>`]/);
  });

  it("writes the placeholder in the declaration reply and in errors in italics", () => {
    const [, , error, declared] = replies(true);
    expect(textBlocks(renderReply(declared!, true) as Json)[0]).toContain(
      "met @Ramp evaluatie _toestand_; dan volgt",
    );
    // In the plan's language only.
    expect(cardText(renderReply(error!, true) as Json)).toBe(
      '⚠️ Er ontbreekt iets na "evaluatie". Gebruik: @Ramp evaluatie _tekst_',
    );
    expect(cardText(renderReply(error!, false) as Json)).toBe(
      '⚠️ Something is missing after "evaluation". Use: @Ramp evaluation _text_',
    );
  });

  it("separates the closing notice's paragraphs and lists its open tasks", () => {
    expect((renderNotice(CLOSED).body as Json[])[0]?.text).toBe(
      "Incident 2026-001 is afgesloten door Pieter Declercq. De tijdlijn is verzegeld; het eerste ontwerp van de post-incident review volgt hieronder.\n\n" +
        "Nog open taken:\n\n" +
        "- Zo nodig vervangende ICT-middelen aanvragen (Bart Lannoo)\n- Pers informeren (—)",
    );
  });

  it("separates the review reply's lines and lists its key figures", () => {
    const review = replies(true).at(-1)!;
    expect((renderReply(review, true).body as Json[])[0]?.text).toBe(
      "Post-incident review — 2026-001\n\n- Duur: 2 u 1 min\n- Taken klaar: 12 van 13\n\n" +
        "Het ontwerp en het Word-document worden gedeeld in het incidentkanaal.\n\n" +
        "Het volledige ontwerp staat op het crisisbord: https://ramp.example/board",
    );
  });

  it("puts the meeting address and the time to arrive in separate paragraphs", () => {
    const meeting = textBlocks(renderCard(INCIDENT, true) as Json).find((t) => t.startsWith("📍"));
    expect(meeting).toBe(
      "📍 **Contactadres:** Administratief Centrum Heidehof, Heidestraat 1, 8981 Zonnebeke-Heide (vergaderzaal 2)",
    );
    expect(cardText(renderCard(INCIDENT, true) as Json)).toContain(
      "\n\n⏰ **Aanwezig tegen:** 10:00",
    );
  });

  it("keeps what people typed between < and > and on several lines", () => {
    const text = cardText(renderCard(TASK, true) as Json);
    expect(text).toContain("**#7 Zo nodig vervangende ICT-middelen aanvragen ‹dringend›**");
    expect(text).toContain("🟥 Leverancier onbereikbaar\n\nnieuwe poging om 11:00");
    expect(text).toContain("Bel de leverancier.\n\nVraag naar laptops.");
    const reported = { label: "Gemeld door", value: "Hanne <communicatie> *dringend*" };
    const incident = renderCard({ ...INCIDENT, facts: [reported] }, true) as Json;
    assertTeamsCard(incident, "incident with a typed fact");
    expect(cardText(incident)).toContain("Gemeld door: Hanne ‹communicatie› \\*dringend\\*");
  });
});

describe("the Teams decision card", () => {
  it("has one short button per situation and the fallback locations in full in a choice", () => {
    const card = decisionCard(DECISION, true) as Json;
    const actions = card.actions as Json[];
    expect(actions.map((a) => a.title)).toEqual(["A: uitwijklocatie", "B: eigen gebouwen"]);
    expect(actions.every((a) => String(a.title).length <= MAX_ACTION_TITLE)).toBe(true);
    // A sends the chosen location; B needs no location, so it does not ask for one.
    expect(actions.map((a) => [a.data, a.associatedInputs])).toEqual([
      [{ subjectId: "inc-1", situation: "A" }, "auto"],
      [{ subjectId: "inc-1", situation: "B" }, "none"],
    ]);
    const choice = (card.body as Json[]).find((e) => e.type === "Input.ChoiceSet")!;
    expect(choice).toMatchObject({
      id: "locationId",
      label: "Uitwijklocatie bij situatie A",
      style: "expanded",
      isRequired: true,
      errorMessage: "Kies een uitwijklocatie.",
      choices: [
        {
          title:
            "Woonzorgcentrum Ter Heide – polyvalente zaal — Kerkstraat 41, 8981 Zonnebeke-Heide (15 pl.)",
          value: "wzc-ter-heide",
        },
        {
          title:
            "Bibliotheek De Heidebloem – leeszaal 1e verdieping — Stationsstraat 12, 8981 Zonnebeke-Heide (15 pl.)",
          value: "bibliotheek",
        },
      ],
    });
    // Nothing chosen for the coordinator when there is a choice to make.
    expect(choice.value).toBeUndefined();
  });

  it("chooses the only fallback location for the coordinator", () => {
    const view = { ...DECISION, actions: [DECISION.actions[0]!, DECISION.actions[2]!] };
    const card = decisionCard(view, false) as Json;
    const choice = (card.body as Json[]).find((e) => e.type === "Input.ChoiceSet")!;
    expect(choice.value).toBe("wzc-ter-heide");
    expect((card.actions as Json[]).map((a) => a.title)).toEqual([
      "A: fallback location",
      "B: own buildings",
    ]);
  });

  it("shows no choice and no buttons once decided for someone who may not decide", () => {
    const card = decisionCard({ ...DECISION, actions: [] }, true) as Json;
    expect((card.body as Json[]).some((e) => e.type === "Input.ChoiceSet")).toBe(false);
    expect(actionsOf(card)).toEqual([]);
  });
});
