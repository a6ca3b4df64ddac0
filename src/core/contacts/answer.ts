// A person's answer to "Klopt dit nog?": "Klopt" records the confirmation; "Wijzigen" records
// the checked form and proposes a plan amendment per value that differs from the plan (and a
// note for the remark). The answer, the amendments and the inbox row are one transaction; the
// patched copy of the plan file is written after it.
import type { EngineContext } from "../context.ts";
import { RampError } from "../errors.ts";
import { completeInboxIn } from "../inbox-scope.ts";
import { type Proposal, proposeIn, writeAmendedPlan } from "./amendments.ts";
import { FIELD_LABELS } from "./labels.ts";
import type { ContactField, ContactForm } from "./model.ts";
import { contactFormOrThrow } from "./validate.ts";

export type ContactAnswer = { kind: "confirmed" } | { kind: "changed"; form: ContactForm };

export interface ContactAnswerResult {
  /** "changed" only when something differs from the plan; the same values are a confirmation. */
  answer: "confirmed" | "changed";
  proposed: number;
  /** What to tell the person, in the plan's language. */
  text: string;
}

export async function answerContactCheck(
  ctx: EngineContext,
  personId: string,
  checkId: string,
  answer: ContactAnswer,
): Promise<ContactAnswerResult> {
  const nl = ctx.dir.locale === "nl";
  const check = await ctx.store.contactChecks.get(checkId);
  if (!check) throw new RampError("contact-check-not-found");
  if (check.personId !== personId)
    throw new RampError("contact-check-not-yours", { name: ctx.dir.name(check.personId) });
  const person = ctx.dir.person(personId);
  const proposals: Proposal[] = [];
  const changed: string[] = [];
  let form: ContactForm | null = null;
  if (answer.kind === "changed") {
    const checked = contactFormOrThrow(answer.form);
    if (Object.keys(checked.values).length === 0 && !checked.remark)
      throw new RampError("contact-form-empty");
    form = { ...checked.values, ...(checked.remark ? { remark: checked.remark } : {}) };
    const now = ctx.clock.now();
    // Each answer is its own source, so a second correction is proposed beside the first; the
    // newest value per field is the one the patched file gets.
    const sourceId = `${check.id}@${now.getTime()}`;
    for (const [field, value] of Object.entries(checked.values) as Array<[ContactField, string]>) {
      if (person?.[field] === value) continue;
      proposals.push({ source: "confirmation", sourceId, personId, field, newValue: value });
      changed.push(`${FIELD_LABELS[field][nl ? 0 : 1]} ${value}`);
    }
    if (checked.remark)
      proposals.push({
        source: "confirmation",
        sourceId,
        personId,
        field: "note",
        note: checked.remark,
      });
  }
  const kind = proposals.length > 0 ? "changed" : "confirmed";
  const now = ctx.clock.now();
  const recorded = await ctx.store.transaction(async (tx) => {
    await completeInboxIn(tx, now);
    await tx.contactChecks.answer(check.id, kind, form, now);
    return proposeIn(ctx, tx, proposals, now);
  });
  ctx.log.info(
    { personId, checkId, answer: kind, proposed: recorded.length },
    "contact check answered",
  );
  if (recorded.length > 0) {
    try {
      await writeAmendedPlan(ctx);
    } catch (error) {
      // The amendments are stored; `npx ramp plan amendments` writes the copy again.
      ctx.log.error({ err: error }, "contact check: the patched plan copy could not be written");
    }
  }
  ctx.onCommitted?.();
  return { answer: kind, proposed: recorded.length, text: answerText(nl, kind, changed) };
}

function answerText(nl: boolean, kind: "confirmed" | "changed", changed: string[]): string {
  if (kind === "confirmed")
    return nl
      ? "Bedankt: uw contactgegevens zijn bevestigd."
      : "Thank you: your contact details are confirmed.";
  const what = changed.length > 0 ? ` (${changed.join(", ")})` : "";
  return nl
    ? `Bedankt. Uw wijziging${what} is voorgesteld aan wie het plan beheert; ze geldt vanaf de volgende versie van het plan, die u dan ontvangt.`
    : `Thank you. Your change${what} was proposed to the plan's maintainer; it applies from the next version of the plan, which you will then receive.`;
}
