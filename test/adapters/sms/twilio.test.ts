// Texts through Twilio, against a fake Twilio on 127.0.0.1 that checks what Twilio checks
// (test/support/fake-twilio.ts): pages go out through the Messages API, a busy Twilio is retried,
// a refused number reaches the coordinator once; an answer lost on the way back is looked up
// before sending again; incoming texts and delivery receipts are taken only with a valid
// X-Twilio-Signature; a "delivered" receipt is stored once and counted in the review.
import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { internationalNumber } from "../../../src/adapters/sms/render.ts";
import type { InboundSms } from "../../../src/adapters/sms/twilio/inbound-sms.ts";
import { TwilioSms } from "../../../src/adapters/sms/twilio/messages.ts";
import { TWILIO_INBOUND_PATH, twilioRouter } from "../../../src/adapters/sms/twilio/routes.ts";
import type { DeliveredSms } from "../../../src/adapters/sms/twilio/status.ts";
import type { TwilioSmsConfig } from "../../../src/config/env.ts";
import { DeliveryError } from "../../../src/core/outbox.ts";
import { buildReview } from "../../../src/core/review/build.ts";
import { createLogger } from "../../../src/logging.ts";
import { tableOf } from "../../review/helpers.ts";
import { FakeTwilio, type FakeTwilioAccount, signAsTwilio } from "../../support/fake-twilio.ts";
import { SlackRamp, U } from "../slack/harness.ts";
import { declareInSlack, mobileOf, PUBLIC_URL } from "./harness.ts";

const ACCOUNT: FakeTwilioAccount = {
  accountSid: `AC${"0a".repeat(16)}`,
  authToken: "5f".repeat(16),
  apiKey: { sid: `SK${"1b".repeat(16)}`, secret: "api-key-secret" },
  numbers: ["+32460201234"],
  messagingServiceSid: `MG${"2c".repeat(16)}`,
};

