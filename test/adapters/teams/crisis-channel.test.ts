// Where an incident declared outside a channel (in someone's personal chat) goes in Teams: the
// crisis team's channel. Named in the plan (chat.teams.channel), only that one; otherwise the
// first channel Ramp is installed in, and not any group chat where someone later used Ramp.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SAMPLE_PLAN_PATH } from "../../../src/plan/load.ts";
import { messageText } from "../../support/fake-connector.ts";
import { channelMention, TEAM } from "../../support/teams-activities.ts";
import { PAGED_AT_START, TeamsRamp } from "./harness.ts";

const OTHER_CHANNEL = "19:UGVyc29uZWVsc2ZlZXN0@thread.tacv2";
const CRISIS_CHANNEL = "19:Q3Jpc2lza2FuYWFs@thread.tacv2";

describe("Teams: the crisis team's channel", () => {
  let t: TeamsRamp | undefined;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ramp-teams-channel-"));
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string> = {}): Promise<TeamsRamp> {
    t = await TeamsRamp.start(`file:${path.join(dir, "ramp.db")}`, { env });
    for (const who of PAGED_AT_START) await t.installPersonal(who);
    await t.installPersonal("pieter");
    return t;
  }

  /**
   * The conversation the paging card was posted to: a channel's own id is a new post there,
   * `…;messageid=…` would be a reply in a thread.
   */
  async function pagingCardPlace(r: TeamsRamp): Promise<string> {
    const card = await r.fake.waitFor("the paging card", () =>
      [...r.fake.messages.values()].find((m) => /^Oproeping crisisstaf/.test(messageText(m))),
    );
    return card.conversationId;
  }

  it("keeps the channel Ramp was installed in when someone uses Ramp elsewhere, and posts there anew", async () => {
    const r = await start();
    await r.installInTeam("pieter");
    // Someone asks for the status in another channel: that channel gets the answer, nothing more.
    const elsewhere = channelMention(r.fake.serviceUrl, {
      from: r.user("sofie"),
      text: "status",
      channelId: OTHER_CHANNEL,
    });
    expect((await r.post(elsewhere)).status).toBe(200);
    await r.say("pieter", "start crisis Cyberaanval op de servers");
    // A new post in the team's channel, not a reply in whatever thread was used last.
    expect(await pagingCardPlace(r)).toBe(TEAM.id);
    expect(r.fake.messagesInChannel(OTHER_CHANNEL).map(messageText)).toEqual([
      expect.stringMatching(/^⚠️ Er loopt geen incident/),
    ]);
  });

  it("uses only the channel the plan names, and waits for Ramp to be added there", async () => {
    const plan = readFileSync(SAMPLE_PLAN_PATH, "utf8").replace(
      /^chat:\n {2}slack:\n {4}channelPrefix: ramp\n {4}private: true\n/m,
      `chat:\n  slack:\n    channelPrefix: ramp\n  teams:\n    channel: "${CRISIS_CHANNEL}"\n`,
    );
    expect(plan).toContain(CRISIS_CHANNEL);
    const planFile = path.join(dir, "plan.yaml");
    writeFileSync(planFile, plan);
    const r = await start({ RAMP_PLAN: planFile });
    // Installed in another team's channel: not the crisis channel.
    await r.installInTeam("pieter");
    await r.say("pieter", "start crisis Cyberaanval op de servers");
    await r.settled();
    const [waiting] = await r.query(
      `SELECT status, "lastError" FROM "OutboxMessage" WHERE platform = 'teams' AND "targetKind" = 'incident' ORDER BY "createdAt" LIMIT 1`,
    );
    expect(waiting).toMatchObject({
      status: "pending",
      lastError: `Ramp is not installed in the crisis team's channel ${CRISIS_CHANNEL} (plan chat.teams.channel) yet`,
    });
    expect(r.fake.messagesInChannel(TEAM.id)).toEqual([]);

    // Someone mentions Ramp in the crisis channel: from then on the incident goes there.
    const there = channelMention(r.fake.serviceUrl, {
      from: r.user("sofie"),
      text: "status",
      channelId: CRISIS_CHANNEL,
    });
    expect((await r.post(there)).status).toBe(200);
    r.clock.advanceMinutes(5);
    await r.tick();
    expect(await pagingCardPlace(r)).toBe(CRISIS_CHANNEL);
    expect(r.fake.messagesInChannel(TEAM.id)).toEqual([]);
  });
});
