// Slack as it is installed: what Ramp does when Slack will not give an incident its channel or
// will not add someone to it. Real Bolt over HTTP against the fake Slack, which grants the
// scopes of manifests/slack/manifest.yaml (fewer where a test says so) and answers as Slack.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildReview } from "../../../src/core/review/build.ts";
import { renderMarkdown } from "../../../src/review/render-markdown.ts";
import type { FakeSlack } from "../../support/fake-slack.ts";
import { CHANNEL_NAME, SlackRamp, U } from "./harness.ts";

const SAMPLE_PLAN = path.resolve("plans/ocmw-zonnebeke.yaml");
const DECLARE = "start groot Brand in het administratief centrum";

/** The sample plan with a change (English, a fallback channel), in a temporary file. */
function planWith(change: (yaml: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-slack-plan-"));
  const file = path.join(dir, "plan.yaml");
  const sample = readFileSync(SAMPLE_PLAN, "utf8");
  const changed = change(sample);
  expect(changed).not.toBe(sample);
  writeFileSync(file, changed);
  return file;
}

describe("Slack refusing the incident channel or an invitation", () => {
  let s: SlackRamp | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  const start = async (
    beforeStart: (fake: FakeSlack) => void,
    planFile?: string,
    env?: Record<string, string>,
  ): Promise<SlackRamp> => {
    const dir = mkdtempSync(path.join(tmpdir(), "ramp-slack-problems-"));
    s = await SlackRamp.start(`file:${path.join(dir, "ramp.db")}`, {
      beforeStart,
      ...(planFile ? { planFile } : {}),
      ...(env ? { env } : {}),
    });
    return s;
  };

  const problems = async (ramp: SlackRamp) =>
    (await ramp.query(`SELECT data, source FROM "TimelineEntry" WHERE type = 'chat.problem'`)).map(
      (row) => ({ source: row.source, ...JSON.parse(String(row.data)) }),
    );

  /** The coordinator's DM with Ramp: the notice about the channel. */
  const coordinatorTold = (ramp: SlackRamp, text: string | RegExp) =>
    ramp.waitForMessage(ramp.fake.dmOf(U.pieter), text);

  const reviewText = async (ramp: SlackRamp) => {
    const [incident] = await ramp.ramp.engine.activeIncidents();
    return renderMarkdown(await buildReview(ramp.ramp.engine, incident!.id));
  };

  it("names whom Slack would not invite, and why, to the coordinator and on the timeline", async () => {
    const ramp = await start((fake) => {
      fake.refuseInvite(U.marleen, "user_not_found");
      fake.refuseInvite(U.johan, "cant_invite");
      fake.refuseInvite(U.els, "user_is_restricted");
    });
    await ramp.command(U.pieter, DECLARE);
    const channel = await ramp.incidentChannel();
    const told = await coordinatorTold(ramp, /Niet in het incidentkanaal/);
    expect(told.text).toBe(
      `Niet in het incidentkanaal #${CHANNEL_NAME}: ` +
        "Marleen Vandamme — onbekend in Slack (verkeerde slackUserId in het plan, of het account is verwijderd); " +
        "Johan Maes — Slack laat niet toe deze persoon uit te nodigen (bv. iemand van een andere organisatie); " +
        "Els Verhaeghe — gastaccount: alleen een beheerder kan een gast in een kanaal zetten. " +
        "Nodig hen zelf uit in Slack of verwittig hen op een andere manier.",
    );
    // Slack added the others (force: true), and only the coordinator heard of it.
    const members = ramp.fake.channelNamed(CHANNEL_NAME)!.members;
    expect(members.has(U.sofie) && members.has(U.bart)).toBe(true);
    expect(members.has(U.marleen) || members.has(U.johan) || members.has(U.els)).toBe(false);
    expect(ramp.message(ramp.fake.dmOf(U.sofie), /Niet in het incidentkanaal/)).toBeUndefined();
    expect(ramp.message(channel, /Niet in het incidentkanaal/)).toBeUndefined();
    const [problem] = await problems(ramp);
    expect(problem).toMatchObject({
      source: "slack",
      kind: "not-invited",
      channel,
      people: [
        { slackUserId: U.marleen, personId: "marleen-vandamme", error: "user_not_found" },
        { slackUserId: U.johan, error: "cant_invite" },
        { slackUserId: U.els, error: "user_is_restricted" },
      ],
    });
    // In the review's timeline appendix, as an entry by Ramp through Slack.
    expect(await reviewText(ramp)).toContain(
      `| Ramp | Slack | Niet in het incidentkanaal \\#${CHANNEL_NAME}: Marleen Vandamme`,
    );
  });

  it("tells the coordinator everyone is missing when the whole invitation fails", async () => {
    const ramp = await start((fake) => fake.fail("conversations.invite", { error: "fatal_error" }));
    await ramp.command(U.pieter, DECLARE);
    const told = await coordinatorTold(ramp, /Niet in het incidentkanaal/);
    expect(told.text).toContain("Sofie Vermeulen — Slack antwoordde fatal_error");
    expect(told.text).toContain("Bart Lannoo — Slack antwoordde fatal_error");
    const [problem] = await problems(ramp);
    expect((problem.people as unknown[]).length).toBeGreaterThanOrEqual(7);
  });

  it("says it in English for an English plan", async () => {
    const planFile = planWith((yaml) => yaml.replace("\n  locale: nl\n", "\n  locale: en\n"));
    const ramp = await start((fake) => fake.refuseInvite(U.marleen, "user_not_found"), planFile);
    await ramp.command(U.pieter, "start groot Fire in the administrative centre");
    const told = await coordinatorTold(ramp, /Not in the incident channel/);
    expect(told.text).toBe(
      "Not in the incident channel #ramp-2026-11-22-fire-in-the-administrative-centre: " +
        "Marleen Vandamme — unknown to Slack (a wrong slackUserId in the plan, or the account was removed). " +
        "Invite this person in Slack yourself or reach them another way.",
    );
  });

  it("makes a public channel when groups:write was never granted, and says it is public", async () => {
    const ramp = await start((fake) => fake.withoutScopes("groups:write"));
    await ramp.command(U.pieter, DECLARE);
    const channel = await ramp.incidentChannel();
    await ramp.waitForMessage(channel, "Incident 2026-001");
    const told = await coordinatorTold(ramp, /OPENBAAR/);
    expect(told.text).toContain("de app mist de toestemming groups:write");
    const [refused] = ramp.fake.callsOf("conversations.create", (b) => b.is_private === "true");
    expect(refused!.answer).toMatchObject({ error: "missing_scope", needed: "groups:write" });
    expect(await problems(ramp)).toMatchObject([
      { kind: "channel-fallback", error: "missing_scope", fallback: "public", channel },
    ]);
    expect(await reviewText(ramp)).toContain("is OPENBAAR");
  });

  it("follows the incident in the coordinator's DM when no channel may be created at all", async () => {
    const ramp = await start((fake) => fake.withoutScopes("groups:write", "channels:manage"));
    await ramp.command(U.pieter, DECLARE);
    const dm = ramp.fake.dmOf(U.pieter);
    await ramp.waitForMessage(dm, "Incident 2026-001");
    const told = await coordinatorTold(ramp, /Slack maakte geen privékanaal/);
    expect(told.text).toContain("de app mist de toestemming channels:manage");
    expect(told.text).toContain("uw persoonlijke berichten met Ramp");
    expect(ramp.fake.channelNamed(CHANNEL_NAME)).toBeUndefined();
    expect(ramp.fake.callsOf("conversations.invite")).toHaveLength(0);
    await ramp.settled();
    // Told once, however many cards follow.
    expect(await problems(ramp)).toMatchObject([
      { kind: "channel-fallback", error: "missing_scope", fallback: "coordinator-dm" },
    ]);
  });

  it("uses the plan's fallback channel when the workspace forbids apps to create channels", async () => {
    const planFile = planWith((yaml) =>
      yaml.replace(
        "    channelPrefix: ramp\n",
        "    channelPrefix: ramp\n    fallbackChannel: C0CRISIS\n",
      ),
    );
    const ramp = await start((fake) => {
      fake.fail("conversations.create", { error: "restricted_action" }, 2);
      fake.addChannel({ id: "C0CRISIS", name: "crisisstaf", isPrivate: false, members: new Set() });
    }, planFile);
    await ramp.command(U.pieter, DECLARE);
    // Public, without Ramp in it: chat:write.public lets it post there.
    await ramp.waitForMessage("C0CRISIS", "Incident 2026-001");
    const told = await coordinatorTold(ramp, /uitwijkkanaal van het plan/);
    expect(told.text).toBe(
      "Slack maakte geen privékanaal voor het incident (de beheerder van de werkruimte laat apps dat niet toe): het incident wordt gevolgd in het uitwijkkanaal van het plan (kanaal-id C0CRISIS).",
    );
    expect(await problems(ramp)).toMatchObject([
      { error: "restricted_action", fallback: "plan-channel", channel: "C0CRISIS" },
    ]);
  });

  const fixedChannel = (id: string) =>
    planWith((yaml) =>
      yaml.replace("    channelPrefix: ramp\n", `    channel: ${id}\n    channelPrefix: ramp\n`),
    );

  it("posts in the plan's public channel without joining it, and the review without its file", async () => {
    const ramp = await start(
      (fake) =>
        fake.addChannel({
          id: "C0CRISIS",
          name: "crisisstaf",
          isPrivate: false,
          members: new Set(),
        }),
      fixedChannel("C0CRISIS"),
    );
    await ramp.command(U.pieter, DECLARE);
    await ramp.waitForMessage("C0CRISIS", "Incident 2026-001");
    await ramp.settled();
    await (await ramp.command(U.pieter, "review")).reply();
    // Sharing a file needs the bot in the channel, which chat:write.public does not give.
    const refused = await ramp.fake.waitFor("the refused share", () =>
      ramp.fake.callsOf("files.completeUploadExternal").at(-1),
    );
    expect(refused.answer).toMatchObject({ ok: false, error: "not_in_channel" });
    const review = await ramp.waitForMessage("C0CRISIS", /post-incident review/i);
    expect(review.files).toBeUndefined();
    expect(JSON.stringify(review.blocks)).toMatch(/\/reviews\//);
    expect(ramp.fake.callsOf("conversations.invite")).toHaveLength(0);
  });

  it("sets the messages aside when the plan's channel is private and Ramp was not invited", async () => {
    const ramp = await start(
      (fake) =>
        fake.addChannel({
          id: "G0CRISIS",
          name: "crisisstaf",
          isPrivate: true,
          members: new Set(),
        }),
      fixedChannel("G0CRISIS"),
    );
    await ramp.command(U.pieter, DECLARE);
    await ramp.waitForMessage(ramp.fake.dmOf(U.sofie), "Incident 2026-001");
    await ramp.settled();
    const toChannel = await ramp.query(
      `SELECT DISTINCT status, "lastError" FROM "OutboxMessage" WHERE platform = 'slack' AND "targetKind" = 'incident'`,
    );
    expect(toChannel).toEqual([{ status: "dead", lastError: "Slack: channel_not_found" }]);
    expect(ramp.fake.messagesIn("G0CRISIS")).toEqual([]);
  });

  it("sets every message aside, and posts nothing, when Slack does not accept the bot token", async () => {
    const ramp = await start(() => {}, undefined, {
      SLACK_BOT_TOKEN: "xoxb-9999999999-9999999999-revokedToken",
    });
    const sent = await ramp.command(U.pieter, DECLARE);
    // The answer to the command needs no token (response_url); everything after it does.
    expect(String((await sent.reply()).text)).toContain("Incident 2026-001");
    await ramp.settled();
    const dead = await ramp.query(
      `SELECT DISTINCT "lastError" FROM "OutboxMessage" WHERE platform = 'slack'`,
    );
    expect(dead.map((r) => r.lastError)).toEqual(["Slack: invalid_auth"]);
    expect(ramp.fake.calls.filter((c) => c.answer.ok === true && c.method !== "response")).toEqual(
      [],
    );
  });
});