describe("SMS pages through Twilio", () => {
  let s: SlackRamp;
  let twilio: FakeTwilio;
  let incidentId: string;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-twilio-"));

  beforeAll(async () => {
    twilio = await FakeTwilio.start(ACCOUNT);
    s = await SlackRamp.start(`file:${path.join(dir, "ramp.db")}`, {
      env: {
        TWILIO_ACCOUNT_SID: ACCOUNT.accountSid,
        TWILIO_AUTH_TOKEN: ACCOUNT.authToken,
        TWILIO_FROM: "+32460201234",
        TWILIO_API_URL: twilio.apiUrl,
        RAMP_PUBLIC_URL: PUBLIC_URL,
      },
    });
  });
  afterAll(async () => {
    await s?.close();
    await twilio?.close();
  });

  it("texts every paged crisis-staff member through the Messages API", async () => {
    const declared = await declareInSlack(s, "start groot Brand in het administratief centrum");
    incidentId = declared.incidentId;
    const pages = declared.pages;
    expect(pages.map((p) => p.personId)).toContain("wouter-hoste");
    await s.fake.waitFor("a text per page", () => twilio.sent().length >= pages.length);
    expect(
      twilio
        .sent()
        .map((m) => m.to)
        .sort(),
    ).toEqual(pages.map((p) => mobileOf(s, p.personId)).sort());
    // Every request passed the fake's checks (Basic auth, account, To, From, Body).
    expect(twilio.requests.map((r) => r.status)).toEqual(pages.map(() => 201));
    for (const message of twilio.sent()) {
      expect(message.from).toBe("+32460201234");
      expect(message.body).toMatch(
        /^Ramp: Incident 2026-001 — Brand in het administratief centrum\. .+ Antwoord "Ik kom" of "Ik kan niet" via Slack, Teams of https:\/\/ramp\.zonnebeke-heide\.be\/login\?token=\S+$/,
      );
    }
    // Twilio's Message SID is kept as the delivered message's reference.
    const rows = await s.query(
      `SELECT "deliveredRef" FROM "OutboxMessage" WHERE platform = 'sms' AND status = 'sent'`,
    );
    expect(rows.map((r) => r.deliveredRef).sort()).toEqual(
      twilio
        .sent()
        .map((m) => m.sid)
        .sort(),
    );
  });

  it("takes a signed JA through Twilio's webhook once, and answers it through Twilio", async () => {
    const wouter = mobileOf(s, "wouter-hoste");
    const answered = twilio.sent(wouter).length;
    const text = () =>
      twilio.postIncoming({
        postTo: `${s.ramp.url}${TWILIO_INBOUND_PATH}`,
        webhookUrl: `${PUBLIC_URL}${TWILIO_INBOUND_PATH}`,
        from: wouter,
        to: "+32460201234",
        body: "JA",
        messageSid: `SM${"7e".repeat(16)}`,
      });
    // Twilio delivers the same text twice (its retry after a slow answer): it acts once.
    expect((await text()).status).toBe(200);
    expect((await text()).status).toBe(200);
    const page = async () =>
      (await s.ramp.engine.ctx.store.pages.listForIncident(incidentId)).find(
        (p) => p.personId === "wouter-hoste",
      );
    await expect.poll(async () => (await page())?.status).toBe("coming");
    await s.fake.waitFor("the reply by text", () => twilio.sent(wouter).length > answered);
    await s.settled();
    const replies = twilio.sent(wouter).slice(answered);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toMatch(/^Genoteerd: u komt \(incident 2026-001\)/);
    const answers = (await s.ramp.engine.ctx.store.timeline.list(incidentId)).filter(
      (e) => e.type === "page.answered" && e.data.personId === "wouter-hoste",
    );
    expect(answers).toHaveLength(1);
    expect(answers[0]!.source).toBe("sms");
  });

  it("tells the coordinator once when Twilio reports a text undelivered", async () => {
    const coordinator = s.ramp.plan.coordination.coordinator;
    // Someone paged (not the coordinator, who is told).
    const person = s.ramp.plan.people.find(
      (p) =>
        p.id !== coordinator &&
        p.mobile &&
        twilio.sent(internationalNumber(p.mobile) ?? "").length > 0,
    )!;
    const message = twilio.sent(mobileOf(s, person.id))[0]!;
    const [outbox] = await s.query(
      `SELECT id FROM "OutboxMessage" WHERE platform = 'sms' AND "deliveredRef" = $1`,
      [message.sid],
    );
    // Each text names its receipt URL: the public address, its incident and outbox message.
    expect(message.statusCallback).toBe(
      `${PUBLIC_URL}/sms/twilio/status?incident=${incidentId}&outbox=${outbox!.id}`,
    );
    const failures = async () =>
      (await s.ramp.engine.ctx.store.timeline.list(incidentId)).filter(
        (e) => e.type === "delivery.failed" && e.data.personId === person.id,
      );
    const post = (status: string, options: { errorCode?: string; authToken?: string } = {}) =>
      twilio.postStatus(message, { rampUrl: s.ramp.url, status, ...options });

    expect((await post("sent")).status).toBe(204);
    expect((await post("delivered")).status).toBe(204);
    // A forged receipt (without the account's Auth Token) is refused and changes nothing.
    expect(
      (await post("undelivered", { errorCode: "30003", authToken: "00".repeat(16) })).status,
    ).toBe(401);
    expect(await failures()).toHaveLength(0);

    expect((await post("undelivered", { errorCode: "30003" })).status).toBe(204);
    expect((await post("undelivered", { errorCode: "30003" })).status).toBe(204);
    const failed = await failures();
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data).toMatchObject({
      channel: "sms",
      what: "page",
      outboxId: outbox!.id,
      error: "Twilio: undelivered 30003 (unreachable destination handset)",
    });
    // The coordinator's notice, in Slack (and by SMS).
    const notices = await s.query(
      `SELECT payload FROM "OutboxMessage" WHERE "targetId" = $1 AND platform = 'slack' AND "dedupeKey" LIKE $2`,
      [coordinator, `%undeliverable:${outbox!.id}%`],
    );
    expect(notices).toHaveLength(1);
    expect(String(notices[0]!.payload)).toContain(person.name);
    // The text stays sent: nothing is sent again.
    const [row] = await s.query(`SELECT status FROM "OutboxMessage" WHERE id = $1`, [outbox!.id]);
    expect(row!.status).toBe("sent");
  });

  it("stores a delivered receipt once, before answering, whatever order receipts come in", async () => {
    const coordinator = s.ramp.plan.coordination.coordinator;
    // Two people paged by text, not the coordinator (told about the undelivered text above).
    const [person, other] = s.ramp.plan.people
      .filter((p) => p.id !== coordinator && p.mobile && twilio.sent(mobileOf(s, p.id)).length > 0)
      .slice(-2);
    const message = twilio.sent(mobileOf(s, person!.id))[0]!;
    const otherMessage = twilio.sent(mobileOf(s, other!.id))[0]!;
    const post = (m: typeof message, status: string, errorCode?: string) =>
      twilio.postStatus(m, { rampUrl: s.ramp.url, status, ...(errorCode ? { errorCode } : {}) });
    const stored = async (m: typeof message) =>
      (
        await s.query(
          `SELECT status, "handsetAt" FROM "OutboxMessage" WHERE platform = 'sms' AND "deliveredRef" = $1`,
          [m.sid],
        )
      )[0]!;
    const when = (value: unknown) => (value === null ? null : new Date(value as string).getTime());

    expect((await post(message, "sent")).status).toBe(204);
    expect((await stored(message)).handsetAt).toBeNull();
    // A forged receipt (another token) is refused and records nothing.
    const forged = await twilio.postStatus(message, {
      rampUrl: s.ramp.url,
      status: "delivered",
      authToken: "00".repeat(16),
    });
    expect(forged.status).toBe(401);
    expect((await stored(message)).handsetAt).toBeNull();

    const confirmedAt = s.clock.now();
    expect((await post(message, "delivered")).status).toBe(204);
    // Stored when Twilio has its answer, at the time the receipt came in.
    expect(when((await stored(message)).handsetAt)).toBe(confirmedAt.getTime());
    // Twilio posts it again later, then a late "sent": the first time stays, the text stays sent.
    s.clock.advanceMinutes(3);
    expect((await post(message, "delivered")).status).toBe(204);
    expect((await post(message, "sent")).status).toBe(204);
    expect(await stored(message)).toMatchObject({ status: "sent" });
    expect(when((await stored(message)).handsetAt)).toBe(confirmedAt.getTime());

    // "delivered" after "undelivered" should not happen; if it does, it is recorded, no error.
    expect((await post(otherMessage, "undelivered", "30003")).status).toBe(204);
    expect((await post(otherMessage, "delivered")).status).toBe(204);
    expect(when((await stored(otherMessage)).handsetAt)).toBe(s.clock.now().getTime());

    // The review tells the texts on the phone from those Twilio only took.
    const texts = await s.query(
      `SELECT status, "handsetAt" FROM "OutboxMessage" WHERE platform = 'sms' AND "incidentId" = $1`,
      [incidentId],
    );
    const taken = texts.filter((t) => t.status === "sent").length;
    const onPhone = texts.filter((t) => t.handsetAt !== null).length;
    expect(onPhone).toBeGreaterThanOrEqual(2);
    const review = await buildReview(s.ramp.engine, incidentId);
    expect(JSON.stringify(review)).toContain(
      `${taken} afgeleverd bij de sms-gateway (${onPhone} aangekomen op de gsm, bevestigd door de operator; ${taken - onPhone} enkel aanvaard door de gateway)`,
    );
    const pageRow = tableOf(review, "communications").rows.find(
      (row) => row[2] === "Oproep crisisstaf" && row[3] === person!.name,
    );
    expect(pageRow?.at(-1)).toMatch(/^ja \((na [^;]+; )?sms aangekomen op de gsm\)$/);
  });

  it("retries after Twilio's 429 and its Retry-After", async () => {
    const kevin = mobileOf(s, "kevin-dumon");
    twilio.fail(kevin, { status: 429, code: 20429, message: "Too Many Requests", retryAfter: 30 });
    const bart = s.fake.messagesIn(s.fake.dmOf(U.bart))[0]!;
    await s.click(U.bart, bart, "Ik kan niet");
    await s.fake.waitFor("Kevin's page in Slack", () => s.fake.messagesIn(s.fake.dmOf(U.kevin))[0]);
    await s.settled();
    const toKevin = () =>
      twilio.requests.filter((r) => r.form.To === kevin).map((r) => r.errorCode ?? r.status);
    expect(toKevin()).toEqual([20429]);
    expect(twilio.sent(kevin)).toHaveLength(0);
    s.clock.advanceMinutes(1);
    await s.tick();
    await s.settled();
    expect(toKevin()).toEqual([20429, 201]);
    expect(twilio.sent(kevin)).toHaveLength(1);
  });

  it("sets a refused number aside and tells the coordinator once", async () => {
    const alternate = "an-peeters";
    const number = mobileOf(s, alternate);
    twilio.fail(
      number,
      { status: 400, code: 21614, message: `'To' number ${number} is not a valid mobile number` },
      5,
    );
    const dpoPage = (await s.ramp.engine.ctx.store.pages.listForIncident(incidentId)).find(
      (p) => p.personId === "wouter-hoste",
    )!;
    await s.ramp.engine.answerPage(
      { personId: "wouter-hoste", source: "web" },
      dpoPage.id,
      "declined",
    );
    await s.fake.waitFor("the refused text", () =>
      twilio.requests.find((r) => r.form.To === number),
    );
    await s.settled();
    const [row] = await s.query(
      `SELECT status, "lastError" FROM "OutboxMessage" WHERE platform = 'sms' AND "targetId" = $1`,
      [alternate],
    );
    expect(row).toMatchObject({ status: "dead" });
    expect(String(row!.lastError)).toBe(
      `Twilio: 400 21614 'To' number ${number} is not a valid mobile number`,
    );
    s.clock.advanceMinutes(10);
    await s.tick();
    await s.settled();
    expect(twilio.requests.filter((r) => r.form.To === number)).toHaveLength(1);
    const failed = (await s.ramp.engine.ctx.store.timeline.list(incidentId)).filter(
      (e) => e.type === "delivery.failed" && e.data.personId === alternate,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data).toMatchObject({ channel: "sms", what: "page" });
    const coordinator = s.ramp.plan.coordination.coordinator;
    const [dead] = await s.query(
      `SELECT id FROM "OutboxMessage" WHERE platform = 'sms' AND "targetId" = $1`,
      [alternate],
    );
    const notices = await s.query(
      `SELECT id FROM "OutboxMessage" WHERE "targetId" = $1 AND platform = 'slack' AND "dedupeKey" LIKE $2`,
      [coordinator, `%undeliverable:${dead!.id}%`],
    );
    expect(notices).toHaveLength(1);
  });
});

