// Copies that follow the plan: a plan version Ramp has not handed out yet goes to every holder
// privately, once — a Slack DM with the Word file, an SMS with a signed link where that is all
// Ramp has — across a restart and two replicas on one database; "Ontvangen" is recorded.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningRamp, startRamp } from "../../src/app.ts";
import { readConfig } from "../../src/config/env.ts";
import { copyHolderIds } from "../../src/core/plan-document/holders.ts";
import { createLogger } from "../../src/logging.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { FakeClock } from "../support/engine.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { FakeSmsGateway } from "../support/fake-sms.ts";

const T0 = new Date("2026-11-22T08:00:00Z");
const SLACK_HOLDERS = {
  "marleen-vandamme": "U04MV7K2Q1B",
  "pieter-declercq": "U04PD3X8L2C",
  "sofie-vermeulen": "U04SV5N1R7D",
  "johan-maes": "U04JM2T6W4E",
  "katrien-dewilde": "U04KD8H3Y5F",
  "els-verhaeghe": "U04EV6P9Z2G",
  "bart-lannoo": "U04BL1C4M8H",
  "lien-coussens": "U04LC9D7Q3J",
  "geert-vanhoutte": "U04GV9R4J2T",
  "ines-lambrecht": "U04IL1N9S5R",
  "kevin-dumon": "U04KV8M2T4Q",
};
/** Holders with no Slack id: only their mobile reaches them. */
const SMS_ONLY = { "wouter-hoste": "+32474913658", "an-peeters": "+32470582219" };

