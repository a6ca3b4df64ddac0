// A whole incident with every chat platform down (Slack's API unreachable) and only SMS: texts
// come in on POST /sms/inbound from a fake gateway's side, answers go out through the fake SMS
// gateway. Declared, decided and closed with a PIN; pages answered both ways; tasks claimed,
// completed and blocked by number; a status; a spoofed number ignored; a wrong PIN locked out; a
// text delivered twice acting once; a request without the token refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReview } from "../../../src/core/review/build.ts";
import { internationalNumber } from "../../../src/core/sms/number.ts";
import { setSmsPin } from "../../../src/core/sms/pin.ts";
import { countSegments } from "../../../src/core/sms/segments.ts";
import type { FakeSmsGateway } from "../../support/fake-sms.ts";
import type { SlackRamp } from "../slack/harness.ts";
import { mobileOf, startWithSmsGateway } from "./harness.ts";

const INBOUND_TOKEN = "in-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const PIN = "482913";

describe("an incident run by SMS alone", () => {
  let s: SlackRamp;
  let gateway: FakeSmsGateway;
  let incidentId: string;
  let counter = 0;

  /** POSTs a text as the gateway does; `id` reused = the gateway delivering it again. */
  async function post(body: Record<string, unknown>, auth = `Bearer ${INBOUND_TOKEN}`) {
    const response = await fetch(`${s.ramp.url}/sms/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { status?: string } };
  }

  /** A text from a person (by plan id, or a raw number); returns Ramp's answer by SMS. */
  async function text(from: string, message: string, id = `gw-${++counter}`) {
    const number = from.startsWith("+") || from.startsWith("0") ? from : mobileOf(s, from);
    const before = gateway.accepted(internationalNumber(number) ?? number).length;
    const sent = await post({ from: number, text: message, id });
    expect(sent.status).toBe(200);
    await smsSettled();
    const replies = gateway.accepted(internationalNumber(number) ?? number);
    const reply = replies.length > before ? replies.at(-1)!.text : null;
    if (reply) expect(countSegments(reply).segments).toBeLessThanOrEqual(2);
    return { status: sent.body.status, reply };
  }

  /** The texts are out (Slack's messages wait for Slack, which is down: not those). */
  async function smsSettled(): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const left = await s.count(
        `SELECT count(*) AS n FROM "OutboxMessage" WHERE platform = 'sms' AND (status = 'leased' OR (status = 'pending' AND attempts = 0))`,
      );
      if (left === 0) return;
      if (Date.now() > deadline)
        throw new Error(
          `the SMS outbox did not drain: ${JSON.stringify(await s.query(`SELECT platform, status, attempts, "nextAttemptAt", "leasedUntil", substr("lastError", 1, 60) AS e, CAST(count(*) AS INTEGER) AS n FROM "OutboxMessage" WHERE status <> 'sent' GROUP BY 1,2,3,4,5,6`), (_k, v) => (typeof v === "bigint" ? Number(v) : v))} now ${s.clock.now().toISOString()}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  const timeline = () => s.ramp.engine.timeline(incidentId);
  const task = async (n: number) =>
    (await s.ramp.engine.ctx.store.tasks.listForIncident(incidentId)).find((t) => t.number === n)!;

  beforeAll(async () => {
    ({ s, gateway } = await startWithSmsGateway("ramp-sms-in-", {
      // Slack is configured but unreachable: nothing reaches anyone by chat.
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      RAMP_SMS_TOKEN: "sms-test-token",
      RAMP_SMS_SENDER: "OCMW ZH",
      RAMP_SMS_INBOUND_TOKEN: INBOUND_TOKEN,
    }));
    await setSmsPin(
      s.ramp.engine.ctx,
      { personId: "pieter-declercq", source: "web" },
      "pieter-declercq",
      PIN,
    );
  });

  /** Signs in on the board with the person's personal link; returns the session cookie. */
  async function signIn(personId: string): Promise<string> {
    const link = new URL(s.ramp.engine.ctx.boardLink!(personId).url);
    const login = await fetch(`${s.ramp.url}${link.pathname}${link.search}`, {
      redirect: "manual",
    });
    return login.headers.getSetCookie()[0]!.split(";")[0]!;
  }

  /** The board's SMS-PIN form, sent as `by`. */
  async function setPinOnBoard(by: string, personId: string, pin: string): Promise<string> {
    const cookie = await signIn(by);
    const form = await (await fetch(`${s.ramp.url}/sms-pin`, { headers: { cookie } })).text();
    const csrf = /name="csrf" value="([^"]*)"/.exec(form)?.[1] ?? "";
    const sent = await fetch(`${s.ramp.url}/sms-pin`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf, personId, pin }).toString(),
      redirect: "manual",
    });
    expect(sent.status).toBe(303);
    const after = await (await fetch(`${s.ramp.url}/sms-pin`, { headers: { cookie } })).text();
    return after.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  }

  it("lets the coordinator set a PIN on the board, keeping only its hash; others cannot", async () => {
    const page = await setPinOnBoard("pieter-declercq", "johan-maes", "135790");
    expect(page).toContain("Sms-PIN ingesteld voor Johan Maes.");
    expect(page).toMatch(/Johan Maes ingesteld door Pieter Declercq/);
    const [row] = await s.query(`SELECT hash, salt FROM "SmsPin" WHERE "personId" = $1`, [
      "johan-maes",
    ]);
    expect(String(row!.hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain("135790");
    const refused = await setPinOnBoard("lien-coussens", "lien-coussens", "111111");
    expect(refused).toContain(
      "Enkel de coördinator of een plaatsvervanger kan een sms-PIN instellen.",
    );
    expect(
      await s.count(`SELECT count(*) AS n FROM "SmsPin" WHERE "personId" = 'lien-coussens'`),
    ).toBe(0);
    // Bad input: a clear refusal, nothing stored.
    expect(await setPinOnBoard("pieter-declercq", "lien-coussens", "12ab")).toContain(
      "PIN: 4 tot 8 cijfers",
    );
  });
  afterAll(async () => {
    await s?.close();
    await gateway?.close();
  });

  it("refuses a request without the gateway's token with 401, storing nothing", async () => {
    const body = {
      from: mobileOf(s, "pieter-declercq"),
      text: `START ${PIN} groot Brand`,
      id: "x1",
    };
    expect((await post(body, "")).status).toBe(401);
    expect((await post(body, "Bearer wrong-token")).status).toBe(401);
    expect((await post(body, `Bearer ${INBOUND_TOKEN}x`)).status).toBe(401);
    expect(await s.count(`SELECT count(*) AS n FROM "InboxItem"`)).toBe(0);
    expect(await s.ramp.engine.activeIncidents()).toEqual([]);
    // A malformed body with the token: a specific 400, nothing stored.
    const bad = await post({ from: mobileOf(s, "pieter-declercq"), text: "STATUS" });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toContain('"id"');
  });

  it("ignores a number that is not in the plan: no answer, nothing stored", async () => {
    const spoofed = await text("+32499000001", `START ${PIN} groot Brand`);
    expect(spoofed).toEqual({ status: "ignored", reply: null });
    expect(gateway.received.filter((m) => m.to === "+32499000001")).toEqual([]);
    expect(await s.count(`SELECT count(*) AS n FROM "InboxItem"`)).toBe(0);
  });

  it("refuses declaring without the right PIN, and without any PIN for someone who has none", async () => {
    const wrong = await text("pieter-declercq", "START 000000 groot Brand");
    expect(wrong.reply).toMatch(/^Foute PIN: niets gedaan\. Nog 4 pogingen/);
    const none = await text("sofie-vermeulen", `START ${PIN} groot Brand`);
    expect(none.reply).toMatch(/een PIN nodig en u hebt er geen/);
    expect(await s.ramp.engine.activeIncidents()).toEqual([]);
  });

  it("declares with the PIN (written the national way) and pages the crisis staff by SMS", async () => {
    // The sender as 0476…: the plan writes +32 476 …
    const national = `0${mobileOf(s, "pieter-declercq").slice(3)}`;
    const declared = await text(national, `START ${PIN} groot Brand in het administratief centrum`);
    expect(declared.reply).toMatch(
      /^Incident 2026-001 gestart \(groot\)\. De crisisstaf wordt opgeroepen naar Administratief Centrum Heidehof/,
    );
    const [incident] = await s.ramp.engine.activeIncidents();
    incidentId = incident!.id;
    expect(incident!.declaredById).toBe("pieter-declercq");
    const declaredEntry = (await timeline()).find((e) => e.type === "incident.declared")!;
    expect(declaredEntry.source).toBe("sms");
    // Every paged member got the page by SMS, Sofie too.
    expect(gateway.accepted(mobileOf(s, "sofie-vermeulen")).at(-1)!.text).toMatch(/opgeroepen/);
  });

  it("answers pages by text, both ways, with the reason; a second delivery acts once", async () => {
    const coming = await text("sofie-vermeulen", "1", "gw-sofie-1");
    expect(coming.reply).toMatch(/^Genoteerd: u komt \(incident 2026-001\)\. Naar Administratief/);
    const again = await text("sofie-vermeulen", "1", "gw-sofie-1");
    expect(again).toEqual({ status: "duplicate", reply: null });
    const declined = await text("bart-lannoo", "NEE zit in het buitenland");
    expect(declined.reply).toMatch(/^Genoteerd: u kunt niet komen/);
    const pages = await s.ramp.engine.ctx.store.pages.listForIncident(incidentId);
    expect(pages.find((p) => p.personId === "sofie-vermeulen")).toMatchObject({
      status: "coming",
      answerSource: "sms",
    });
    expect(pages.find((p) => p.personId === "bart-lannoo")?.status).toBe("declined");
    const answers = (await timeline()).filter((e) => e.type === "page.answered");
    expect(answers.filter((e) => e.data.personId === "sofie-vermeulen")).toHaveLength(1);
    expect(answers.find((e) => e.data.personId === "bart-lannoo")?.data.reason).toBe(
      "zit in het buitenland",
    );
    // Bart's alternate Kevin is paged (by SMS) and says yes in English.
    expect(gateway.accepted(mobileOf(s, "kevin-dumon"))[0]!.text).toMatch(/opgeroepen/);
    expect((await text("kevin-dumon", "yes")).reply).toMatch(/^Genoteerd: u komt/);
  });

  it("decides with the PIN; tasks get short numbers, claimed, completed and blocked by text", async () => {
    const decided = await text("pieter-declercq", `BESLIS B ${PIN}`);
    expect(decided.reply).toMatch(/^Beslissing vastgelegd: situatie B\./);
    const tasks = (await s.ramp.engine.ctx.store.tasks.listForIncident(incidentId)).sort(
      (a, b) => a.number! - b.number!,
    );
    const planned = s.ramp.plan.situations.B.tasks.map((t) => t.id);
    expect(tasks.map((t) => t.planTaskId)).toEqual(planned);
    expect(tasks.map((t) => t.number)).toEqual(planned.map((_, i) => i + 1));

    const list = await text("kevin-dumon", "TAKEN");
    expect(list.reply).toMatch(
      /^2026-001: NEEM <nr> om op te nemen\. U hebt geen taken\. Vrij: #1 /,
    );

    const claimed = await text("kevin-dumon", "NEEM #1", "gw-kevin-claim");
    expect(claimed.reply).toMatch(/^#1 .+: opgenomen door u\. Klaar\? Stuur KLAAR 1\.$/);
    // The gateway delivers the claim again: still one claim.
    expect((await text("kevin-dumon", "NEEM #1", "gw-kevin-claim")).status).toBe("duplicate");
    expect((await timeline()).filter((e) => e.type === "task.claimed")).toHaveLength(1);
    expect(await task(1)).toMatchObject({ status: "claimed", ownerId: "kevin-dumon" });

    // Someone else's task: refused by the core, as on the cards.
    const theirs = await text("lien-coussens", "KLAAR 1");
    expect(theirs.reply).toMatch(/Kevin Dumon/);
    expect((await task(1)).status).toBe("claimed");

    expect((await text("kevin-dumon", "DONE 1")).reply).toMatch(/^#1 .+: klaar\. Dank u\.$/);
    expect((await task(1)).status).toBe("done");
    const blocked = await text("kevin-dumon", "BLOK 2 wacht op de leverancier");
    expect(blocked.reply).toMatch(/^#2 .+: geblokkeerd \(wacht op de leverancier\)/);
    expect(await task(2)).toMatchObject({ status: "blocked", ownerId: "kevin-dumon" });
    const bySms = (await timeline()).filter((e) => e.type.startsWith("task."));
    expect(bySms.map((e) => [e.type, e.source])).toEqual([
      ["task.claimed", "sms"],
      ["task.completed", "sms"],
      ["task.blocked", "sms"],
    ]);
    const missing = await text("kevin-dumon", "NEEM 99");
    expect(missing.reply).toMatch(/^Taak #99 bestaat niet in incident 2026-001/);
  });

  it("answers STATUS in at most two texts, on the timeline with source sms", async () => {
    const status = await text("johan-maes", "status");
    expect(status.reply).toMatch(/^2026-001: groot\. Oproep: \d+\/\d+ komen/);
    expect(status.reply).toContain("Beslissing: B.");
    expect(status.reply).toContain("Geblokkeerd: #2.");
    const asked = (await timeline()).filter((e) => e.type === "sms.received");
    expect(asked.at(-1)).toMatchObject({
      actorId: "johan-maes",
      source: "sms",
      data: { command: "status", outcome: "answered" },
    });
  });

  it("sends the words back for a text it does not understand", async () => {
    const unknown = await text("lien-coussens", "Hallo?");
    expect(unknown.reply).toMatch(/^"Hallo\?" begrijp ik niet\. Woorden: 1 of JA = ik kom, /);
    expect(unknown.reply).toContain("Met PIN: START <pin>");
  });

  it("locks a number after five wrong PINs, even for the right one, until the lock ends", async () => {
    for (let i = 1; i <= 4; i++)
      expect((await text("johan-maes", `SLUIT 11110${i}`)).reply).toMatch(/^Foute PIN/);
    const fifth = await text("johan-maes", "SLUIT 111105");
    expect(fifth.reply).toMatch(/^Foute PIN\. Te veel foute pogingen: .+ vergrendeld tot 09:15\./);
    // Locked: nothing from that number is done, not even a status or a page answer.
    expect((await text("johan-maes", "STATUS")).reply).toMatch(/vergrendeld tot 09:15/);
    const refusals = (await timeline()).filter(
      (e) => e.type === "sms.received" && e.actorId === "johan-maes",
    );
    expect(refusals.map((e) => e.data.outcome)).toEqual([
      "answered",
      "wrong-pin",
      "wrong-pin",
      "wrong-pin",
      "wrong-pin",
      "wrong-pin",
      "locked",
    ]);
    expect(JSON.stringify(refusals)).not.toContain("11110");
    // The lock is stored: a fresh read of the table shows it.
    const [lock] = await s.query(`SELECT failures FROM "SmsLock" WHERE number = $1`, [
      mobileOf(s, "johan-maes"),
    ]);
    expect(Number(lock!.failures)).toBe(5);
    s.clock.advanceMinutes(16);
    expect((await text("johan-maes", "STATUS")).reply).toMatch(/^2026-001: groot\./);
  });

  it("closes with the PIN once confirmed, with tasks still open", async () => {
    const asked = await text("pieter-declercq", `SLUIT ${PIN}`);
    expect(asked.reply).toMatch(
      /^Nog \d+ taken open in 2026-001\. Toch afsluiten\? Stuur SLUIT <pin> BEVESTIG\.$/,
    );
    expect((await s.ramp.engine.activeIncidents()).length).toBe(1);
    const closed = await text("pieter-declercq", `SLUIT ${PIN} BEVESTIG`);
    expect(closed.reply).toBe("Incident 2026-001 is afgesloten. De tijdlijn is verzegeld.");
    expect(await s.ramp.engine.activeIncidents()).toEqual([]);
    expect((await s.ramp.engine.verifyTimeline(incidentId)).ok).toBe(true);
  });

  it("counts in the review's communication section what went by SMS and was done by text", async () => {
    const review = JSON.stringify(await buildReview(s.ramp.engine, incidentId));
    expect(review).toMatch(
      /Sms: \d+ berichten verstuurd, \d+ afgeleverd bij de sms-gateway, waarvan \d+ antwoorden op sms'en van de staf\./,
    );
    // The HTTP gateway gives no delivery receipts: nothing is claimed about the phone.
    expect(review).not.toContain("op de gsm");
    expect(review).toContain(
      "Per sms gedaan: 3 oproepen beantwoord, 1 taak opgenomen, 1 taak klaar, 1 taak geblokkeerd, 3 starts, beslissingen of afsluitingen met PIN.",
    );
    // Lien's KLAAR on Kevin's task, Johan's five wrong PINs and his STATUS while locked.
    expect(review).toContain(
      "7 sms'en geweigerd (foute PIN, vergrendeld nummer of niet toegelaten).",
    );
  });

  it("sent nothing to a chat platform that worked: every answer went by SMS", async () => {
    const replies = await s.count(
      `SELECT count(*) AS n FROM "OutboxMessage" WHERE platform <> 'sms' AND payload LIKE '%sms-reply%'`,
    );
    expect(replies).toBe(0);
  });
});