describe("TwilioSms: what Twilio's answers mean", () => {
  let twilio: FakeTwilio;
  let config: TwilioSmsConfig;
  const to = "+32470123456";

  beforeAll(async () => {
    twilio = await FakeTwilio.start(ACCOUNT);
    config = {
      provider: "twilio",
      accountSid: ACCOUNT.accountSid,
      authToken: ACCOUNT.authToken,
      apiKey: null,
      from: "+32460201234",
      messagingServiceSid: null,
      apiUrl: twilio.apiUrl,
      publicUrl: PUBLIC_URL,
    };
  });
  afterAll(() => twilio?.close());

  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    return error as DeliveryError;
  };
  const sms = (text: string, attemptedAt: Date | null = null) => ({
    to,
    text,
    reference: "outbox-1",
    incidentId: null,
    attemptedAt,
  });

  it("sends with an API key and a Messaging Service, and keeps the SID", async () => {
    const sender = new TwilioSms({
      ...config,
      apiKey: ACCOUNT.apiKey!,
      from: null,
      messagingServiceSid: ACCOUNT.messagingServiceSid!,
    });
    const sid = await sender.send(sms("Ramp: test"));
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.sent().at(-1)).toMatchObject({
      sid,
      messagingServiceSid: ACCOUNT.messagingServiceSid,
      from: null,
    });
  });

  it("retries what the operator can fix: a wrong token, account or sender", async () => {
    const wrongToken = await failure(
      new TwilioSms({ ...config, authToken: "00".repeat(16) }).send(sms("x")),
    );
    expect(wrongToken.outcome).toBe("retryable");
    expect(wrongToken.message).toBe("Twilio: 401 20003 Authenticate");
    const wrongSender = await failure(
      new TwilioSms({ ...config, from: "+32460999999" }).send(sms("x")),
    );
    expect(wrongSender.outcome).toBe("retryable");
    expect(wrongSender.message).toMatch(/^Twilio: 400 21606 The From phone number/);
    const server = await failure(
      (async () => {
        twilio.fail(to, { status: 500, code: 20500, message: "Internal Server Error" });
        return new TwilioSms(config).send(sms("x"));
      })(),
    );
    expect(server.outcome).toBe("retryable");
    twilio.fail(to, { status: 503, code: 20503, message: "Service Unavailable", retryAfter: 7 });
    const busy = await failure(new TwilioSms(config).send(sms("x")));
    expect(busy.options.retryAfterMs).toBe(7000);
  });

  it("gives up on what Twilio will never send: an invalid number, a text too long", async () => {
    twilio.fail(to, { status: 400, code: 21211, message: `Invalid 'To' Phone Number: ${to}` });
    expect((await failure(new TwilioSms(config).send(sms("x")))).outcome).toBe("permanent");
    const long = await failure(new TwilioSms(config).send(sms("x".repeat(1601))));
    expect(long.outcome).toBe("permanent");
    expect(long.message).toMatch(/^Twilio: 400 21617 /);
  });

  it("after an answer lost on the way back, finds the text it sent instead of sending it twice", async () => {
    const sender = new TwilioSms(config, 300);
    const before = twilio.sent(to).length;
    twilio.loseAnswer(to);
    const attemptedAt = new Date();
    const lost = await failure(
      sender.send(sms(`Ramp: Kom naar het crisiscentrum. ${PUBLIC_URL}/login?token=first`)),
    );
    expect(lost.outcome).toBe("unknown");
    expect(twilio.sent(to)).toHaveLength(before + 1);
    // The next attempt carries a new sign-in link; the text is otherwise the same: found.
    const sid = await sender.send(
      sms(`Ramp: Kom naar het crisiscentrum. ${PUBLIC_URL}/login?token=second`, attemptedAt),
    );
    expect(sid).toBe(twilio.sent(to).at(-1)!.sid);
    expect(twilio.sent(to)).toHaveLength(before + 1);
    // A different text (nothing arrived for it) is sent after the look-up.
    await sender.send(sms("Ramp: iets anders", attemptedAt));
    expect(twilio.sent(to)).toHaveLength(before + 2);
  });

  it("retries when Twilio cannot be reached at all", async () => {
    const closed = await FakeTwilio.start(ACCOUNT);
    const url = closed.apiUrl;
    await closed.close();
    const error = await failure(new TwilioSms({ ...config, apiUrl: url }).send(sms("x")));
    expect(error.outcome).toBe("retryable");
    expect(error.message).toMatch(/^Twilio unreachable: /);
  });
});

