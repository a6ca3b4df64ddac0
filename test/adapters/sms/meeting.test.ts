// The meeting address by SMS: a page texted for an incident that meets at the fallback address
// names that address, and a later move of the meeting is texted to those paged (the DPO, who
// has no chat account, hears it only so). Fake HTTP SMS gateway on 127.0.0.1, Slack next to it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSmsGateway } from "../../support/fake-sms.ts";
import { type SlackRamp, U } from "../slack/harness.ts";
import { declareInSlack, mobileOf, startWithSmsGateway } from "./harness.ts";

describe("SMS: the meeting address", () => {
  let s: SlackRamp;
  let gateway: FakeSmsGateway;

  beforeAll(async () => {
    ({ s, gateway } = await startWithSmsGateway("ramp-sms-meeting-", {
      RAMP_SMS_TOKEN: "sms-test-token",
    }));
  });
  afterAll(async () => {
    await s?.close();
    await gateway?.close();
  });

  it("names the fallback address in every texted page", async () => {
    const { pages: paged } = await declareInSlack(
      s,
      "start groot uitwijk Brand in het administratief centrum",
    );
    await s.fake.waitFor("a text per page", () => gateway.accepted().length >= paged.length);
    for (const sms of gateway.accepted()) {
      expect(sms.text).toContain(
        "Kom naar het uitwijk-contactadres Woonzorgcentrum Ter Heide, Kerkstraat 41, 8981 Zonnebeke-Heide",
      );
      expect(sms.text).not.toContain("Heidehof");
    }
  });

  it("texts the moved meeting address, with the new arrival time, to those paged", async () => {
    const dpo = mobileOf(s, "wouter-hoste");
    const before = gateway.accepted(dpo).length;
    await (await s.command(U.pieter, "contactadres primair Vals alarm")).reply();
    await s.fake.waitFor("the DPO's text", () => gateway.accepted(dpo).length > before);
    const text = gateway.accepted(dpo).at(-1)!.text;
    expect(text).toMatch(
      /^Ramp: Nieuw contactadres voor incident 2026-001: kom naar Administratief Centrum Heidehof, Marktplein 1, 8981 Zonnebeke-Heide .*, tegen zo 22 nov \d\d:\d\d\. Reden: Vals alarm\. Crisisbord: https:\/\/ramp\.zonnebeke-heide\.be\//,
    );
  });
});
