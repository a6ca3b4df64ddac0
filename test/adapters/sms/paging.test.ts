// Pages by SMS next to Slack, through a fake HTTP SMS gateway on 127.0.0.1: every paged
// crisis-staff member with a mobile number gets a text with a personal link to answer on the
// board (also the DPO, who has no chat account); answers and card updates send nothing more;
// a busy gateway is retried, a refused number given up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { internationalNumber } from "../../../src/adapters/sms/render.ts";
import type { FakeSmsGateway } from "../../support/fake-sms.ts";
import { type SlackRamp, U } from "../slack/harness.ts";
import { declareInSlack, mobileOf, startWithSmsGateway } from "./harness.ts";

describe("SMS pages", () => {
  let s: SlackRamp;
  let gateway: FakeSmsGateway;
  let incidentId: string;

  beforeAll(async () => {
    ({ s, gateway } = await startWithSmsGateway("ramp-sms-", {
      RAMP_SMS_TOKEN: "sms-test-token",
      RAMP_SMS_SENDER: "OCMW ZH",
    }));
  });
  afterAll(async () => {
    await s?.close();
    await gateway?.close();
  });

  it("texts every paged crisis-staff member with a mobile number, with a personal link", async () => {
    const declared = await declareInSlack(s, "start groot Brand in het administratief centrum");
    incidentId = declared.incidentId;
    const pages = declared.pages;
    // Everyone paged has a mobile number in the sample plan, the DPO (no chat account) too.
    expect(pages.map((p) => p.personId)).toContain("wouter-hoste");
    await s.fake.waitFor("a text per page", () => gateway.accepted().length >= pages.length);
    expect(
      gateway
        .accepted()
        .map((m) => m.to)
        .sort(),
    ).toEqual(pages.map((p) => mobileOf(s, p.personId)).sort());
    for (const sms of gateway.accepted()) {
      expect(sms.from).toBe("OCMW ZH");
      expect(sms.auth).toBe("Bearer sms-test-token");
      expect(sms.text).toMatch(
        /^Ramp: Incident 2026-001 — Brand in het administratief centrum\. U wordt opgeroepen voor de crisisstaf als .+\. Kom naar Administratief Centrum Heidehof, .+ Antwoord "Ik kom" of "Ik kan niet" via Slack, Teams of https:\/\/ramp\.zonnebeke-heide\.be\/login\?token=\S+$/,
      );
    }
    // One text per page, each with the outbox message as its reference (a retry keeps it).
    expect(new Set(gateway.accepted().map((m) => m.reference)).size).toBe(pages.length);

    // The DPO opens his link: signed in on the board, with his page to answer.
    const dpo = gateway.accepted(mobileOf(s, "wouter-hoste"))[0]!;
    const link = new URL(dpo.text.split(" ").at(-1)!);
    const login = await fetch(`${s.ramp.url}${link.pathname}${link.search}`, {
      redirect: "manual",
    });
    expect(login.status).toBe(303);
    const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
    const board = await (await fetch(`${s.ramp.url}/`, { headers: { cookie } })).text();
    expect(board.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toContain(
      "Aangemeld als: Wouter Hoste",
    );
    expect(board).toContain('value="page.coming|');
  });

  it("sends nothing more when a page is answered and the cards are updated", async () => {
    const before = gateway.received.length;
    const page = s.fake.messagesIn(s.fake.dmOf(U.sofie))[0]!;
    expect((await s.click(U.sofie, page, "Ik kom")).status).toBe(200);
    await s.fake.waitFor("Sofie's page updated", () => s.now(page).updates > 0);
    await s.settled();
    expect(gateway.received.length).toBe(before);
  });

  it("retries a busy gateway after its Retry-After and gives up on a refused number", async () => {
    // Bart cannot come: Kevin, his alternate, is paged; the gateway is busy for Kevin once.
    gateway.fail(mobileOf(s, "kevin-dumon"), 503, 1, 30);
    const bart = s.fake.messagesIn(s.fake.dmOf(U.bart))[0]!;
    await s.click(U.bart, bart, "Ik kan niet");
    await s.fake.waitFor("Kevin's page in Slack", () => s.fake.messagesIn(s.fake.dmOf(U.kevin))[0]);
    await s.settled();
    const kevin = mobileOf(s, "kevin-dumon");
    expect(gateway.received.filter((m) => m.to === kevin).map((m) => m.status)).toEqual([503]);
    s.clock.advanceMinutes(1);
    await s.tick();
    await s.settled();
    expect(gateway.received.filter((m) => m.to === kevin).map((m) => m.status)).toEqual([503, 201]);
    const [first, second] = gateway.received.filter((m) => m.to === kevin);
    expect(second!.reference).toBe(first!.reference);

    // The DPO cannot come (he answers on the board); his alternate's number is refused: set
    // aside, not retried.
    const alternate = "an-peeters";
    gateway.fail(mobileOf(s, alternate), 400, 5);
    const dpoPage = (await s.ramp.engine.ctx.store.pages.listForIncident(incidentId)).find(
      (p) => p.personId === "wouter-hoste",
    )!;
    await s.ramp.engine.answerPage(
      { personId: "wouter-hoste", source: "web" },
      dpoPage.id,
      "declined",
    );
    await s.fake.waitFor("the refused text", () =>
      gateway.received.find((m) => m.to === mobileOf(s, alternate)),
    );
    await s.settled();
    const [row] = await s.query(
      `SELECT status, "lastError" FROM "OutboxMessage" WHERE platform = 'sms' AND "targetId" = $1`,
      [alternate],
    );
    expect(row).toMatchObject({ status: "dead" });
    expect(String(row!.lastError)).toMatch(/^SMS gateway: 400 /);
    s.clock.advanceMinutes(10);
    await s.tick();
    expect(gateway.received.filter((m) => m.to === mobileOf(s, alternate))).toHaveLength(1);
  });
});

describe("internationalNumber", () => {
  it("writes plan numbers the way gateways want them, and refuses what is not a number", () => {
    expect(internationalNumber("+32 470 12 34 56")).toBe("+32470123456");
    expect(internationalNumber("0470/12.34.56")).toBe("+32470123456");
    expect(internationalNumber("0031 6 1234 5678")).toBe("+31612345678");
    expect(internationalNumber("bel de receptie")).toBeNull();
    expect(internationalNumber("123")).toBeNull();
  });
});