describeEachDatabase("plan copies to every holder", (target) => {
  let slack: FakeSlack;
  let sms: FakeSmsGateway;
  const running: RunningRamp[] = [];
  const clock = new FakeClock(T0);

  async function start(): Promise<RunningRamp> {
    const config = {
      ...readConfig({
        DATABASE_URL: target.url,
        SLACK_BOT_TOKEN: "xoxb-1111111111-2222222222-rampTestToken",
        SLACK_SIGNING_SECRET: "8f2c0d6e4b1a9f73c5e2d8b0a4f6c1e9",
        SLACK_API_URL: slack.apiUrl,
        RAMP_SECRET: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978",
        RAMP_PUBLIC_URL: "https://ramp.zonnebeke-heide.be",
        RAMP_SMS_URL: sms.url,
      }),
      port: 0,
      host: "127.0.0.1",
    };
    const logger = createLogger(process.env.RAMP_TEST_LOG_LEVEL ?? "silent");
    const ramp = await startRamp(config, logger, {
      clock,
      startScheduler: false,
      planCopies: true,
    });
    running.push(ramp);
    return ramp;
  }

  beforeAll(async () => {
    slack = await FakeSlack.start();
    sms = await FakeSmsGateway.start();
  });
  afterAll(async () => {
    for (const ramp of running.splice(0)) await ramp.close();
    await slack?.close();
    await sms?.close();
  });

  it("sends each holder one private copy, with two replicas starting together", async () => {
    const [a, b] = await Promise.all([start(), start()]);
    // The start kicks a delivery pass of its own; the ticks take what it left.
    const deadline = Date.now() + 60_000;
    while (slack.uploadedFiles().length < 11 || sms.accepted().length < 2) {
      if (Date.now() > deadline) throw new Error("the copies were not all delivered in 60 s");
      await Promise.all([a!.scheduler.tick(), b!.scheduler.tick()]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all([a!.scheduler.tick(), b!.scheduler.tick()]);
    const holders = copyHolderIds(a!.engine.directory.plan);
    expect(new Set([...Object.keys(SLACK_HOLDERS), ...Object.keys(SMS_ONLY)])).toEqual(
      new Set(holders),
    );
    for (const [personId, userId] of Object.entries(SLACK_HOLDERS)) {
      const files = slack.uploadedFiles(slack.dmOf(userId));
      expect(
        files.map((f) => f.filename),
        personId,
      ).toEqual([`rampenplan-ocmw-zonnebeke-heide-v3.0-${personId}.docx`]);
      expect(JSON.stringify(files[0]!.blocks)).toContain(
        "Uw exemplaar van het rampenplan, versie 3.0",
      );
      expect(JSON.stringify(files[0]!.blocks)).toContain("https://ramp.zonnebeke-heide.be/copies/");
    }
    // Nothing in any channel: every message and file went to a DM.
    const dms = new Set(Object.values(SLACK_HOLDERS).map((u) => slack.dmOf(u)));
    expect(slack.uploadedFiles().every((f) => dms.has(f.channel!))).toBe(true);
    expect(slack.uploadedFiles()).toHaveLength(Object.keys(SLACK_HOLDERS).length);
    for (const [personId, number] of Object.entries(SMS_ONLY)) {
      const texts = sms.accepted(number);
      expect(texts, personId).toHaveLength(1);
      expect(texts[0]!.text).toMatch(
        /^Ramp: Uw exemplaar van het rampenplan, versie 3\.0 .*https:\/\/ramp\.zonnebeke-heide\.be\/copies\/\S+ — bevestig daar met "Ontvangen"\.$/,
      );
    }
    expect(sms.accepted()).toHaveLength(2);
  });

  it("sends nothing again after a restart with the same plan", async () => {
    for (const ramp of running.splice(0)) await ramp.close();
    const again = await start();
    await again.scheduler.tick();
    expect(slack.uploadedFiles()).toHaveLength(Object.keys(SLACK_HOLDERS).length);
    expect(sms.accepted()).toHaveLength(2);
  });

  it("records 'Ontvangen' from the signed link, once, and refuses a forged link", async () => {
    const ramp = running[0]!;
    const link = sms.accepted(SMS_ONLY["wouter-hoste"])[0]!.text.match(/\/copies\/(\S+)/)![0];
    const landing = await fetch(`${ramp.url}${link}`);
    const page = await landing.text();
    expect(landing.status).toBe(200);
    expect(page).toContain("Wouter Hoste");
    expect(page).toContain(`<form method="post" action="${link}">`);
    const docx = await fetch(`${ramp.url}${link}/plan.docx`);
    expect(docx.headers.get("content-disposition")).toContain("-wouter-hoste.docx");
    clock.set(new Date(T0.getTime() + 3_600_000));
    const confirmed = await fetch(`${ramp.url}${link}`, { method: "POST", redirect: "manual" });
    expect(confirmed.status).toBe(303);
    clock.set(new Date(T0.getTime() + 7_200_000));
    await fetch(`${ramp.url}${link}`, { method: "POST", redirect: "manual" });
    const copies = await ramp.engine.ctx.store.planCopies.listForPlan(
      ramp.engine.directory.planHash,
    );
    const wouter = copies.find((c) => c.personId === "wouter-hoste")!;
    expect(wouter).toMatchObject({ channel: "sms", version: "3.0" });
    expect(wouter.confirmedAt?.toISOString()).toBe("2026-11-22T09:00:00.000Z"); // the first time
    expect(copies.filter((c) => c.confirmedAt !== null)).toHaveLength(1);
    expect(await (await fetch(`${ramp.url}${link}`)).text()).toContain("Ontvangst bevestigd op");
    const forged = await fetch(`${ramp.url}${link.slice(0, -3)}xyz`, { method: "POST" });
    expect(forged.status).toBe(403);
  });

  it("reminds those who did not confirm after the plan's term, once per term, across two replicas", async () => {
    const first = running[0]!;
    const second = await start();
    const dm = slack.dmOf(SLACK_HOLDERS["bart-lannoo"]);
    const reminders = () => slack.messagesIn(dm).filter((m) => m.text.includes("Herinnering"));
    clock.set(new Date(T0.getTime() + 6 * 86_400_000)); // within copies.confirmWithin (7d)
    await Promise.all([first.scheduler.tick(), second.scheduler.tick()]);
    expect(reminders()).toHaveLength(0);
    clock.set(new Date(T0.getTime() + 7 * 86_400_000 + 60_000));
    const deadline = Date.now() + 60_000;
    while (sms.accepted(SMS_ONLY["an-peeters"]).length < 2 || reminders().length < 1) {
      if (Date.now() > deadline) throw new Error("no reminders within 60 s");
      await Promise.all([first.scheduler.tick(), second.scheduler.tick()]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all([first.scheduler.tick(), second.scheduler.tick()]);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.text).toContain(
      "Herinnering: bevestig dat u uw exemplaar van het rampenplan, versie 3.0, ontvangen hebt.",
    );
    const anSms = sms.accepted(SMS_ONLY["an-peeters"]);
    expect(anSms).toHaveLength(2);
    expect(anSms[1]!.text).toContain("Herinnering");
    // Wouter confirmed: no reminder.
    expect(sms.accepted(SMS_ONLY["wouter-hoste"])).toHaveLength(1);
    // Nothing more within the next term.
    clock.set(new Date(T0.getTime() + 10 * 86_400_000));
    await Promise.all([first.scheduler.tick(), second.scheduler.tick()]);
    expect(reminders()).toHaveLength(1);
  });
});
