import { beforeEach, describe, expect, it } from "vitest";
import { parseChatCommand } from "../../src/core/chat/parse.ts";
import { runChatCommand } from "../../src/core/chat/run.ts";
import { parseLogText } from "../../src/core/logbook.ts";
import type { Incident } from "../../src/core/model.ts";
import { genesisHash } from "../../src/core/timeline.ts";
import type { Database } from "../../src/store/database.ts";
import { describeEachDatabase } from "../support/databases.ts";
import type { TestEngine } from "../support/engine.ts";
import { at, COORDINATOR, DEPUTY, declare, entries, freshEngine } from "./fixtures.ts";

describe("parseLogText", () => {
  it("takes known #tags out of the text, in any case, once each", () => {
    expect(parseLogText("#oorzaak Stroompanne in de serverruimte #Preventie")).toEqual({
      text: "Stroompanne in de serverruimte",
      tags: ["oorzaak", "preventie"],
      unknownTags: [],
    });
    expect(
      parseLogText("  #externe-communicatie   Persbericht  verstuurd #oorzaak #OORZAAK"),
    ).toEqual({
      text: "Persbericht verstuurd",
      tags: ["externe-communicatie", "oorzaak"],
      unknownTags: [],
    });
  });

  it("keeps unknown hashtags in the text and names them, so the reply can say so", () => {
    expect(parseLogText("#onbekend Brandweer ter plaatse #oorzak")).toEqual({
      text: "#onbekend Brandweer ter plaatse #oorzak",
      tags: [],
      unknownTags: ["#onbekend", "#oorzak"],
    });
    // A number after # is no tag ("lokaal #3"); plain text stays as it is.
    expect(parseLogText("Water in lokaal #3")).toEqual({
      text: "Water in lokaal #3",
      tags: [],
      unknownTags: [],
    });
    expect(parseLogText("Geen tags hier")).toEqual({
      text: "Geen tags hier",
      tags: [],
      unknownTags: [],
    });
  });
});

