// Services and fallback locations by the name people know them by: the id, the display name or
// an unambiguous start, any case, accents or not, several words; candidates when it is
// ambiguous, the known ones when it is unknown.
import { describe, expect, it } from "vitest";
import { parseChatCommand } from "../../src/core/chat/parse.ts";
import { runChatCommand } from "../../src/core/chat/run.ts";
import { matchName } from "../../src/core/resolve-name.ts";
import { describeEachDatabase } from "../support/databases.ts";
import type { TestEngine } from "../support/engine.ts";
import { COORDINATOR, declare, freshEngine } from "./fixtures.ts";

describe("matching a typed name", () => {
  const items = [
    { id: "sociale-dienst", name: "Sociale dienst" },
    { id: "socio-cultureel", name: "Socio-cultureel centrum Één" },
    { id: "keuken", name: "Diensten i.v.m. dienstverlening (keuken)" },
  ];
  const found = (query: string) => {
    const match = matchName(items, query);
    return match.kind === "found" ? match.item.id : match.kind;
  };

  it("takes the id, the name, a prefix or the start of words, in any case and without accents", () => {
    expect(found("sociale-dienst")).toBe("sociale-dienst");
    expect(found("SOCIALE DIENST")).toBe("sociale-dienst");
    expect(found("soc")).toBe("ambiguous");
    expect(found("socio")).toBe("socio-cultureel");
    expect(found("centrum een")).toBe("socio-cultureel");
    expect(found("dienstverlening")).toBe("keuken");
    expect(found("brandweer")).toBe("unknown");
  });
});

describeEachDatabase("naming services and locations in chat commands", (target) => {
  const run = (t: TestEngine, text: string) =>
    runChatCommand(t.engine, t.as(COORDINATOR), parseChatCommand(text), "/ramp");

  it("marks a service restored by its multi-word name, a prefix, or a word of it", async () => {
    const { t } = await freshEngine(target);
    const incident = await declare(t);
    await t.engine.decide(t.as(COORDINATOR), incident.id, { situation: "B" });
    expect(await run(t, "/ramp hersteld sociale dienst")).toEqual({
      kind: "text",
      text: "Dienst hersteld gemeld: Sociale dienst.",
    });
    expect(await run(t, "/ramp hersteld Verhuur")).toMatchObject({
      text: "Dienst hersteld gemeld: Verhuur residentie.",
    });
    expect(await run(t, "/ramp hersteld keuken")).toMatchObject({
      text: "Dienst hersteld gemeld: Diensten i.v.m. dienstverlening (keuken, thuisdiensten).",
    });
    const restored = (await t.ctx.store.services.listForIncident(incident.id))
      .filter((s) => s.restoredAt)
      .map((s) => s.serviceId)
      .sort();
    expect(restored).toEqual(["dienstverlening", "sociale-dienst", "verhuur-residentie"]);

    const unknown = await run(t, "/ramp hersteld zwembad");
    expect(unknown).toMatchObject({ kind: "error", error: { code: "service-not-found" } });
    const text = (unknown as { error: { nl: string } }).error.nl;
    expect(text).toContain('Dienst "zwembad" hoort niet bij de huidige situatie. Kies uit: ');
    expect(text).toContain("Sociale dienst (sociale-dienst)");
  });

  it("takes the fallback location by name, with the reason after it; lists candidates when ambiguous", async () => {
    const { t } = await freshEngine(target);
    const incident = await declare(t);
    const ambiguous = await run(t, "/ramp besluit A heide");
    expect(ambiguous).toMatchObject({ kind: "error", error: { code: "name-ambiguous" } });
    expect((ambiguous as { error: { nl: string } }).error.nl).toBe(
      '"heide" past bij meer dan één uitwijklocatie: Woonzorgcentrum Ter Heide – polyvalente zaal (wzc-ter-heide); Bibliotheek De Heidebloem – leeszaal 1e verdieping (bibliotheek). Typ meer van de naam.',
    );
    const unknown = await run(t, "/ramp besluit A gemeentehuis");
    expect(unknown).toMatchObject({ kind: "error", error: { code: "unknown-location" } });

    await run(t, "/ramp besluit A woonzorgcentrum ter heide Het gebouw is onbruikbaar");
    const [decision] = await t.ctx.store.decisions.listForIncident(incident.id);
    expect(decision).toMatchObject({
      situation: "A",
      locationId: "wzc-ter-heide",
      reason: "Het gebouw is onbruikbaar",
    });
    // Accents and case do not matter; the id still works (buttons send it).
    // A change of decision is confirmed with a reason (the reason follows the location).
    await run(t, "/ramp besluit A BIBLIOTHÈEK Meer plaats bevestig");
    await run(t, "/ramp besluit A wzc-ter-heide Terug naar het woonzorgcentrum bevestig");
    const locations = (await t.ctx.store.decisions.listForIncident(incident.id)).map(
      (d) => d.locationId,
    );
    expect(locations).toEqual(["wzc-ter-heide", "bibliotheek", "wzc-ter-heide"]);
  });
});
