// One deployment with Slack and Microsoft Teams at the same time, one incident: both platforms
// get the cards, and whatever happens in one shows in the other (a task claimed in Teams is
// claimed on the Slack card, and the other way round); two people claiming one task at once,
// one in each platform, still make exactly one owner.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../support/databases.ts";
import {
  buttonLabels,
  type ConnectorMessage,
  cardOf,
  type Json,
  messageText,
} from "../../support/fake-connector.ts";
import { FakeSlack, type SlackMessage } from "../../support/fake-slack.ts";
import {
  blockAction,
  findButton,
  sendToSlackEndpoint,
  slashCommand,
} from "../../support/slack-requests.ts";
import { PERSON, TeamsRamp, type Who } from "./harness.ts";

const SIGNING_SECRET = "5b2e8d1c7a4f0e9b3c6d2a8f1e7b4c0d";
const BOT_TOKEN = "xoxb-3333333333-4444444444-rampBothPlatforms";
const CHANNEL_NAME = "ramp-2026-11-22-brand-in-het-administratief-centrum";

describeEachDatabase("Slack and Teams together, one incident", (target) => {
  let slack: FakeSlack;
  let t: TeamsRamp;
  /** Slack member ids from the plan. */
  const slackId = new Map<string, string>();
  let slackChannel: string;
  let teamsThread: string;

  beforeAll(async () => {
    slack = await FakeSlack.start({ botToken: BOT_TOKEN });
    t = await TeamsRamp.start(target.url, {
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
    });
    const { loadSamplePlan } = await import("../../support/engine.ts");
    for (const person of (await loadSamplePlan()).plan.people) {
      if (person.slackUserId) slackId.set(person.id, person.slackUserId);
    }
  });
  afterAll(async () => {
    await t?.close();
    await slack?.close();
  });

  const slackUser = (who: Who) => slackId.get(PERSON[who])!;

  async function slackCommand(who: Who, text: string): Promise<void> {
    const response = await sendToSlackEndpoint(
      t.ramp.url,
      SIGNING_SECRET,
      slashCommand({ userId: slackUser(who), text, responseUrl: slack.responseUrl() }),
    );
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  }

  /** Clicks a Slack button; returns the response_url, where a refusal would be posted. */
  async function slackClick(who: Who, message: SlackMessage, label: string): Promise<string> {
    const responseUrl = slack.responseUrl();
    const response = await sendToSlackEndpoint(
      t.ramp.url,
      SIGNING_SECRET,
      blockAction({
        userId: slackUser(who),
        message,
        button: findButton(message, label),
        responseUrl,
      }),
    );
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    return responseUrl;
  }

  async function taskId(planTaskId: string): Promise<string> {
    const [row] = await t.query(
      `SELECT id FROM "Task" WHERE "planTaskId" = $1 AND situation = 'B'`,
      [planTaskId],
    );
    return String(row?.id);
  }

  async function slackTask(planTaskId: string): Promise<SlackMessage> {
    const blockId = `task:${await taskId(planTaskId)}`;
    return slack.waitFor(`the Slack card of ${planTaskId}`, () =>
      slack.messagesIn(slackChannel).find((m) => m.blocks.some((b) => b.block_id === blockId)),
    );
  }

  async function teamsTask(planTaskId: string): Promise<ConnectorMessage> {
    const id = await taskId(planTaskId);
    return t.fake.waitFor(`the Teams card of ${planTaskId}`, () =>
      t.fake.messagesIn(teamsThread).find((m) => {
        const refresh = cardOf(m.activity)?.refresh as Json | undefined;
        const card = ((refresh?.action as Json | undefined)?.data as Json | undefined)?.card as
          | Json
          | undefined;
        return card?.taskId === id;
      }),
    );
  }

  const slackNow = (message: SlackMessage) =>
    slack.messages.get(`${message.channel}/${message.ts}`)!;
  const slackText = (message: SlackMessage) => JSON.stringify(slackNow(message).blocks);

  it("declares in Teams; the incident reaches the Teams thread and a new Slack channel", async () => {
    await t.installInTeam("pieter");
    for (const who of ["sofie", "bart", "kevin", "johan"] as const) await t.installPersonal(who);
    const sent = await t.mention("pieter", "start groot Brand in het administratief centrum");
    teamsThread = sent.conversationId;
    expect(messageText(await t.replyTo(sent))).toMatch(/^✅ Incident 2026-001 is gestart/);
    slackChannel = await slack.waitFor(
      "the Slack incident channel",
      () => slack.channelNamed(CHANNEL_NAME)?.id,
    );
    await slack.waitFor("the paging card in Slack", () =>
      slack.messagesIn(slackChannel).find((m) => m.text.startsWith("Oproeping crisisstaf")),
    );
    await t.fake.waitFor("the paging card in Teams", () =>
      t.fake.messagesIn(teamsThread).find((m) => /^Oproeping crisisstaf/.test(messageText(m))),
    );
    // Paged on both platforms: a page card in Sofie's Slack DM and in her Teams chat.
    await slack.waitFor(
      "Sofie's page in Slack",
      () => slack.messagesIn(slack.dmOf(slackUser("sofie")))[0],
    );
    await t.waitForDm("sofie", "Incident 2026-001");
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(1);
  });

  it("an answer in one platform updates the page card in the other", async () => {
    const teamsPage = t.dmMessages("sofie")[0]!;
    const answer = await t.click("sofie", teamsPage, "Ik kom");
    expect(answer.text).toContain("Uw antwoord: Komt");
    const slackPage = slack.messagesIn(slack.dmOf(slackUser("sofie")))[0]!;
    await slack.waitFor("Sofie's Slack page showing her Teams answer", () =>
      slackText(slackPage).includes("Uw antwoord: Komt"),
    );
  });

  it("decides in Slack; the task cards appear in both", async () => {
    await slackCommand("pieter", "besluit B Gebouw blijft bruikbaar");
    // Slack's command is acknowledged before it runs: wait for the decision's tasks.
    await t.until(
      "the tasks of situation B",
      async () => (await t.count(`SELECT count(*) FROM "Task" WHERE situation = 'B'`)) === 13,
    );
    await slackTask("b-tech-ict-middelen");
    await teamsTask("b-tech-ict-middelen");
    await t.settled();
    expect(await t.count(`SELECT count(*) FROM "Task" WHERE situation = 'B'`)).toBe(13);
  });

  it("a task claimed in Teams shows as claimed on the Slack card", async () => {
    const teamsCard = await teamsTask("b-tech-backups");
    const slackCard = await slackTask("b-tech-backups");
    expect(findButton(slackNow(slackCard), "Opnemen")).toBeDefined();
    const claimed = await t.click("bart", teamsCard, "Opnemen");
    expect(claimed.text).toContain("Eigenaar: **Bart Lannoo**");
    const update = await slack.waitFor("chat.update of the Slack card with the owner", () =>
      slack
        .callsOf("chat.update", (b) => b.channel === slackChannel && b.ts === slackCard.ts)
        .find((c) => JSON.stringify(c.body.blocks).includes("Eigenaar: *Bart Lannoo*")),
    );
    expect(String(update.body.text)).toMatch(/— Opgenomen$/);
    expect(slackNow(slackCard).text).toMatch(/— Opgenomen$/);
  });

  it("a task claimed in Slack shows as claimed on the Teams card", async () => {
    const teamsCard = await teamsTask("b-tech-restore");
    const slackCard = await slackTask("b-tech-restore");
    const responseUrl = await slackClick("kevin", slackCard, "Opnemen");
    const update = await t.fake.waitFor("a PUT of the Teams card with the owner", () =>
      t.fake
        .callsOf("update", (c) => c.conversationId === teamsThread && c.targetId === teamsCard.id)
        .find((c) => messageText(c.body).includes("Eigenaar: **Kevin Dumon**")),
    );
    expect(messageText(update.body)).toMatch(/— Opgenomen\n/);
    // Someone else in Teams sees it taken, without buttons; the owner has his.
    const forBart = await t.refresh("bart", t.current(teamsCard));
    expect(forBart.text).toContain("Eigenaar: **Kevin Dumon**");
    expect(buttonLabels(forBart.card)).toEqual([]);
    const forKevin = await t.refresh("kevin", t.current(teamsCard));
    expect(buttonLabels(forKevin.card)).toEqual(["Klaar", "Vrijgeven", "Blokkeren…"]);
    await t.settled();
    expect(slack.responsesTo(responseUrl)).toEqual([]);
  });

  it("two people claiming one task at once, one in each platform: exactly one owner", async () => {
    const teamsCard = await teamsTask("b-tech-internet-telefonie");
    const slackCard = await slackTask("b-tech-internet-telefonie");
    const [teams, responseUrl] = await Promise.all([
      t.click("bart", teamsCard, "Opnemen"),
      slackClick("kevin", slackCard, "Opnemen"),
    ]);
    const [task] = await t.query(
      `SELECT "ownerId" FROM "Task" WHERE "planTaskId" = 'b-tech-internet-telefonie'`,
    );
    const winner = String(task?.ownerId);
    expect([PERSON.bart, PERSON.kevin]).toContain(winner);
    if (winner === PERSON.bart) {
      expect(teams.text).toContain("Eigenaar: **Bart Lannoo**");
      const refusal = await slack.waitFor(
        "Kevin's refusal in Slack",
        () => slack.responsesTo(responseUrl)[0],
      );
      expect(refusal.text).toBe(
        "⚠️ Al opgenomen door Bart Lannoo. Overnemen kan als Bart Lannoo de taak vrijgeeft, of via de coördinator of een plaatsvervanger: Pieter Declercq of Sofie Vermeulen.",
      );
    } else {
      expect(teams.text).toMatch(
        /^⚠️ Al opgenomen door Kevin Dumon\. Overnemen kan als Kevin Dumon de taak vrijgeeft, of via de coördinator of een plaatsvervanger: Pieter Declercq of Sofie Vermeulen\.\n/,
      );
    }
    const name = winner === PERSON.bart ? "Bart Lannoo" : "Kevin Dumon";
    await slack.waitFor("the Slack card with the winner", () =>
      slackText(slackCard).includes(`Eigenaar: *${name}*`),
    );
    await t.fake.waitFor("the Teams card with the winner", () =>
      messageText(t.current(teamsCard)).includes(`Eigenaar: **${name}**`),
    );
    await t.settled();
    const [claims] = await t.query(
      `SELECT count(*) AS n FROM "TimelineEntry" WHERE type = 'task.claimed' AND data LIKE $1`,
      [`%${await taskId("b-tech-internet-telefonie")}%`],
    );
    expect(Number(claims?.n)).toBe(1);
  });
});
