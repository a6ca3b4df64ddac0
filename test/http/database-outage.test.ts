// The database goes away in the middle of an incident and comes back. SQLite: another process
// holds the file's write lock (BEGIN EXCLUSIVE). PostgreSQL: Ramp reaches the server through a
// TCP proxy that is cut (port closed, open connections broken) and restored; the shared server
// keeps running for the other tests. Meanwhile every platform answers "probeer opnieuw", /healthz
// answers 503 naming the database, and afterwards Ramp works again without a restart, with
// nothing lost and nothing half-stored.
import { afterAll, beforeAll, expect, it } from "vitest";
import { PERSON, TeamsRamp, type Who } from "../adapters/teams/harness.ts";
import { buttons, startWebRamp, type WebBrowser, type WebRamp } from "../adapters/web/harness.ts";
import { describeEachDatabase, type TestDatabase } from "../support/databases.ts";
import { type ConnectorMessage, messageText } from "../support/fake-connector.ts";
import { FakeSlack, type SlackMessage } from "../support/fake-slack.ts";
import {
  blockAction,
  findButton,
  sendToSlackEndpoint,
  slashCommand,
} from "../support/slack-requests.ts";
import { SqliteLocker } from "../support/sqlite-locker.ts";
import { TcpProxy } from "../support/tcp-proxy.ts";

const SIGNING_SECRET = "7d3a9c1e5f2b8d0a4c6e1f9b3d7a5c2e";
const BOT_TOKEN = "xoxb-5555555555-6666666666-rampOutage";
const TRY_AGAIN = /Probeer opnieuw over een halve minuut/;

interface Outage {
  /** DATABASE_URL for Ramp: the file, or the server through the proxy. */
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
}

async function outageFor(target: TestDatabase): Promise<Outage> {
  if (target.provider === "sqlite") {
    const file = target.url.slice("file:".length);
    let locker: SqliteLocker | null = null;
    return {
      url: target.url,
      cut: async () => {
        locker = await SqliteLocker.lock(file);
      },
      restore: async () => {
        await locker?.release();
        locker = null;
      },
    };
  }
  const server = new URL(target.url);
  const proxy = await TcpProxy.start({
    host: server.hostname,
    port: Number(server.port || 5432),
  });
  return { url: proxy.urlFor(target.url), cut: () => proxy.cut(), restore: () => proxy.restore() };
}

