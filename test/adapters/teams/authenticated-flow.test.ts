// A whole incident through Teams as a municipality deploys it: a SingleTenant app id, every
// request to Ramp signed by the (fake) Bot Framework, every call Ramp makes to the connector
// with a token from the (fake) Entra ID, refused without one. Declare, pages answered, the
// decision, a task claimed and done, closing. SQLite (flow.test.ts covers both databases).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConnectorMessage,
  cardOf,
  type Json,
  messageText,
} from "../../support/fake-connector.ts";
import { TENANT_ID } from "../../support/teams-activities.ts";
import { APP_ID, TeamsRamp, type Who } from "./harness.ts";

const INCIDENT_TITLE = "Incident 2026-001 — Brand in het administratief centrum";
const INSTALLED: Who[] = ["pieter", "sofie", "marleen", "johan", "katrien", "els", "bart"];

function cardRef(message: ConnectorMessage): Json | undefined {
  const refresh = cardOf(message.activity)?.refresh as Json | undefined;
  return ((refresh?.action as Json | undefined)?.data as Json | undefined)?.card as
    | Json
    | undefined;
}

describe("Teams with an app id (SingleTenant): a whole incident", () => {
  let t: TeamsRamp;
  let dir: string;
  let thread: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ramp-teams-authenticated-"));
    t = await TeamsRamp.start(`file:${path.join(dir, "ramp.db")}`, { authenticated: {} });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const channelCard = (kind: string, id?: string) =>
    t.fake
      .messagesIn(thread)
      .find(
        (m) =>
          cardRef(m)?.kind === kind &&
          (id === undefined || Object.values(cardRef(m)!).includes(id)),
      );

  async function taskCard(planTaskId: string): Promise<ConnectorMessage> {
    const [row] = await t.query(
      `SELECT id FROM "Task" WHERE "planTaskId" = $1 AND situation = 'B'`,
      [planTaskId],
    );
    return t.fake.waitFor(`the task card of ${planTaskId}`, () =>
      channelCard("task", String(row?.id)),
    );
  }

  it("installs and declares with @Ramp start", async () => {
    for (const who of INSTALLED) await t.installPersonal(who);
    await t.installInTeam("pieter");
    const sent = await t.mention("pieter", "start groot Brand in het administratief centrum");
    expect(sent.status).toBe(200);
    thread = sent.conversationId;
    expect(messageText(await t.replyTo(sent))).toMatch(/^✅ Incident 2026-001 is gestart/);
    await t.fake.waitFor("the incident card", () => channelCard("incident"));
    await t.fake.waitFor("the paging card", () => channelCard("paging"));
  });

  it("pages the crisis staff proactively and takes their answers", async () => {
    for (const who of ["sofie", "johan", "marleen"] as const) {
      const page = await t.waitForDm(who, INCIDENT_TITLE);
      const answer = await t.click(who, page, "Ik kom");
      expect(answer.status).toBe(200);
      expect(answer.text).toContain("Uw antwoord: Komt");
    }
    await t.fake.waitFor("the answers on the paging card", () =>
      messageText(channelCard("paging")!).includes("4 komen"),
    );
  });

  it("records the evaluation and takes the decision", async () => {
    const evaluation = await t.mention("pieter", "evaluatie Serverlokaal uitgebrand");
    expect(messageText(await t.replyTo(evaluation))).toBe("Evaluatie vastgelegd.");
    const decision = await t.fake.waitFor("the decision card", () => channelCard("decision"));
    const decided = await t.click("pieter", decision, "B: eigen gebouwen");
    expect(decided.text).toContain("Situatie B");
    await t.settled();
    expect(await t.count(`SELECT count(*) FROM "Task" WHERE situation = 'B'`)).toBe(13);
  });

  it("has a task claimed and marked done", async () => {
    const card = await taskCard("b-tech-ict-middelen");
    const claimed = await t.click("bart", card, "Opnemen");
    expect(claimed.text).toContain("Eigenaar: **Bart Lannoo**");
    const done = await t.click("bart", t.current(card), "Klaar");
    expect(done.text).toMatch(/— Klaar\n/);
    await t.fake.waitFor("the card marked done in the channel", () =>
      messageText(t.current(card)).includes("— Klaar"),
    );
    expect(await t.timelineCount("task.completed")).toBe(1);
  });

  it("closes with @Ramp stop", async () => {
    const sent = await t.mention("pieter", "stop Brand geblust bevestig");
    expect(messageText(await t.replyTo(sent))).toMatch(/^Incident 2026-001 is afgesloten/);
    await t.settled();
    const [incident] = await t.ramp.engine.recentIncidents(1);
    expect(await t.ramp.engine.verifyTimeline(incident!.id)).toMatchObject({ ok: true });
  });

  it("called the connector only with tokens from the token endpoint, and never was refused", async () => {
    const identity = t.identity!;
    expect(t.fake.calls.length).toBeGreaterThan(30);
    // Replies in a turn and proactive messages (pages, cards) go out as replies; card updates.
    expect(new Set(t.fake.calls.map((c) => c.operation))).toEqual(
      new Set(["member", "reply", "update"]),
    );
    for (const call of t.fake.calls) {
      expect(identity.verifyAccessToken(call.auth), `${call.method} ${call.path}`).toBeNull();
      expect(call.status, `${call.method} ${call.path}`).toBeLessThan(300);
    }
    // One token, kept until it nears its expiry: not one per call.
    const granted = identity.tokenRequests.filter((r) => r.status === 200);
    expect(granted).toEqual([
      {
        kind: "client-credentials",
        tenant: TENANT_ID,
        clientId: APP_ID,
        scope: `${identity.connectorAudience}/.default`,
        status: 200,
      },
    ]);
    expect(await t.count(`SELECT count(*) FROM "OutboxMessage" WHERE status = 'dead'`)).toBe(0);
  });
});
