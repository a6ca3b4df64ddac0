// The Adaptive Card of a shared review, from its view model: no Teams needed.
import { describe, expect, it } from "vitest";
import { reviewCard } from "../../../src/adapters/teams/render/review.ts";
import type { ReviewShareView } from "../../../src/core/review/share-view.ts";
import { cardText, type Json, openUrls } from "../../support/fake-connector.ts";

const VIEW: ReviewShareView = {
  incidentId: "inc-1",
  number: "2026-001",
  title: "Post-incident review",
  lead: "Incident 2026-001 is closed. Here is the first draft.",
  facts: [
    { label: "Incident", value: "2026-001 — Fire" },
    { label: "Duration", value: "2 h 1 min" },
  ],
  toDo: "9 of 24 questions are for the team.",
  verification: { ok: true, text: "The timeline is intact." },
  fileTitle: "Post-incident review",
  downloadLabel: "Word document",
  readLabel: "Read online",
  fallback: "…",
};
const LINKS = {
  page: "https://ramp.example/reviews/tok",
  docx: "https://ramp.example/reviews/tok/review.docx",
  // 09:30 UTC is 10:30 in Brussels (winter time).
  expiresAt: new Date("2026-11-29T09:30:00Z"),
};
const EN = { locale: "en", timeZone: "Europe/Brussels" } as const;

describe("the Teams card of a shared review", () => {
  it("shows the title, lead, key figures, what is left, and until when the two links work", () => {
    const card = reviewCard(VIEW, LINKS, EN) as Json;
    expect(cardText(card)).toBe(
      [
        "Post-incident review",
        "Incident 2026-001 is closed. Here is the first draft.",
        "Incident: 2026-001 — Fire",
        "Duration: 2 h 1 min",
        "9 of 24 questions are for the team.",
        "The links work until Sun 29 Nov 10:30.",
      ].join("\n"),
    );
    expect(openUrls(card)).toEqual([
      { title: "Word document", url: LINKS.docx },
      { title: "Read online", url: LINKS.page },
    ]);
    expect(card.version).toBe("1.5");
    expect(card.refresh).toBeUndefined();
  });

  it("warns in the attention colour when the timeline does not verify", () => {
    const view = { ...VIEW, verification: { ok: false, text: "Entry 12 was changed." } };
    const card = reviewCard(view, LINKS, { locale: "nl", timeZone: "Europe/Brussels" }) as Json;
    const warning = (card.body as Json[]).find((e) => e.color === "Attention");
    expect(warning?.text).toBe("⚠️ Entry 12 was changed.");
    expect(cardText(card)).toMatch(/\nDe links werken tot zo 29 nov 10:30\.$/);
  });

  it("keeps Markdown typed by people literal", () => {
    const view = { ...VIEW, title: "Review *draft* [x]" };
    const card = reviewCard(view, LINKS, EN) as Json;
    expect((card.body as Json[])[0]?.text).toBe("Review \\*draft\\* \\[x\\]");
  });
});
