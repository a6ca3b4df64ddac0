// A chat reply lists the first few things not in order per part of the readiness view and counts
// the rest, which the crisis board lists in full: forty people who have not confirmed their
// details do not make a Slack message or Teams card of forty lines.
import { expect, it } from "vitest";
import { readinessBlocks } from "../../src/adapters/slack/render/readiness.ts";
import { readinessCard } from "../../src/adapters/teams/render/readiness.ts";
import type { ReadinessView } from "../../src/core/views/readiness/model.ts";
import { cardText } from "../support/fake-connector.ts";
import { checkSlackMessage } from "../support/slack-blocks-check.ts";
import { teamsCardProblems } from "../support/teams-card-check.ts";

const view: ReadinessView = {
  kind: "readiness",
  title: "Paraatheid van de crisisstaf",
  level: "attention",
  headline: "Klaar: de crisisstaf kan samengeroepen worden. Eén punt vraagt aandacht.",
  asOf: "Stand van ma 30 nov 13:20",
  sections: [
    {
      id: "contacts",
      title: "Contactgegevens",
      level: "attention",
      summary: "2 van 10 personen bevestigden hun gegevens binnen de termijn; 8 niet (meer).",
      facts: [],
      rows: Array.from({ length: 8 }, (_, i) => ({
        label: `Persoon ${i + 1}`,
        value: "gevraagd op ma 30 nov 09:00, nog geen antwoord",
        level: "attention" as const,
        lines: [],
      })),
    },
  ],
};

it("lists five rows per part in Slack and counts the rest", () => {
  const blocks = readinessBlocks(view, true);
  const text = JSON.stringify(blocks);
  expect(text).toContain("Persoon 5");
  expect(text).not.toContain("Persoon 6");
  expect(text).toContain("…en 3 meer op het crisisbord.");
  expect(checkSlackMessage({ text: view.headline, blocks })).toEqual([]);
});

it("lists five rows per part in Teams and counts the rest", () => {
  const card = readinessCard(view, true);
  const text = cardText(card as never);
  expect(text).toContain("Persoon 5");
  expect(text).not.toContain("Persoon 6");
  expect(text).toContain("…en 3 meer op het crisisbord.");
  expect(teamsCardProblems(card as never)).toEqual([]);
});

it("lists under a row only its lines not in order, in Slack and Teams alike", () => {
  const row = {
    label: "Coördinator",
    value: "1 van 2 bereikbaar",
    level: "attention" as const,
    lines: [
      { text: "Pieter De Clercq: bevestigd", level: "ok" as const },
      { text: "Sofie Vermeulen: geen gsm-nummer", level: "problem" as const },
      { text: "Vul het nummer aan in het plan.", level: undefined },
    ],
  };
  const section = { ...view.sections[0]!, rows: [row] };
  const oneRow: ReadinessView = { ...view, sections: [section] };
  for (const text of [
    JSON.stringify(readinessBlocks(oneRow, true)),
    cardText(readinessCard(oneRow, true) as never),
  ]) {
    expect(text).toContain("Sofie Vermeulen: geen gsm-nummer");
    expect(text).not.toContain("Pieter De Clercq: bevestigd");
    expect(text).not.toContain("Vul het nummer aan");
  }
});
