// Socket Mode (SLACK_APP_TOKEN): Ramp opens a WebSocket to Slack instead of receiving HTTP.
// Ramp's real Bolt stack with @slack/socket-mode against a fake Socket Mode server
// (test/support/fake-socket-mode.ts) that the fake Web API's apps.connections.open points to.
// A command and a click arrive as envelopes; Ramp acknowledges each and runs the same flow as
// over HTTP; when the server drops the socket, Ramp opens a new one and goes on.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_APP_TOKEN, FakeSocketMode } from "../../support/fake-socket-mode.ts";
import { blockAction, findButton, slashCommand } from "../../support/slack-requests.ts";
import { CHANNEL_NAME, SlackRamp, U } from "./harness.ts";

describe("Slack over Socket Mode", () => {
  let s: SlackRamp;
  let socket: FakeSocketMode;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-slack-socket-"));

  beforeAll(async () => {
    s = await SlackRamp.start(`file:${path.join(dir, "ramp.db")}`, {
      beforeStart: async (fake) => {
        socket = await FakeSocketMode.start(fake);
      },
      env: { SLACK_APP_TOKEN: FAKE_APP_TOKEN },
    });
    await socket.connected(1);
  });
  afterAll(async () => {
    await s?.close();
    await socket?.close();
  });

  const command = (userId: string, text: string) => {
    const responseUrl = s.fake.responseUrl();
    const sent = socket.sendRequest("slash_commands", slashCommand({ userId, text, responseUrl }));
    const reply = () =>
      s.fake.waitFor(`a reply to ${text}`, () => s.fake.responsesTo(responseUrl)[0]);
    return { ...sent, reply };
  };

  it("connects with the app-level token through apps.connections.open, and has no HTTP endpoint", async () => {
    const [open] = s.fake.callsOf("apps.connections.open");
    expect(open!.auth).toBe(`Bearer ${FAKE_APP_TOKEN}`);
    expect(open!.answer).toMatchObject({
      ok: true,
      url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:/),
    });
    const http = await fetch(`${s.ramp.url}/slack/events`, { method: "POST", body: "x" });
    expect(http.status).toBe(404);
  });

  it("acknowledges a slash command envelope and declares, as over HTTP", async () => {
    const sent = command(U.pieter, "start groot Brand in het administratief centrum");
    const ack = await sent.ack;
    expect(ack.envelope_id).toBe(sent.envelopeId);
    const reply = await sent.reply();
    expect(String(reply.text)).toContain("Incident 2026-001 is gestart");
    const channel = await s.incidentChannel(CHANNEL_NAME);
    await s.waitForMessage(channel, "Incident 2026-001 — Brand in het administratief centrum");
    await s.waitForMessage(s.fake.dmOf(U.sofie), "Incident 2026-001");
  });

  it("acknowledges a button click envelope and takes the answer", async () => {
    const page = await s.waitForMessage(s.fake.dmOf(U.sofie), "Incident 2026-001");
    const responseUrl = s.fake.responseUrl();
    const click = blockAction({
      userId: U.sofie,
      message: page,
      button: findButton(page, "Ik kom"),
      responseUrl,
    });
    const sent = socket.sendRequest("interactive", click);
    expect((await sent.ack).envelope_id).toBe(sent.envelopeId);
    const coming = () =>
      s.count(
        `SELECT count(*) FROM "Page" WHERE "personId" = 'sofie-vermeulen' AND status = 'coming'`,
      );
    for (let i = 0; (await coming()) === 0; i++) {
      if (i > 1500) throw new Error("Sofie's page was not answered");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const updated = await s.fake.waitFor("the page card without its buttons", () => {
      const now = s.now(page);
      return now.updates > 0 && !JSON.stringify(now.blocks).includes('"Ik kom"') && now;
    });
    expect(updated.text).toContain("Incident 2026-001");
  });

  it("opens a new socket when the server drops it, and takes the next envelope", async () => {
    // Slack's edge answers the first reconnection with a 503: Ramp must keep trying, not give up.
    s.fake.fail("apps.connections.open", { httpStatus: 503 });
    socket.drop();
    await socket.connected(2, 30_000);
    expect(s.fake.callsOf("apps.connections.open").map((c) => c.status)).toEqual([200, 503, 200]);
    const sent = command(U.sofie, "status");
    expect((await sent.ack).envelope_id).toBe(sent.envelopeId);
    expect(String((await sent.reply()).text)).toContain("Incident 2026-001");
  }, 40_000);
});
