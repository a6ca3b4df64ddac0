// What tests and deliveries show about contact data becomes a proposed amendment too: a note
// beside the person's number in the patched plan ("niet bereikbaar: controleer gsm"), once per
// test or per refused number, for the maintainer to check.
import type { EngineContext } from "../context.ts";
import type { Repositories } from "../ports.ts";
import type { ReachabilityRecipient, ReachabilityTest, TestDelivery } from "../practice/model.ts";
import { testResult } from "../practice/result.ts";
import { formatDateTime } from "../time.ts";
import { type Proposal, proposeIn } from "./amendments.ts";

/** A closed test: who was reached on no channel at all, and whose number the SMS gateway refused. */
export async function proposeFromTest(
  ctx: EngineContext,
  tx: Repositories,
  test: ReachabilityTest,
  recipients: ReachabilityRecipient[],
  deliveries: TestDelivery[],
  now: Date,
): Promise<number> {
  const nl = ctx.dir.locale === "nl";
  const when = formatDateTime(test.startedAt, ctx.dir.locale, ctx.dir.timeZone);
  const result = testResult(ctx.dir, test, recipients, deliveries);
  const proposals: Proposal[] = [];
  for (const person of result.people) {
    if (person.answeredAt) continue;
    const tried = person.channels.filter((c) => c.reason !== "pending");
    const refused = person.channels.some((c) => c.reason === "sms-refused");
    const nowhere = tried.length > 0 && tried.every((c) => !c.delivered);
    if (!nowhere && !refused) continue;
    proposals.push({
      source: "reachability-test",
      sourceId: test.id,
      personId: person.personId,
      field: "mobile",
      note: nowhere
        ? nl
          ? `niet bereikbaar (op geen enkel kanaal) in de alarmeringstest van ${when}: controleer gsm, e-mail en chat-id`
          : `unreachable on every channel in the reachability test of ${when}: check mobile, e-mail and chat ids`
        : nl
          ? `gsm-nummer geweigerd door de sms-gateway in de alarmeringstest van ${when}: controleer gsm`
          : `mobile number refused by the SMS gateway in the reachability test of ${when}: check mobile`,
    });
  }
  return (await proposeIn(ctx, tx, proposals, now)).length;
}

/** An SMS the gateway refused for good: the number is checked, once per number. */
export async function proposeFromRefusedSms(
  ctx: EngineContext,
  tx: Repositories,
  personId: string,
  error: string,
  now: Date,
): Promise<number> {
  const mobile = ctx.dir.person(personId)?.mobile;
  if (!mobile) return 0;
  const nl = ctx.dir.locale === "nl";
  const note = nl
    ? `sms naar ${mobile} geweigerd (${error.slice(0, 120)}): controleer gsm`
    : `SMS to ${mobile} refused (${error.slice(0, 120)}): check mobile`;
  const proposals: Proposal[] = [
    { source: "delivery", sourceId: `sms:${mobile}`, personId, field: "mobile", note },
  ];
  return (await proposeIn(ctx, tx, proposals, now)).length;
}
