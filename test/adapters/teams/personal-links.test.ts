// No personal link or phone number where others read it: every chat command typed in the crisis
// team's channel and in a group chat, and what Ramp posted there since (replies, cards, updates),
// checked at the fake connector; the personal parts arrive in the caller's personal chat. SQLite.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ConnectorMessage, cardOf, messageText } from "../../support/fake-connector.ts";
import { peoplesNumbers, personalIn, SIGN_IN } from "../../support/personal.ts";
import { PAGED_AT_START, TeamsRamp } from "./harness.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function sqliteUrl(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-teams-personal-"));
  dirs.push(dir);
  return `file:${path.join(dir, "ramp.db")}`;
}

/** Every kind of command (src/core/chat/parse.ts), before, during and after an incident. */
const WALK = [
  "melding Rook in de serverruimte van het administratief centrum",
  "",
  "help",
  "brand",
  "bord",
  "start groot Brand in het administratief centrum",
  "status",
  "taken",
  "evaluatie Serverlokaal uitgebrand, kantoren onbruikbaar",
  "besluit B De eigen gebouwen volstaan",
  "taken mijn",
  "log #oorzaak Kortsluiting in de serverruimte",
  "hersteld administratie",
  "ernst crisis",
  "status",
  "",
  "review",
  "stop Brand geblust",
  "review",
  "bord",
];

/** The DPO has no Teams account: the coordinator has to call him. */
const DPO_MOBILE = "+32 474 91 36 58";

const cardRef = (m: ConnectorMessage) =>
  ((cardOf(m.activity)?.refresh as { action?: { data?: { card?: { kind?: string } } } })?.action
    ?.data?.card ?? null) as { kind?: string } | null;

describe("personal links and numbers in Teams", () => {
  let t: TeamsRamp;
  let numbers: string[];
  beforeEach(async () => {
    t = await TeamsRamp.start(sqliteUrl());
    numbers = peoplesNumbers(t.ramp.plan);
    await t.installInTeam("pieter");
    for (const who of PAGED_AT_START) await t.installPersonal(who);
    await t.installPersonal("pieter");
  });
  afterEach(async () => {
    await t?.close();
  });

  /** Everything Ramp sent to or changed in a conversation other than a personal chat. */
  function leaks(): string[] {
    return t.fake.calls
      .filter((c) => ["send", "reply", "update"].includes(c.operation))
      .filter((c) => !c.conversationId.startsWith("a:"))
      .flatMap((c) => {
        const found = personalIn(JSON.stringify(c.body), numbers);
        return found ? [`${c.operation} to ${c.conversationId}: ${found}`] : [];
      });
  }

  for (const place of ["channel", "group chat"] as const) {
    it(`keeps every command's personal parts out of the ${place} and sends them to the personal chat`, async () => {
      const shared: string[] = [];
      for (const words of WALK) {
        const sent =
          place === "channel"
            ? await t.mention("pieter", words)
            : await t.mentionInGroupChat("pieter", words);
        expect(sent.status).toBe(200);
        shared.push(messageText(await t.replyTo(sent)));
        await t.settled();
      }
      expect(leaks()).toEqual([]);

      // Where the caller asked, it says where the personal parts went.
      const inPersonalChat =
        "Uw persoonlijke link naar het crisisbord staat in uw persoonlijke chat met Ramp";
      expect(shared.filter((text) => text.includes(inPersonalChat))).toHaveLength(4);
      expect(shared[WALK.indexOf("review")]).toContain("Incident: 2026-001");
      const status = shared[WALK.indexOf("status")]!;
      expect(status).toContain("Wouter Hoste");
      expect(status).toContain(
        "📞 bellen: het nummer vindt u met status (alleen voor u) of op het crisisbord",
      );
      expect(status).toContain("De telefoonnummers om te bellen staan in uw persoonlijke chat");

      // The caller has them privately: a link for each `bord` and `review`, the number to call.
      const personal = t.dmMessages("pieter").map((m) => JSON.stringify(m.activity));
      expect(personal.filter((m) => SIGN_IN.test(m))).toHaveLength(4);
      expect(personal.some((m) => m.includes(DPO_MOBILE))).toBe(true);
    }, 120_000);
  }

  it("shows the number on the paging card only to the coordinator and the deputies", async () => {
    const sent = await t.mention("pieter", "start groot Brand in het administratief centrum");
    await t.replyTo(sent);
    await t.settled();
    const paging = await t.fake.waitFor("the paging card", () =>
      t.fake.messagesIn(sent.conversationId).find((m) => cardRef(m)?.kind === "paging"),
    );
    expect(messageText(paging)).toContain(
      "Wouter Hoste: Opgeroepen, nog geen antwoord — 📞 bellen: het nummer vindt u met status (alleen voor u) of op het crisisbord",
    );
    expect(messageText(paging)).not.toContain(DPO_MOBILE);
    // Teams shows each viewer their own refreshed card (User Specific Views).
    expect((await t.refresh("sofie", paging)).text).toContain(
      `Wouter Hoste: Opgeroepen, nog geen antwoord — 📞 ${DPO_MOBILE}`,
    );
    expect((await t.refresh("bart", paging)).text).not.toContain(DPO_MOBILE);
    expect(leaks()).toEqual([]);
  });

  it("leaves the link out, and says how to get it, for someone Ramp has no personal chat with", async () => {
    for (const ask of [
      () => t.mention("hanne", "bord"),
      () => t.mentionInGroupChat("hanne", "bord"),
    ]) {
      const sent = await ask();
      expect(messageText(await t.replyTo(sent))).toBe(
        "Het crisisbord toont het incident live, in de browser.\n🔒 Uw link naar het crisisbord is persoonlijk en hoort niet in een gesprek dat anderen lezen: typ bord in uw persoonlijke chat met Ramp.",
      );
    }
    expect(t.fake.calls.filter((c) => SIGN_IN.test(JSON.stringify(c.body)))).toEqual([]);

    // A personal chat Teams refuses (the app removed, the bot blocked): left out as well.
    await t.installPersonal("hanne");
    t.fake.fail(["send", "reply"], { status: 403 }, { conversationId: t.dm("hanne") });
    const refused = await t.mention("hanne", "bord");
    expect(messageText(await t.replyTo(refused))).toContain(
      "typ bord in uw persoonlijke chat met Ramp.",
    );
    // Tried in her personal chat only, and refused there.
    const tried = t.fake.calls.filter((c) => SIGN_IN.test(JSON.stringify(c.body)));
    expect(tried.map((c) => [c.conversationId, c.status])).toEqual([[t.dm("hanne"), 403]]);
    expect(t.dmMessages("hanne")).toEqual([]);

    await t.say("hanne", "bord");
    const link = await t.fake.waitFor("the link in Hanne's chat", () =>
      t.dmMessages("hanne").find((m) => SIGN_IN.test(JSON.stringify(m.activity))),
    );
    expect(messageText(link)).toContain("Uw persoonlijke link naar het crisisbord, geldig tot");
  });
});
