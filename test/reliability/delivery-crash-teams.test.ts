// Ramp with Teams killed (SIGKILL) while a page to a personal chat is in flight at the connector,
// then restarted on the same database. The Bot Framework gives a bot no way to read a chat back,
// so the README ("Reliability") promises at least once for a new Teams message: every paged
// person has the page at least once and at most twice (the one in flight may come again), none
// is lost, and the first delivery after the restart comes within 2 ticks (RAMP_TICK_SECONDS=1).
import { afterEach, beforeEach, expect, it } from "vitest";
import { PAGED_AT_START, PERSON, type Who } from "../adapters/teams/harness.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { loadSamplePlan } from "../support/engine.ts";
import {
  type ConnectorCall,
  type ConnectorMessage,
  FakeConnector,
  messageText,
} from "../support/fake-connector.ts";
import { RampProcess } from "../support/ramp-process.ts";
import {
  channelMention,
  installationUpdate,
  personalConversationId,
  type TeamsUser,
  teamsUser,
} from "../support/teams-activities.ts";

/** Two ticks of RAMP_TICK_SECONDS=1. */
const TWO_TICKS_MS = 2_000;
/** After everyone was reached: long enough for a further duplicate to show up if one were coming. */
const QUIET_MS = 3_000;
/** The page card's line (the card is updated in place, so one message stays one message). */
const PAGE = "U wordt opgeroepen voor de crisisstaf";
/** The people with Ramp in their personal chat: the crisis staff paged at the start, and the coordinator. */
const INSTALLED: Who[] = [...PAGED_AT_START, "pieter"];

const deliveries = ["send", "reply", "update"] as const;

describeEachDatabase("Teams: a page in flight at a crash", (target) => {
  let connector: FakeConnector;
  let ramp: RampProcess | null = null;
  const users = new Map<Who, TeamsUser>();

  beforeEach(async () => {
    connector = await FakeConnector.start();
    const { plan } = await loadSamplePlan();
    for (const who of Object.keys(PERSON) as Who[]) {
      const person = plan.people.find((p) => p.id === PERSON[who]);
      if (!person?.teamsUserId) continue;
      const user = teamsUser(person.teamsUserId, person.name);
      users.set(who, user);
      connector.addMember({
        id: user.id,
        name: user.name,
        aadObjectId: user.aadObjectId,
        userPrincipalName: user.userPrincipalName,
        email: user.userPrincipalName,
        userRole: "user",
      });
    }
  });
  afterEach(async () => {
    await ramp?.kill();
    ramp = null;
    await connector.close();
  });

  const user = (who: Who): TeamsUser => {
    const found = users.get(who);
    if (!found) throw new Error(`${who} has no Teams account in the sample plan`);
    return found;
  };
  const dm = (who: Who) => personalConversationId(user(who));
  const pagesOf = (who: Who): ConnectorMessage[] =>
    connector.messagesIn(dm(who)).filter((m) => messageText(m).includes(PAGE));

  async function post(activity: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${ramp!.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
    await response.arrayBuffer();
    expect(response.status).toBeLessThan(300);
  }

  /** Ramp with Teams only (unauthenticated, loopback), installed in the team and every chat. */
  async function startInstalled(): Promise<RampProcess> {
    const started = await RampProcess.start({
      DATABASE_URL: await target.createDatabase(),
      RAMP_TEAMS: "on",
      RAMP_SECRET: "9c4f1e7a2b8d0c6e5f3a1b9d7c2e4f6a8b0d1c3e5f7a9b2d",
      HOST: "127.0.0.1",
    });
    ramp = started;
    await post(installationUpdate(connector.serviceUrl, { from: user("pieter"), scope: "team" }));
    for (const who of INSTALLED)
      await post(installationUpdate(connector.serviceUrl, { from: user(who), scope: "personal" }));
    return started;
  }

  /** The coordinator declares a major fire in the crisis team's channel. */
  const declare = () =>
    post(
      channelMention(connector.serviceUrl, {
        from: user("pieter"),
        text: "start groot Brand in het administratief centrum",
      }),
    );

  /** Waits until every paged person has the page. */
  const everyoneReached = () =>
    connector.waitFor(
      "a page in every paged person's chat",
      () => PAGED_AT_START.every((who) => pagesOf(who).length >= 1),
      60_000,
    );

  /** Restarts Ramp and checks that its first delivery to the connector comes within two ticks. */
  async function restartPromptly(): Promise<void> {
    const before = performance.now();
    await ramp!.restart();
    const healthy = performance.now();
    const first = await connector.waitFor(
      "a delivery after the restart",
      (): ConnectorCall | undefined =>
        connector.callsOf([...deliveries], (c) => c.at >= before && c.status > 0)[0],
      30_000,
    );
    expect(first.at - healthy).toBeLessThan(TWO_TICKS_MS);
  }

  /** At least once, at most twice: nobody's page lost, none sent more than once again. */
  function expectAtLeastOnceAtMostTwice(): Record<Who, number> {
    const pages = Object.fromEntries(
      PAGED_AT_START.map((who) => [who, pagesOf(who).length]),
    ) as Record<Who, number>;
    for (const who of PAGED_AT_START) {
      expect(pages[who], `${who}'s pages`).toBeGreaterThanOrEqual(1);
      expect(pages[who], `${who}'s pages`).toBeLessThanOrEqual(2);
    }
    // The coordinator declared: he counts as coming and is not paged.
    expect(pagesOf("pieter")).toEqual([]);
    return pages;
  }

  const heldPage = () =>
    connector.hold(
      ["send", "reply"],
      (c) => c.conversationId === dm("sofie") && JSON.stringify(c.body).includes(PAGE),
    );

  it("sends a page the connector processed as the process died at most once more", {
    timeout: 300_000,
  }, async () => {
    const running = await startInstalled();
    const held = heldPage();
    await declare();
    await held.arrived;
    await running.kill();
    held.process();
    await connector.waitFor(
      "Sofie's page, processed after the kill",
      () => pagesOf("sofie").length === 1,
    );
    await restartPromptly();
    await everyoneReached();
    await connector.waitFor(
      "Sofie's page sent again (the connector cannot be asked whether it arrived)",
      () => pagesOf("sofie").length === 2,
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const pages = expectAtLeastOnceAtMostTwice();
    expect(pages.sofie).toBe(2);
  });

  it("sends a page that never reached the connector after the restart", {
    timeout: 300_000,
  }, async () => {
    const running = await startInstalled();
    const held = heldPage();
    await declare();
    await held.arrived;
    await running.kill();
    held.drop();
    expect(pagesOf("sofie")).toEqual([]);
    await restartPromptly();
    await everyoneReached();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const pages = expectAtLeastOnceAtMostTwice();
    expect(pages.sofie).toBe(1);
  });
});
