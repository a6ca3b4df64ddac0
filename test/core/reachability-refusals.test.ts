// Which SMS failures a reachability test's result calls "number refused" (a person can fix it in
// the plan), per provider: the plain gateway's 400/404/422, and Twilio's 400 once Ramp gave the
// text up; Twilio's 400 about Ramp's own sender is retried and is no finding about the person.
import { expect, it } from "vitest";
import { PlanDirectory } from "../../src/core/directory.ts";
import type { TestDelivery } from "../../src/core/practice/model.ts";
import { testResult } from "../../src/core/practice/result.ts";
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";

const loaded = await loadPlanFile(SAMPLE_PLAN_PATH);
if (!loaded.ok) throw new Error("the sample plan does not load");
const dir = new PlanDirectory(loaded.plan, loaded.hash);
const startedAt = new Date("2026-11-30T09:00:00Z");
const test = {
  id: "t1",
  organisation: "o",
  number: "T-2026-01",
  planHash: loaded.hash,
  startedById: null,
  startedAt,
  closesAt: new Date(startedAt.getTime() + 3_600_000),
  status: "closed" as const,
  closedAt: new Date(startedAt.getTime() + 3_600_000),
  closedById: null,
};

function smsReason(status: TestDelivery["status"], lastError: string) {
  const recipient = {
    id: "r1",
    testId: "t1",
    personId: "wouter-hoste",
    roles: [],
    channels: [{ channel: "sms", missing: null }],
    answeredAt: null,
    answerSource: null,
  };
  const delivery = { personId: "wouter-hoste", channel: "sms", status, sentAt: null, lastError };
  const result = testResult(dir, test, [recipient], [delivery]);
  return result.people[0]!.channels[0]!.reason;
}

it("calls a refused number refused, whichever provider refused it", () => {
  expect(smsReason("dead", "SMS gateway: 400 invalid number")).toBe("sms-refused");
  expect(smsReason("dead", "Twilio: 400 21211 Invalid 'To' Phone Number")).toBe("sms-refused");
  expect(smsReason("dead", "Twilio: 400 21614 'To' number is not a valid mobile number")).toBe(
    "sms-refused",
  );
});

it("does not blame the person for Ramp's own sender or an outage", () => {
  expect(smsReason("pending", "Twilio: 400 21606 The From phone number is not valid")).toBe(
    "platform-error",
  );
  expect(smsReason("dead", "Twilio: 401 20003 Authenticate")).toBe("platform-error");
  expect(smsReason("dead", "SMS gateway: 503 busy")).toBe("platform-error");
});