describeEachDatabase("the timeline", (target) => {
  let t: TestEngine;
  let db: Database;
  let incident: Incident;
  beforeEach(async () => {
    ({ t, db } = await freshEngine(target));
    incident = await declare(t);
    t.clock.set(at(0.5));
    await t.engine.log(t.as("lien-coussens"), incident.id, "Brandweer ter plaatse");
    await t.engine.log(t.as(COORDINATOR), incident.id, "Stroompanne in de serverruimte", [
      "oorzaak",
    ]);
  });

  it("chains every entry to the one before it, with actor, source and UTC time", async () => {
    const all = await entries(t, incident.id);
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all[0]!.prevHash).toBe(genesisHash(incident.id));
    for (let i = 1; i < all.length; i++) expect(all[i]!.prevHash).toBe(all[i - 1]!.hash);
    const log = all.at(-2)!;
    expect(log).toMatchObject({
      type: "log",
      actorId: "lien-coussens",
      source: "slack",
      at: at(0.5),
      data: { text: "Brandweer ter plaatse" },
      tags: [],
      correctsId: null,
    });
    expect(await t.engine.verifyTimeline(incident.id)).toEqual({
      ok: true,
      entries: all.length,
      headHash: all.at(-1)!.hash,
    });
  });

  it("logs an entry with an unknown #tag, and the reply names it and lists the known tags", async () => {
    const command = parseChatCommand("log #oorzak Stroompanne #preventie");
    const reply = await runChatCommand(t.engine, t.as(COORDINATOR), command, "/ramp");
    expect(reply).toEqual({
      kind: "text",
      text:
        "In het logboek gezet (#preventie). De tag #oorzak is niet herkend en bleef gewone tekst. " +
        "Bekende tags: #oorzaak, #detectie, #interne-communicatie, #externe-communicatie, #preventie, " +
        "#verbetering, #schadeclaim, #actie, #evaluatie, #melding.",
    });
    const logged = (await entries(t, incident.id, "log")).at(-1)!;
    expect(logged).toMatchObject({ data: { text: "#oorzak Stroompanne" }, tags: ["preventie"] });
  });

  it("fails verification at an entry whose data was changed in the database", async () => {
    const all = await entries(t, incident.id);
    const victim = all.find((e) => e.type === "page.sent" && e.data.personId === "bart-lannoo")!;
    await db.client.timelineEntry.update({
      where: { id: victim.id },
      data: { data: JSON.stringify({ ...victim.data, personId: "kevin-dumon" }) },
    });
    expect(await t.engine.verifyTimeline(incident.id)).toMatchObject({
      ok: false,
      entries: all.length,
      brokenAt: { seq: victim.seq, reason: "hash" },
    });
  });

  it("fails verification at a changed time or actor too", async () => {
    const log = (await entries(t, incident.id, "log"))[0]!;
    await db.client.timelineEntry.update({
      where: { id: log.id },
      data: { actorId: DEPUTY },
    });
    expect((await t.engine.verifyTimeline(incident.id)).brokenAt).toEqual({
      seq: log.seq,
      reason: "hash",
    });
    await db.client.timelineEntry.update({
      where: { id: log.id },
      data: { actorId: log.actorId, at: at(0.4) },
    });
    expect((await t.engine.verifyTimeline(incident.id)).brokenAt).toEqual({
      seq: log.seq,
      reason: "hash",
    });
    await db.client.timelineEntry.update({ where: { id: log.id }, data: { at: log.at } });
    expect((await t.engine.verifyTimeline(incident.id)).ok).toBe(true);
  });

  it("finds a deleted entry by the gap, and a closed gap by the broken link", async () => {
    const all = await entries(t, incident.id);
    const middle = all[4]!;
    await db.client.timelineEntry.delete({ where: { id: middle.id } });
    expect(await t.engine.verifyTimeline(incident.id)).toMatchObject({
      ok: false,
      entries: all.length - 1,
      brokenAt: { seq: middle.seq + 1, reason: "sequence" },
    });
    // Renumbering the rest hides the gap, but not the missing link.
    for (const entry of all.slice(5)) {
      await db.client.timelineEntry.update({
        where: { id: entry.id },
        data: { seq: entry.seq - 1 },
      });
    }
    expect(await t.engine.verifyTimeline(incident.id)).toMatchObject({
      ok: false,
      brokenAt: { seq: middle.seq, reason: "link" },
    });
  });

  it("stores log entries with their tags and refuses unknown tags or empty text", async () => {
    const entry = await t.engine.log(
      t.as(DEPUTY, "teams"),
      incident.id,
      "  Persbericht verstuurd ",
      ["externe-communicatie", "actie"],
    );
    expect(entry).toMatchObject({
      type: "log",
      actorId: DEPUTY,
      source: "teams",
      data: { text: "Persbericht verstuurd" },
      tags: ["externe-communicatie", "actie"],
    });
    const logs = await entries(t, incident.id, "log");
    expect(logs.map((e) => e.tags)).toEqual([[], ["oorzaak"], ["externe-communicatie", "actie"]]);
    expect(logs.at(-1)).toEqual(entry);

    // Free text from chat: #tags parsed first.
    const parsed = parseLogText("#detectie Rookmelder ging om 21:40 af");
    const fromChat = await t.engine.log(t.as("bart-lannoo"), incident.id, parsed.text, parsed.tags);
    expect(fromChat).toMatchObject({
      data: { text: "Rookmelder ging om 21:40 af" },
      tags: ["detectie"],
    });

    await expect(t.engine.log(t.as(DEPUTY), incident.id, "Iets", ["roddel"])).rejects.toMatchObject(
      { code: "invalid-input", params: { field: "tags" } },
    );
    await expect(t.engine.log(t.as(DEPUTY), incident.id, "   ")).rejects.toMatchObject({
      code: "invalid-input",
      params: { field: "log" },
    });
    await expect(t.engine.log(t.as("onbekende"), incident.id, "Iets")).rejects.toMatchObject({
      code: "not-in-plan",
    });
    expect(await entries(t, incident.id, "log")).toHaveLength(4);
    expect((await t.engine.verifyTimeline(incident.id)).ok).toBe(true);
  });

  it("corrects an entry with a new entry pointing at it, leaving the old one unchanged", async () => {
    const original = (await entries(t, incident.id, "log"))[1]!;
    t.clock.set(at(2));
    const correction = await t.engine.correct(
      t.as("lien-coussens"),
      incident.id,
      original.id,
      "Stroompanne in het technisch lokaal",
    );
    expect(correction).toMatchObject({
      type: "correction",
      actorId: "lien-coussens",
      at: at(2),
      correctsId: original.id,
      data: {
        text: "Stroompanne in het technisch lokaal",
        corrects: { seq: original.seq, type: "log" },
      },
      tags: ["oorzaak"],
    });
    expect(await t.ctx.store.timeline.get(original.id)).toEqual(original);
    expect((await entries(t, incident.id)).at(-1)).toEqual(correction);
    expect((await t.engine.verifyTimeline(incident.id)).ok).toBe(true);

    await expect(
      t.engine.correct(t.as(COORDINATOR), incident.id, "bestaat-niet", "x"),
    ).rejects.toMatchObject({ code: "entry-not-found" });
    await expect(
      t.engine.correct(t.as(COORDINATOR), incident.id, original.id, " "),
    ).rejects.toMatchObject({ code: "invalid-input" });
    // An entry of another incident cannot be corrected from this one.
    const other = await t.engine.declare(t.as(COORDINATOR), {
      classification: "klein",
      scope: "gedeeltelijk",
      description: "Printer defect",
      openSecond: true,
    });
    await expect(
      t.engine.correct(t.as(COORDINATOR), other.id, original.id, "x"),
    ).rejects.toMatchObject({ code: "entry-not-found" });
    expect(await entries(t, incident.id, "correction")).toHaveLength(1);
  });
});
