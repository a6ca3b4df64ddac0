import { expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine } from "../support/engine.ts";
import { COORDINATOR, declare } from "./fixtures.ts";

describeEachDatabase("a crisis-staff member no chat platform reaches", (target) => {
  it("shows the coordinator the number to call instead of a silent wait", async () => {
    const t = await createTestEngine(await target.open({}, await target.createDatabase()), {
      channels: ["slack"],
    });
    const incident = await declare(t, COORDINATOR);
    const view = await t.engine.views.paging(incident.id);
    const dpo = view.rows.find((r) => r.functionId === "dpo")!;
    const person = t.engine.directory.person("wouter-hoste")!;
    expect(person.slackUserId).toBeUndefined();
    expect(dpo).toMatchObject({
      personName: person.name,
      status: "sent",
      callPhone: person.mobile,
    });
    // Everyone with a Slack id gets a DM and no phone number on the card.
    expect(view.rows.filter((r) => r.callPhone)).toEqual([dpo]);
  });
});
