// The same interaction delivered twice (a platform's retry, a double submit) acts once: the inbox
// keeps the platform's own key (Slack's trigger_id, Teams' activity id, the web form's nonce).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackRamp, U } from "../adapters/slack/harness.ts";
import { findAction, TeamsRamp } from "../adapters/teams/harness.ts";
import {
  buttons,
  P,
  startWebRamp,
  type WebBrowser,
  type WebRamp,
} from "../adapters/web/harness.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { cardOf } from "../support/fake-connector.ts";
import { blockAction, findButton, slashCommand } from "../support/slack-requests.ts";
import { actionExecute, personalMessage } from "../support/teams-activities.ts";

const TITLE = "Incident 2026-001 — Brand in het administratief centrum";

describeEachDatabase("the inbox: a redelivered interaction acts once", (target) => {
  describe("Slack", () => {
    let s: SlackRamp;
    beforeAll(async () => {
      s = await SlackRamp.start(await target.createDatabase());
      await (await s.command(U.pieter, "start groot Brand in het administratief centrum")).reply();
      await s.waitForMessage(s.fake.dmOf(U.marleen), TITLE);
    });
    afterAll(() => s?.close());

    it("claims once when Slack delivers the same click again (X-Slack-Retry-Num)", async () => {
      await (await s.command(U.pieter, "evaluatie Serverlokaal uitgebrand")).reply();
      await (await s.command(U.pieter, "beslissing B")).reply();
      const channel = await s.incidentChannel();
      const card = await s.taskCard(channel, "b-org-onthaal");
      const click = blockAction({
        userId: U.els,
        message: card,
        button: findButton(card, "Opnemen"),
        responseUrl: s.fake.responseUrl(),
      });
      const first = await s.send(click);
      const retry = await s.send(click, { retryNum: 1, retryReason: "http_timeout" });
      expect([first.status, retry.status]).toEqual([200, 200]);
      await s.fake.waitFor("the card claimed", () => s.now(card).text.endsWith("— Opgenomen"));
      await s.settled();
      expect(await s.timelineCount("task.claimed")).toBe(1);
      expect(
        await s.count(
          `SELECT count(*) FROM "InboxItem" WHERE platform = 'slack' AND kind = 'slack.action'`,
        ),
      ).toBe(1);
    });

    it("logs once when Slack delivers the same slash command again", async () => {
      const responseUrl = s.fake.responseUrl();
      const command = slashCommand({
        userId: U.pieter,
        text: "log Brandweer ter plaatse",
        responseUrl,
      });
      const first = await s.send(command);
      const retry = await s.send(command, { retryNum: 1 });
      expect([first.status, retry.status]).toEqual([200, 200]);
      await s.fake.waitFor("the answer", () => s.fake.responsesTo(responseUrl)[0]);
      await s.settled();
      expect(
        await s.count(`SELECT count(*) FROM "TimelineEntry" WHERE type = 'log' AND data LIKE $1`, [
          "%Brandweer ter plaatse%",
        ]),
      ).toBe(1);
      // Answered once: the retry was acknowledged, not run.
      expect(s.fake.responsesTo(responseUrl)).toHaveLength(1);
    });
  });

  describe("Teams", () => {
    let t: TeamsRamp;
    beforeAll(async () => {
      t = await TeamsRamp.start(await target.createDatabase());
      for (const who of ["pieter", "marleen"] as const) await t.installPersonal(who);
      await t.mention("pieter", "start groot Brand in het administratief centrum");
      await t.waitForDm("marleen", TITLE);
    });
    afterAll(() => t?.close());

    it("answers the page once when Teams delivers the same invoke activity twice", async () => {
      const page = t.dmMessages("marleen")[0]!;
      const activity = actionExecute(t.fake.serviceUrl, {
        from: t.user("marleen"),
        conversationId: page.conversationId,
        replyToId: page.id,
        verb: findAction(cardOf(page.activity), "Ik kom").verb,
        data: findAction(cardOf(page.activity), "Ik kom").data,
      });
      const first = await t.post(activity);
      const again = await t.post(activity);
      expect([first.status, again.status]).toEqual([200, 200]);
      // Both answers are the card as it is now: answered.
      for (const sent of [first, again]) expect(sent.body).toContain("Komt");
      await t.settled();
      expect(
        await t.count(`SELECT count(*) FROM "TimelineEntry" WHERE type = 'page.answered'`),
      ).toBe(1);
    });

    it("logs once when Teams delivers the same message activity twice", async () => {
      const activity = personalMessage(t.fake.serviceUrl, {
        from: t.user("pieter"),
        text: "log Pers ingelicht",
      });
      expect((await t.post(activity)).status).toBe(200);
      expect((await t.post(activity)).status).toBe(200);
      await t.settled();
      expect(
        await t.count(`SELECT count(*) FROM "TimelineEntry" WHERE type = 'log' AND data LIKE $1`, [
          "%Pers ingelicht%",
        ]),
      ).toBe(1);
      const answers = t.fake
        .messagesIn(t.dm("pieter"))
        .filter((m) => JSON.stringify(m.activity).includes("logboek"));
      expect(answers).toHaveLength(1);
    });
  });

  describe("the board and the local chat", () => {
    let w: WebRamp;
    let browser: WebBrowser;
    beforeAll(async () => {
      w = await startWebRamp(await target.createDatabase());
      browser = w.browser();
      await browser.becomes(P.pieter);
      await browser.say("/ramp start groot Brand in het administratief centrum");
    });
    afterAll(() => w?.close());

    it("answers a page once when its form is sent twice (the same nonce)", async () => {
      const marleen = w.browser();
      await marleen.becomes(P.marleen);
      const chat = (await marleen.get("/chat")).text;
      const [coming] = buttons(chat, "page.coming");
      const form = chat.split("<form").find((f) => f.includes(`value="${coming}"`));
      const nonce = /name="nonce" value="([^"]+)"/.exec(form ?? "")?.[1];
      expect(nonce).toBeTruthy();
      const fields = { do: coming!, back: "/", nonce: nonce! };
      const json = { headers: { "x-requested-with": "fetch" } };
      const first = await marleen.post("/actions", fields, json);
      const second = await marleen.post("/actions", fields, json);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(JSON.parse(first.text).message).not.toBe(JSON.parse(second.text).message);
      expect(JSON.parse(second.text).message).toBe(
        "Dit formulier werd al verstuurd; het telt één keer.",
      );
      const answered = await w.ramp.engine.timeline((await w.ramp.engine.activeIncidents())[0]!.id);
      expect(answered.filter((e) => e.type === "page.answered")).toHaveLength(1);
    });

    it("logs once when the chat's command form is sent twice", async () => {
      const fields = { text: "/ramp log Dubbel verstuurd", back: "/chat", nonce: "n-twice" };
      const first = await browser.post("/chat", fields);
      const second = await browser.post("/chat", fields);
      expect([first.status, second.status]).toEqual([303, 303]);
      const conversation = (await browser.get("/chat")).text;
      expect(conversation.split("Dubbel verstuurd").length - 1).toBe(1);
    });

    it("takes a form again under a new nonce", async () => {
      const first = await browser.post("/chat", {
        text: "/ramp log Eerste",
        back: "/chat",
        nonce: "n-1",
      });
      const second = await browser.post("/chat", {
        text: "/ramp log Tweede",
        back: "/chat",
        nonce: "n-2",
      });
      expect([first.status, second.status]).toEqual([303, 303]);
      const conversation = (await browser.get("/chat")).text;
      expect(conversation).toContain("Eerste");
      expect(conversation).toContain("Tweede");
    });
  });
});
