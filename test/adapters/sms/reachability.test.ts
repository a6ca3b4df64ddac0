// A reachability test by SMS next to Slack, through the fake gateway: the text is marked as a
// test and carries the personal link to answer; a refused number shows in the result as such.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { internationalNumber } from "../../../src/adapters/sms/render.ts";
import { loadResult } from "../../../src/core/practice/views.ts";
import { FakeSmsGateway } from "../../support/fake-sms.ts";
import { SlackRamp, U } from "../slack/harness.ts";

describe("SMS: reachability test", () => {
  let s: SlackRamp;
  let gateway: FakeSmsGateway;
  const mobileOf = (personId: string) =>
    internationalNumber(s.ramp.plan.people.find((p) => p.id === personId)!.mobile!)!;

  beforeAll(async () => {
    gateway = await FakeSmsGateway.start();
    s = await SlackRamp.start(
      `file:${path.join(mkdtempSync(path.join(tmpdir(), "ramp-sms-test-")), "ramp.db")}`,
      {
        env: {
          RAMP_SMS_URL: gateway.url,
          RAMP_PUBLIC_URL: "https://ramp.zonnebeke-heide.be",
        },
      },
    );
  });
  afterAll(async () => {
    await s?.close();
    await gateway?.close();
  });

  it("texts everyone with a mobile number, and reports a refused number", async () => {
    gateway.fail(mobileOf("an-peeters"), 400);
    await (await s.command(U.pieter, "test")).reply();
    await s.fake.waitFor("13 texts tried", () =>
      gateway.received.length >= 13 ? true : undefined,
    );
    const wouter = gateway.accepted(mobileOf("wouter-hoste"))[0]!;
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
