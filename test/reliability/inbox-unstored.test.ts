// An interaction the inbox cannot store is never acknowledged as a success: the platform gets a
// failure (Slack and Teams: a 500; the board: 503 with "Probeer opnieuw"), and nothing happens.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.ts";
import { SlackRamp, U } from "../adapters/slack/harness.ts";
import { TeamsRamp } from "../adapters/teams/harness.ts";
import { P, startWebRamp, type WebRamp } from "../adapters/web/harness.ts";
import { describeEachDatabase } from "../support/databases.ts";

/** The inbox's table gone: every insert into it fails, as with the database away. */
const DROP_INBOX = `DROP TABLE "InboxItem"`;

describeEachDatabase("the inbox: an interaction not stored is not acknowledged", (target) => {
  describe("Slack", () => {
    let s: SlackRamp;
    beforeAll(async () => {
      s = await SlackRamp.start(await target.createDatabase());
    });
    afterAll(() => s?.close());

    it("answers a slash command it could not store with a failure, not a 200", async () => {
      await s.query(DROP_INBOX);
      const sent = await s.command(U.pieter, "start groot Brand in het administratief centrum");
      expect(sent.status).toBe(500);
      expect(s.fake.responsesTo(sent.responseUrl)).toEqual([]);
      expect(await s.count(`SELECT count(*) FROM "Incident"`)).toBe(0);
    });
  });

  describe("Teams", () => {
    let t: TeamsRamp;
    let url: string;
    beforeAll(async () => {
      url = await target.createDatabase();
      t = await TeamsRamp.start(url);
      await t.installPersonal("pieter");
    });
    afterAll(() => t?.close());

    it("answers a message it could not store with a 500, and sends nothing", async () => {
      const db = await openDatabase(url, { migrate: false });
      await db.client.$executeRawUnsafe(DROP_INBOX);
      await db.close();
      const sent = await t.say("pieter", "start groot Brand in het administratief centrum");
      expect(sent.status).toBe(500);
      expect(t.fake.callsOf(["send", "reply"])).toEqual([]);
      expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(0);
    });
  });

  describe("the board and the local chat", () => {
    let w: WebRamp;
    let url: string;
    beforeAll(async () => {
      url = await target.createDatabase();
      w = await startWebRamp(url);
    });
    afterAll(() => w?.close());

    it("answers a form it could not store with 503 and Probeer opnieuw", async () => {
      const browser = w.browser();
      await browser.becomes(P.pieter);
      const db = await openDatabase(url, { migrate: false });
      await db.client.$executeRawUnsafe(DROP_INBOX);
      await db.close();
      const sent = await browser.post("/chat", {
        text: "/ramp start groot Brand in het administratief centrum",
        back: "/chat",
      });
      expect(sent.status).toBe(503);
      expect(sent.text).toContain("Probeer opnieuw");
      expect(await w.ramp.engine.activeIncidents()).toEqual([]);
    });
  });
});
