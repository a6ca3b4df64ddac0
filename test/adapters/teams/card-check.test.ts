// The Teams card checker itself: it must reject what Teams would garble, or it proves nothing.
import { describe, expect, it } from "vitest";
import { teamsCardProblems, textProblems } from "../../support/teams-card-check.ts";

type Json = Record<string, unknown>;

const card = (body: Json[], actions: Json[] = [], version = "1.5"): Json => ({
  type: "AdaptiveCard",
  version,
  body,
  ...(actions.length > 0 ? { actions } : {}),
});
const block = (text: string): Json => ({ type: "TextBlock", text, wrap: true });
const execute = (title: string, data: Json = {}): Json => ({
  type: "Action.Execute",
  title,
  verb: "ramp.test",
  data,
});

describe("the Teams card check", () => {
  it("passes a card Teams shows as meant", () => {
    const ok = card(
      [
        block("**Ramp**\n\nTwo paragraphs, a _placeholder_ and a list:\n\n- one\n- two\r- three"),
        { type: "FactSet", facts: [{ title: "Ernst", value: "Crisis" }] },
        {
          type: "Input.Text",
          id: "reason",
          label: "Reden",
          isRequired: true,
          errorMessage: "Geef een reden.",
        },
      ],
      [execute("Opnemen", { id: 1 }), execute("Klaar", { id: 2 })],
    );
    expect(teamsCardProblems(ok)).toEqual([]);
  });

  it("rejects text Teams drops or joins", () => {
    expect(textProblems("Gebruik: @Ramp evaluatie <tekst>")).toEqual([
      '"<tekst>": Teams drops HTML, and the text between < and > with it',
    ]);
    expect(textProblems("*Ramp*\n`@Ramp status` het incident")).toHaveLength(2);
    // A Markdown hard break ("  \n") is a single newline to Teams.
    expect(textProblems("📍 Adres  \n⏰ 10:00")).toHaveLength(1);
    expect(textProblems("Nog open taken:\n- een taak")).toHaveLength(1);
    expect(textProblems("# Titel")).toHaveLength(1);
    expect(textProblems("Nog open taken:\n\n- een\n- twee\n\n1. drie\n2. vier")).toEqual([]);
  });

  it("rejects facts with a tag", () => {
    const problems = teamsCardProblems(
      card([{ type: "FactSet", facts: [{ title: "Gebruik", value: "<tekst>" }] }]),
    );
    expect(problems).toHaveLength(1);
  });

  it("rejects long, duplicate and look-alike buttons", () => {
    const problems = teamsCardProblems(
      card(
        [block("Kies")],
        [
          execute("A — Woonzorgcentrum Ter Heide – polyvalente zaal (15 pl.)", { l: 1 }),
          execute("Klaar", { x: 1 }),
          execute("Klaar", { x: 2 }),
          execute("Ook klaar", { x: 1 }),
        ],
      ),
    );
    expect(problems).toEqual([
      expect.stringContaining("57 characters; Teams cuts titles over 20 off"),
      expect.stringContaining("two buttons with the same title"),
      expect.stringContaining("does the same as another button"),
    ]);
  });

  it("passes on what Microsoft's parser and validator report", () => {
    const problems = teamsCardProblems(
      card(
        [
          { type: "Diagram" },
          { type: "Media", sources: [{ mimeType: "video/mp4", url: "https://x.example/a.mp4" }] },
          { type: "Input.Text", id: "x", label: "X" },
          { type: "Input.Text", id: "x", label: "X again", isRequired: true },
        ],
        [],
        "1.6",
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "version 1.6: Teams renders up to 1.5",
        expect.stringMatching(/^adaptivecards parse: .*Diagram/),
        expect.stringContaining("Teams does not show media in cards"),
        'adaptivecards validation: Duplicate Id "x".',
        "adaptivecards validation: Required inputs should have an error message",
        expect.stringContaining('input id "x" used twice'),
        expect.stringContaining('"x": required without errorMessage'),
      ]),
    );
  });

  it("checks the cards inside a ShowCard and the inputs across them", () => {
    const inner = card(
      [{ type: "Input.Text", id: "reason", label: "Reden" }, block("a\nb")],
      [execute("Opslaan")],
    );
    const problems = teamsCardProblems(
      card(
        [{ type: "Input.Text", id: "reason", label: "Reden" }],
        [{ type: "Action.ShowCard", title: "Geblokkeerd", card: inner }],
      ),
    );
    expect(problems).toEqual([
      'adaptivecards validation: Duplicate Id "reason".',
      expect.stringContaining('input id "reason" used twice'),
      expect.stringContaining('a single newline between "a" and "b"'),
    ]);
  });
});
