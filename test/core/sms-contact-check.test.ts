// "Klopt dit nog?" answered by text: JA confirms the person's details (when no page or test of
// theirs is open), NEE points to the form, whose link the text carries; nothing open, nothing done.
import { expect, it } from "vitest";
import { askDueContactChecks } from "../../src/core/contacts/ask.ts";
import { runSms } from "../../src/core/sms/run.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { freshEngine } from "./fixtures.ts";

describeEachDatabase("a contact check answered by SMS", (target) => {
  it("confirms with JA, sends the form's link for NEE", async () => {
    const { t } = await freshEngine(target);
    t.ctx.contactCheckLink = (checkId) => `https://ramp.example/contacts/${checkId}`;
    const bart = "+32470000001";
    const before = await runSms(t.engine, "bart-lannoo", bart, "JA");
    expect(before.text).toMatch(/^Er staat geen oproep of test voor u open\./);

    await askDueContactChecks(t.ctx);
    const open = async (personId: string) =>
      (await t.ctx.store.contactChecks.listLatest()).find((c) => c.personId === personId)!;
    const sofieCheck = await open("sofie-vermeulen");
    const no = await runSms(t.engine, "sofie-vermeulen", "+32470000002", "NEE");
    expect(no.text).toBe(
      `Geef uw nieuwe gegevens door via https://ramp.example/contacts/${sofieCheck.id}.`,
    );
    expect((await open("sofie-vermeulen")).answeredAt).toBeNull();

    const yes = await runSms(t.engine, "bart-lannoo", bart, "JA");
    expect(yes.text).toBe("Genoteerd: uw gegevens kloppen. Dank u.");
    expect(await open("bart-lannoo")).toMatchObject({ answer: "confirmed" });
  });
});
