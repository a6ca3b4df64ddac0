// "Klopt dit nog?" through the real stacks: a Slack DM with "Klopt" and "Wijzigen" (the form
// checked inside the modal), an SMS with a signed link to the web form (each problem beside its
// field), every answer stored once; a restart asks nothing again.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import type { Body } from "../support/fake-slack.ts";
import { FakeSmsGateway } from "../support/fake-sms.ts";
import { input } from "../support/slack-requests.ts";
import { SlackRamp, U } from "./slack/harness.ts";

const WOUTER = "+32474913658"; // SMS only: no Slack id in the sample plan

describe("contact checks in Slack, by SMS and on the web", () => {
  let s: SlackRamp;
  let sms: FakeSmsGateway;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-contacts-"));
  const url = `file:${path.join(dir, "ramp.db")}`;
  // A copy of the sample plan: the patched copy of a correction is written beside it.
  const planFile = path.join(dir, "plan.yaml");
  copyFileSync(SAMPLE_PLAN_PATH, planFile);

  beforeAll(async () => {
    sms = await FakeSmsGateway.start();
    s = await SlackRamp.start(url, {
      planFile,
      env: { RAMP_SMS_URL: sms.url, RAMP_PUBLIC_URL: "https://ramp.zonnebeke-heide.be" },
    });
    s.ramp.scheduler.askContacts = true;
  });
  afterAll(async () => {
    await s?.close();
    await sms?.close();
  });

  const checkOf = async (personId: string) =>
    (await s.ramp.engine.ctx.store.contactChecks.listLatest()).find(
      (c) => c.personId === personId,
    )!;

  it("asks each person privately: a DM with their details and two buttons, an SMS with a link", async () => {
    await s.ramp.scheduler.tick();
    const dm = await s.waitForMessage(s.fake.dmOf(U.pieter), "Klopt dit nog?");
    const blocks = JSON.stringify(dm.blocks);
    expect(blocks).toContain("+32 476 52 18 90");
    expect(blocks).toContain("pieter.declercq@zonnebeke-heide.be");
    expect(blocks).toContain("ramp_contact_ok");
    expect(blocks).toContain("ramp_contact_change");
    const text = await s.fake.waitFor("the SMS", () => sms.accepted(WOUTER)[0]?.text);
    expect(text).toMatch(
      /^Ramp: Klopt dit nog\? Uw contactgegevens in het rampenplan: gsm \+32 474 .*Antwoord met "Klopt" of "Wijzigen": https:\/\/ramp\.zonnebeke-heide\.be\/contacts\/\S+$/,
    );
    // Nothing in a channel.
    const contactPosts = s.fake
      .callsOf("chat.postMessage")
      .filter((c) => String(c.body.text).startsWith("Klopt dit nog?"));
    const dms = new Set(Object.values(U).map((u) => s.fake.dmOf(u)));
    expect(
      contactPosts.map((c) => String(c.body.channel)).filter((c) => !c.startsWith("D")),
    ).toEqual([]);
    expect(dms.has(s.fake.dmOf(U.pieter))).toBe(true);
  });

  it("records Klopt from the DM and shows it answered", async () => {
    const dm = s.message(s.fake.dmOf(U.pieter), "Klopt dit nog?")!;
    const sent = await s.click(U.pieter, dm, "Klopt");
    expect(sent.status).toBe(200);
    const reply = await sent.reply();
    expect(reply.replace_original).toBe(true);
    expect(JSON.stringify(reply.blocks)).toContain("✅ Klopt");
    const check = await checkOf("pieter-declercq");
    expect(check.answer).toBe("confirmed");
    // The thanks goes to the person (a post to their user id lands in their DM with Ramp).
    await s.waitForMessage(U.pieter, "Bedankt: uw contactgegevens zijn bevestigd.");
  });

  it("opens the form with Wijzigen, keeps it open for a bad number, and proposes the correction", async () => {
    const dm = await s.waitForMessage(s.fake.dmOf(U.sofie), "Klopt dit nog?");
    await s.click(U.sofie, dm, "Wijzigen");
    const call = await s.fake.waitFor("views.open", () => s.fake.callsOf("views.open")[0]);
    const view = call.body.view as Body;
    expect(view.callback_id).toBe("ramp_contact_form");
    const refused = await s.submit(U.sofie, view, {
      mobile: { value: input.text("0123") },
      email: { value: input.text("sofie.vermeulen@zonnebeke-heide.be") },
      phone: { value: input.text(null) },
      remark: { value: input.text(null) },
    });
    const errors = JSON.parse(refused.body) as { response_action: string; errors: Body };
    expect(errors.response_action).toBe("errors");
    expect(String(errors.errors.mobile)).toContain("is geen Belgisch gsm-nummer");
    expect(await s.ramp.engine.ctx.store.amendments.listOpen()).toEqual([]);
    const accepted = await s.submit(U.sofie, view, {
      mobile: { value: input.text("0478 20 64 34") },
      email: { value: input.text("sofie.vermeulen@zonnebeke-heide.be") },
      phone: { value: input.text(null) },
      remark: { value: input.text(null) },
    });
    expect(accepted.status).toBe(200);
    await s.waitForMessage(U.sofie, "Bedankt. Uw wijziging (gsm +32 478 20 64 34)");
    const open = await s.ramp.engine.ctx.store.amendments.listOpen();
    expect(open.map((a) => [a.personId, a.field, a.newValue, a.source])).toEqual([
      ["sofie-vermeulen", "mobile", "+32 478 20 64 34", "confirmation"],
    ]);
  });

  it("answers from the SMS link: the form shows each problem beside its field, then Klopt", async () => {
    const link = sms.accepted(WOUTER)[0]!.text.match(/\/contacts\/\S+/)![0];
    const page = await fetch(`${s.ramp.url}${link}`);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain("Wouter Hoste");
    expect(body).toContain('name="answer" value="changed"');
    const bad = await fetch(`${s.ramp.url}${link}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ answer: "changed", nonce: "n1", email: "wouter@" }).toString(),
    });
    expect(bad.status).toBe(422);
    const badPage = await bad.text();
    expect(badPage).toContain("is geen e-mailadres");
    expect(badPage).toContain('value="wouter@"');
    const ok = await fetch(`${s.ramp.url}${link}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ answer: "confirmed", nonce: "n2" }).toString(),
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("uw contactgegevens zijn bevestigd");
    expect((await checkOf("wouter-hoste")).answer).toBe("confirmed");
    const forged = await fetch(`${s.ramp.url}${link.slice(0, -3)}xyz`);
    expect(forged.status).toBe(403);
  });

  it("reminds whoever has not answered after a week, by DM and by SMS, and Klopt on the reminder counts", async () => {
    s.clock.advanceMinutes(7 * 24 * 60);
    const texts = sms.accepted().length;
    await s.ramp.scheduler.tick();
    const reminder = await s.waitForMessage(s.fake.dmOf(U.bart), "Herinnering: Klopt dit nog?");
    expect(JSON.stringify(reminder.blocks)).toContain("📇 Herinnering: klopt dit nog?");
    // Not to those who answered: Pieter and Sofie in Slack, Wouter by the SMS link.
    const reminded = s.fake
      .callsOf("chat.postMessage")
      .filter((c) => String(c.body.text).startsWith("Herinnering"))
      .map((c) => String(c.body.channel));
    expect(reminded).not.toContain(s.fake.dmOf(U.pieter));
    expect(reminded).not.toContain(s.fake.dmOf(U.sofie));
    expect(reminded.every((channel) => channel.startsWith("D"))).toBe(true);
    const smsReminders = sms
      .accepted()
      .slice(texts)
      .filter((m) => m.text.startsWith("Ramp: Herinnering: Klopt dit nog?"));
    expect(smsReminders).toHaveLength(1);
    expect(smsReminders[0]!.to).not.toBe(WOUTER);
    expect(smsReminders[0]!.text).toMatch(/\/contacts\/\S+$/);

    const sent = await s.click(U.bart, reminder, "Klopt");
    expect(sent.status).toBe(200);
    expect(JSON.stringify((await sent.reply()).blocks)).toContain("✅ Klopt");
    expect((await checkOf("bart-lannoo")).answer).toBe("confirmed");
    // A week later Bart is not reminded again; who still has not answered is.
    s.clock.advanceMinutes(7 * 24 * 60);
    await s.ramp.scheduler.tick();
    const again = s.fake
      .callsOf("chat.postMessage")
      .filter((c) => String(c.body.text).startsWith("Herinnering"));
    expect(again.length).toBe(2 * reminded.length - 1);
  });

  it("asks nothing again after a restart on the same database", async () => {
    const before = await s.ramp.engine.ctx.store.contactChecks.listLatest();
    await s.close();
    s = await SlackRamp.start(url, {
      planFile,
      env: { RAMP_SMS_URL: sms.url, RAMP_PUBLIC_URL: "https://ramp.zonnebeke-heide.be" },
    });
    s.ramp.scheduler.askContacts = true;
    const texts = sms.accepted().length;
    await s.ramp.scheduler.tick();
    expect(
      s.fake
        .callsOf("chat.postMessage")
        .filter((c) => String(c.body.text).includes("Klopt dit nog?")),
    ).toEqual([]);
    expect(sms.accepted()).toHaveLength(texts);
    expect(await s.ramp.engine.ctx.store.contactChecks.listLatest()).toEqual(before);
  });
});
