// A reachability test by SMS next to Slack, through the fake gateway: the text is marked as a
// test and carries the personal link to answer; a refused number shows in the result as such.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadResult } from "../../../src/core/practice/views.ts";
import type { FakeSmsGateway } from "../../support/fake-sms.ts";
import { type SlackRamp, U } from "../slack/harness.ts";
import { mobileOf, startWithSmsGateway } from "./harness.ts";

describe("SMS: reachability test", () => {
  let s: SlackRamp;
  let gateway: FakeSmsGateway;

  beforeAll(async () => {
    ({ s, gateway } = await startWithSmsGateway("ramp-sms-test-"));
  });
  afterAll(async () => {
    await s?.close();
    await gateway?.close();
  });

  it("texts everyone with a mobile number, and reports a refused number", async () => {
    gateway.fail(mobileOf(s, "an-peeters"), 400);
    await (await s.command(U.pieter, "test")).reply();
    await s.fake.waitFor("13 texts tried", () =>
      gateway.received.length >= 13 ? true : undefined,
    );
    const wouter = gateway.accepted(mobileOf(s, "wouter-hoste"))[0]!;
    expect(wouter.text).toMatch(
      /^Ramp: TEST — er is geen incident\. Bereikbaarheidstest T-2026-01: antwoord "Ontvangen" via Slack, Teams of https:\/\/ramp\.zonnebeke-heide\.be\//,
    );
    await s.settled();
    const actor = s.ramp.engine.identify({ personId: "pieter-declercq" }, "web");
    const test = await s.ramp.engine.stopTest(actor);
    const result = await loadResult(s.ramp.engine.ctx, test);
    const an = result.people.find((p) => p.personId === "an-peeters")!;
    expect(an.channels.find((c) => c.channel === "sms")).toMatchObject({
      delivered: false,
      reason: "sms-refused",
    });
    expect(result.uncovered.map((f) => f.functionId)).toContain("dpo");
  }, 120_000);
});