describe("Twilio's incoming-text webhook", () => {
  let twilio: FakeTwilio;
  let server: Server;
  let local: string;
  const received: InboundSms[] = [];
  const receipts: DeliveredSms[] = [];
  const webhookUrl = `${PUBLIC_URL}${TWILIO_INBOUND_PATH}`;
  const from = "+32470123456";
  /** The handler's trouble: the database cannot store the text. */
  let storeFails = false;

  beforeAll(async () => {
    twilio = await FakeTwilio.start(ACCOUNT);
    const app = express();
    app.use(
      twilioRouter({
        authToken: ACCOUNT.authToken,
        publicUrl: PUBLIC_URL,
        logger: createLogger("silent"),
        now: () => new Date("2026-11-30T02:14:00Z"),
        handle: async (sms) => {
          if (storeFails) throw new Error("database unavailable");
          received.push(sms);
          return { kind: "answered", reply: "Taak 3 genomen" };
        },
        delivered: async (receipt) => {
          if (storeFails) throw new Error("database unavailable");
          receipts.push(receipt);
        },
      }),
    );
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    local = `http://127.0.0.1:${(server.address() as AddressInfo).port}${TWILIO_INBOUND_PATH}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await twilio?.close();
  });

  it("hands a text signed for the public URL on, and leaves the reply to the outbox", async () => {
    // Ramp listens behind a proxy: Twilio signs the public address, not the one Ramp sees.
    const response = await twilio.postIncoming({
      postTo: local,
      webhookUrl,
      from,
      to: "+32460201234",
      body: "NEEM 3",
      messageSid: `SM${"9d".repeat(16)}`,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/xml/);
    // Twilio texts nothing itself: the reply was queued (stored) by the handler.
    expect(await response.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect(received).toEqual([
      {
        from,
        to: "+32460201234",
        body: "NEEM 3",
        providerId: `SM${"9d".repeat(16)}`,
        receivedAt: new Date("2026-11-30T02:14:00Z"),
      },
    ]);
  });

  it("answers 503 when the text could not be stored", async () => {
    storeFails = true;
    try {
      const response = await twilio.postIncoming({
        postTo: local,
        webhookUrl,
        from,
        to: "+32460201234",
        body: "KLAAR",
      });
      expect(response.status).toBe(503);
    } finally {
      storeFails = false;
    }
  });

  it("answers a delivered receipt only once it is stored; 503 when it could not be", async () => {
    const message = {
      sid: `SM${"4f".repeat(16)}`,
      to: from,
      from: "+32460201234",
      messagingServiceSid: null,
      body: "Ramp: …",
      dateCreated: new Date(),
      statusCallback: `${PUBLIC_URL}/sms/twilio/status?incident=i-1&outbox=o-1`,
    };
    const rampUrl = new URL(local).origin;
    storeFails = true;
    try {
      const failed = await twilio.postStatus(message, { rampUrl, status: "delivered" });
      expect(failed.status).toBe(503);
      expect(receipts).toEqual([]);
    } finally {
      storeFails = false;
    }
    expect((await twilio.postStatus(message, { rampUrl, status: "delivered" })).status).toBe(204);
    expect(receipts).toEqual([{ outboxId: "o-1", messageSid: message.sid }]);
    // Queued and sent are acknowledged and handed to nobody.
    expect((await twilio.postStatus(message, { rampUrl, status: "sent" })).status).toBe(204);
    expect(receipts).toHaveLength(1);
  });

  it("refuses a forged, missing or misplaced signature with 401, and hands nothing on", async () => {
    const before = received.length;
    const post = (options: Partial<Parameters<FakeTwilio["postIncoming"]>[0]>) =>
      twilio.postIncoming({
        postTo: local,
        webhookUrl,
        from,
        to: "+32460201234",
        body: "JA",
        ...options,
      });
    // Signed with another token: a forger without the account's Auth Token.
    expect((await post({ authToken: "00".repeat(16) })).status).toBe(401);
    // No signature at all.
    expect((await post({ signature: null })).status).toBe(401);
    // Signed for the address Ramp listens on, not the public one Twilio was given.
    expect((await post({ webhookUrl: local })).status).toBe(401);
    // Signed for another path of the same host.
    expect((await post({ webhookUrl: `${PUBLIC_URL}/sms/inbound` })).status).toBe(401);
    // A genuine signature over another text: the body was changed on the way.
    const params = twilio.incomingParams({
      from,
      to: "+32460201234",
      body: "NEE",
      messageSid: "SMx",
    });
    const forged = await post({
      messageSid: "SMx",
      body: "JA",
      signature: signAsTwilio(ACCOUNT.authToken, webhookUrl, params),
    });
    expect(forged.status).toBe(401);
    expect(await forged.text()).toBe("X-Twilio-Signature does not match");
    expect(received).toHaveLength(before);
  });
});
