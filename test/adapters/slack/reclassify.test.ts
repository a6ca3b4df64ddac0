// `/ramp ernst` in Slack: an incident declared below the plan's threshold pages nobody; raising
// its classification to a level that activates the plan pages the crisis staff by DM, once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../support/databases.ts";
import { buttonsOf } from "../../support/slack-requests.ts";
import { PAGED_AT_START, SlackRamp, U } from "./harness.ts";

describeEachDatabase("Slack: raising the classification", (target) => {
  let s: SlackRamp;
  beforeAll(async () => {
    s = await SlackRamp.start(target.url);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("pages the crisis staff when 'klein' is raised to 'groot', and not again for 'crisis'", async () => {
    await (await s.command(U.pieter, "start klein Storing op de telefooncentrale")).reply();
    await s.settled();
    expect(await s.count(`SELECT count(*) FROM "Page"`)).toBe(0);
    for (const user of PAGED_AT_START) expect(s.fake.messagesIn(s.fake.dmOf(user))).toEqual([]);

    const raised = await s.command(U.pieter, "ernst groot");
    expect((await raised.reply()).text).toBe("Ernst gewijzigd naar groot.");
    for (const user of PAGED_AT_START) {
      const page = await s.waitForMessage(s.fake.dmOf(user), /Incident 2026-001/);
      expect(page.text).toContain("U wordt opgeroepen voor de crisisstaf");
      expect(buttonsOf(page.blocks).map((b) => b.text)).toEqual(["Ik kom", "Ik kan niet"]);
    }
    expect(await s.count(`SELECT count(*) FROM "Page"`)).toBe(9);

    await (await s.command(U.pieter, "ernst crisis")).reply();
    await s.settled();
    expect(await s.count(`SELECT count(*) FROM "Page"`)).toBe(9);
    for (const user of PAGED_AT_START) expect(s.fake.messagesIn(s.fake.dmOf(user))).toHaveLength(1);
  });
});
