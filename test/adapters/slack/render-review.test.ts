// The review's Slack blocks on their own: the warning for a broken timeline, the English
// wording, the link to the document when it is not attached, and escaping.
import { describe, expect, it } from "vitest";
import { reviewBlocks } from "../../../src/adapters/slack/render/review.ts";
import type { ReviewShareView } from "../../../src/core/review/share-view.ts";

const view: ReviewShareView = {
  incidentId: "inc-1",
  number: "2026-004",
  title: "Post-incident review — incident 2026-004",
  lead: "Incident 2026-004 is closed. Here is the first draft <of> the review & more.",
  facts: [
    { label: "Incident", value: "2026-004 — Power cut" },
    { label: "Timeline", value: "NOT intact" },
  ],
  toDo: "30 of the 40 questions are for the team.",
  verification: { ok: false, text: "Entry 12 was changed after it was written." },
  fileTitle: "Post-incident review — incident 2026-004",
  downloadLabel: "Word document",
  readLabel: "Read online",
  fallback: "…",
};
const links = {
  page: "https://ramp.example.be/reviews/abc?x=1&y=2",
  docx: "https://ramp.example.be/reviews/abc/review.docx",
  expiresAt: new Date("2026-12-01T11:00:00Z"),
};
const where = { locale: "en" as const, timeZone: "Europe/Brussels" };

describe("reviewBlocks", () => {
  it("lays out title, lead, figures, what is left, a warning for a broken timeline and the page link", () => {
    const blocks = reviewBlocks(view, links, { ...where, attached: true });
    expect(blocks.map((b) => b.type)).toEqual([
      "header",
      "section",
      "section",
      "section",
      "section",
      "context",
    ]);
    const text = JSON.stringify(blocks);
    expect(text).toContain("first draft &lt;of&gt; the review &amp; more");
    expect(blocks[2]!.fields).toEqual([
      { type: "mrkdwn", text: "*Incident*\n2026-004 — Power cut" },
      { type: "mrkdwn", text: "*Timeline*\nNOT intact" },
    ]);
    expect(text).toContain("⚠️ *Entry 12 was changed after it was written.*");
    const last = blocks.at(-1) as { elements: Array<{ text: string }> };
    expect(last.elements[0]!.text).toMatch(
      /^📖 <https:\/\/ramp\.example\.be\/reviews\/abc\?x=1&amp;y=2\|Read online> · the link works until .*12:00/,
    );
    expect(text).not.toContain("review.docx");
  });

  it("links to the Word document too when it could not be attached", () => {
    const blocks = reviewBlocks(view, links, { ...where, attached: false });
    const last = blocks.at(-1) as { elements: Array<{ text: string }> };
    expect(last.elements[0]!.text).toMatch(
      /^📄 <https:\/\/ramp\.example\.be\/reviews\/abc\/review\.docx\|Word document> · 📖 <.+\|Read online> · the links work until /,
    );
  });

  it("leaves the warning out when the timeline verifies, and splits more than ten figures", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ label: `F${i}`, value: String(i) }));
    const blocks = reviewBlocks(
      { ...view, facts: many, verification: { ok: true, text: "intact" } },
      links,
      { ...where, attached: true },
    );
    expect(JSON.stringify(blocks)).not.toContain("⚠️");
    expect(blocks.filter((b) => b.fields).map((b) => (b.fields as unknown[]).length)).toEqual([
      10, 2,
    ]);
  });
});
