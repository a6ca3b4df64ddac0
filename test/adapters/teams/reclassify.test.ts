// `@Ramp ernst` in Teams: an incident declared below the plan's threshold pages nobody; raising
// its classification to a level that activates the plan pages the crisis staff in their
// personal chats, once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../support/databases.ts";
import { messageText } from "../../support/fake-connector.ts";
import { PAGED_AT_START, TeamsRamp } from "./harness.ts";

describeEachDatabase("Teams: raising the classification", (target) => {
  let t: TeamsRamp;
  beforeAll(async () => {
    t = await TeamsRamp.start(target.url);
    await t.installInTeam("pieter");
    for (const who of PAGED_AT_START) await t.installPersonal(who);
    await t.installPersonal("pieter");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("pages the crisis staff when 'klein' is raised to 'groot', and not again for 'crisis'", async () => {
    await t.replyTo(await t.mention("pieter", "start klein Storing op de telefooncentrale"));
    await t.settled();
    expect(await t.count(`SELECT count(*) FROM "Page"`)).toBe(0);
    for (const who of PAGED_AT_START) expect(t.dmMessages(who)).toEqual([]);

    const raised = await t.mention("pieter", "ernst groot");
    expect(messageText(await t.replyTo(raised))).toContain("Ernst gewijzigd naar groot.");
    for (const who of PAGED_AT_START) {
      const page = await t.waitForDm(who, /Incident 2026-001/);
      expect(messageText(page)).toContain("U wordt opgeroepen voor de crisisstaf");
    }
    expect(await t.count(`SELECT count(*) FROM "Page"`)).toBe(9);

    await t.replyTo(await t.mention("pieter", "ernst crisis"));
    await t.settled();
    expect(await t.count(`SELECT count(*) FROM "Page"`)).toBe(9);
    for (const who of PAGED_AT_START) expect(t.dmMessages(who)).toHaveLength(1);
  });
});
