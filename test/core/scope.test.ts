// The scope (totaal / gedeeltelijk) of a disaster is often unknown at the declaration: it stays
// "onbekend" until someone says, on the card and in the review, and `/ramp omvang` sets it later.
import { expect, it } from "vitest";
import { parseChatCommand } from "../../src/core/chat/parse.ts";
import { runChatCommand } from "../../src/core/chat/run.ts";
import { buildReview } from "../../src/core/review/build.ts";
import { answerOf } from "../review/helpers.ts";
import { describeEachDatabase } from "../support/databases.ts";
import type { TestEngine } from "../support/engine.ts";
import { COORDINATOR, entries, freshEngine } from "./fixtures.ts";

describeEachDatabase("the scope of a disaster", (target) => {
  const run = (t: TestEngine, text: string, by = COORDINATOR) =>
    runChatCommand(t.engine, t.as(by), parseChatCommand(text), "/ramp");

  it("stays unknown when the declaration does not say, and is set later with /ramp omvang", async () => {
    const { t } = await freshEngine(target);
    await run(t, "/ramp start groot Brand in het administratief centrum");
    const [incident] = await t.engine.activeIncidents();
    expect(incident!.scope).toBe("onbekend");
    const scopeFact = async () =>
      (await t.engine.views.incidentCard(incident!.id)).facts.find((f) => f.label === "Omvang")
        ?.value;
    expect(await scopeFact()).toBe("Nog onbekend");
    const review = await buildReview(t.engine, incident!.id);
    expect(answerOf(review, "type-incident").text[0]).toMatch(
      /^Omvang onbekend: niemand legde vast of de ramp totaal of gedeeltelijk was/,
    );

    expect(await run(t, "/ramp omvang gedeeltelijk")).toEqual({
      kind: "text",
      text: "Omvang vastgelegd: gedeeltelijk.",
    });
    expect((await t.ctx.store.incidents.get(incident!.id))!.scope).toBe("gedeeltelijk");
    expect(await scopeFact()).toBe("Gedeeltelijk");
    const [scoped] = await entries(t, incident!.id, "incident.scoped");
    expect(scoped).toMatchObject({
      actorId: COORDINATOR,
      data: { from: "onbekend", to: "gedeeltelijk" },
    });
    expect(answerOf(await buildReview(t.engine, incident!.id), "type-incident").text[0]).toMatch(
      /^Gedeeltelijke ramp/,
    );
    // The same scope again changes nothing; English words work too.
    await run(t, "/ramp omvang partial");
    expect(await entries(t, incident!.id, "incident.scoped")).toHaveLength(1);
    await run(t, "/ramp scope total");
    expect((await t.ctx.store.incidents.get(incident!.id))!.scope).toBe("totaal");
  });

  it("keeps a scope given at the declaration, refuses other words and other people", async () => {
    const { t } = await freshEngine(target);
    await run(t, "/ramp start groot gedeeltelijk Brand in het Sociaal Huis");
    const [incident] = await t.engine.activeIncidents();
    expect(incident!.scope).toBe("gedeeltelijk");
    expect(await run(t, "/ramp omvang groot")).toMatchObject({
      kind: "help",
      error: { nl: expect.stringContaining("omvang <totaal|gedeeltelijk|onbekend>") },
    });
    expect(await run(t, "/ramp omvang totaal", "bart-lannoo")).toMatchObject({
      kind: "error",
      error: { code: "not-coordinator" },
    });
    expect((await t.ctx.store.incidents.get(incident!.id))!.scope).toBe("gedeeltelijk");
  });
});