describeEachDatabase("the database goes away during an incident", (target) => {
  let outage: Outage;
  let slack: FakeSlack;
  let t: TeamsRamp;
  let web: WebRamp;
  let browser: WebBrowser;
  const slackId = new Map<string, string>();
  let sofiePageInSlack: SlackMessage;
  let sofiePageInTeams: ConnectorMessage;
  let sofiePageOnBoard: string;

  beforeAll(async () => {
    outage = await outageFor(target);
    slack = await FakeSlack.start({ botToken: BOT_TOKEN });
    t = await TeamsRamp.start(outage.url, {
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
    });
    // The board and the local chat: a Ramp in local mode on the same database.
    web = await startWebRamp(outage.url);
    browser = web.browser();
    const { loadSamplePlan } = await import("../support/engine.ts");
    for (const person of (await loadSamplePlan()).plan.people) {
      if (person.slackUserId) slackId.set(person.id, person.slackUserId);
    }
  });
  afterAll(async () => {
    await outage?.restore();
    await web?.close();
    await t?.close();
    await slack?.close();
  });

  const slackUser = (who: Who) => slackId.get(PERSON[who])!;

  /** Sends a Slack request; returns the first message Ramp posts to its response_url. */
  async function viaSlack(
    build: (responseUrl: string) => ReturnType<typeof slashCommand>,
  ): Promise<string> {
    const responseUrl = slack.responseUrl();
    const response = await sendToSlackEndpoint(t.ramp.url, SIGNING_SECRET, build(responseUrl));
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const reply = await slack.waitFor(`a reply to ${responseUrl}`, () => {
      return slack.responsesTo(responseUrl)[0];
    });
    return JSON.stringify(reply);
  }

  async function health(): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${t.ramp.url}/healthz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** A command typed in the local chat by the page's script (it asks for JSON). */
  function chatCommand(text: string) {
    return browser.post(
      "/chat",
      { text, back: "/chat" },
      { headers: { "x-requested-with": "fetch", accept: "application/json" } },
    );
  }

  it("runs an incident on every platform before the outage", async () => {
    await t.installInTeam("pieter");
    await t.installPersonal("sofie");
    const sent = await t.mention("pieter", "start groot Brand in het administratief centrum");
    expect(messageText(await t.replyTo(sent))).toMatch(/^✅ Incident 2026-001 is gestart/);
    sofiePageInSlack = await slack.waitFor(
      "Sofie's page in Slack",
      () => slack.messagesIn(slack.dmOf(slackUser("sofie")))[0],
    );
    sofiePageInTeams = await t.waitForDm("sofie", "Incident 2026-001");
    await t.settled();
    await browser.becomes(PERSON.sofie);
    const board = await browser.get("/");
    expect(board.status).toBe(200);
    sofiePageOnBoard = buttons(board.text, "page.coming")[0] ?? "";
    expect(sofiePageOnBoard).not.toBe("");
    expect((await health()).status).toBe(200);
  });

  it("while it is gone: /healthz answers 503 and names the database", async () => {
    await outage.cut();
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "unavailable", failing: ["database"] });
    expect(body.database).toMatchObject({ ok: false, provider: target.provider });
    expect(String((body.database as { error: string }).error)).toMatch(
      target.provider === "sqlite"
        ? /cannot be reached or is locked: SQLITE_BUSY: database is locked/
        : /cannot be reached or is locked: /,
    );
  });

  it("while it is gone: Slack's slash command and button answer 'probeer opnieuw'", async () => {
    const command = await viaSlack((responseUrl) =>
      slashCommand({
        userId: slackUser("pieter"),
        text: "log Brandweer ter plaatse",
        responseUrl,
      }),
    );
    expect(command).toMatch(TRY_AGAIN);
    const click = await viaSlack((responseUrl) =>
      blockAction({
        userId: slackUser("sofie"),
        message: sofiePageInSlack,
        button: findButton(sofiePageInSlack, "Ik kom"),
        responseUrl,
      }),
    );
    expect(click).toMatch(TRY_AGAIN);
  });

  it("while it is gone: a Teams message and a card action answer 'probeer opnieuw'", async () => {
    const said = await t.say("sofie", "log Ik ben onderweg");
    expect(said.status).toBeLessThan(300);
    const reply = await t.waitForDm("sofie", TRY_AGAIN);
    expect(messageText(reply)).not.toMatch(/referentie/);
    const clicked = await t.click("sofie", sofiePageInTeams, "Ik kom");
    expect(clicked.status).toBe(200);
    expect(clicked.text).toMatch(TRY_AGAIN);
  });

  it("while it is gone: the board's buttons and the local chat answer 'probeer opnieuw'", async () => {
    const typed = await chatCommand("log Vanuit de lokale chat");
    expect(typed.status).toBe(503);
    expect(JSON.parse(typed.text).message).toMatch(TRY_AGAIN);
    const pressed = await browser.post(
      "/actions",
      { do: sofiePageOnBoard, back: "/" },
      { headers: { "x-requested-with": "fetch", accept: "application/json" } },
    );
    expect(pressed.status).toBe(503);
    expect(JSON.parse(pressed.text).message).toMatch(TRY_AGAIN);
    const board = await browser.get("/");
    if (target.provider === "sqlite") {
      // WAL: readers do not wait for a writer, so the board still shows while writes cannot.
      expect(board.status).toBe(200);
    } else {
      expect(board.status).toBe(503);
      expect(board.text).toMatch(TRY_AGAIN);
    }
  });

  it("when it is back: Ramp works again by itself, and nothing was lost or half-stored", async () => {
    await outage.restore();
    expect((await health()).status).toBe(200);
    // Nothing of what was refused was stored.
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(1);
    const logged = (text: string) =>
      t.count(`SELECT count(*) FROM "TimelineEntry" WHERE "data" LIKE $1`, [`%${text}%`]);
    expect(await logged("Brandweer ter plaatse")).toBe(0);
    expect(await logged("Vanuit de lokale chat")).toBe(0);
    const sofieComing = () =>
      t.count(`SELECT count(*) FROM "Page" WHERE "personId" = $1 AND status = 'coming'`, [
        PERSON.sofie,
      ]);
    expect(await sofieComing()).toBe(0);

    // The same requests go through now, on every platform.
    expect(
      await viaSlack((responseUrl) =>
        slashCommand({
          userId: slackUser("pieter"),
          text: "log Brandweer ter plaatse",
          responseUrl,
        }),
      ),
    ).not.toMatch(TRY_AGAIN);
    const clicked = await t.click("sofie", sofiePageInTeams, "Ik kom");
    expect(clicked.text).toContain("Uw antwoord: Komt");
    const typed = await chatCommand("log Vanuit de lokale chat");
    expect(typed.status).toBe(200);
    expect((await browser.get("/")).status).toBe(200);
    // Slack's command runs after its acknowledgement.
    await t.until(
      "the log entries stored",
      async () =>
        (await logged("Brandweer ter plaatse")) === 1 && (await logged("Vanuit de lokale chat")),
    );
    expect(await logged("Vanuit de lokale chat")).toBe(1);
    expect(await sofieComing()).toBe(1);
    expect(await t.count(`SELECT count(*) FROM "Incident"`)).toBe(1);
  });
});
