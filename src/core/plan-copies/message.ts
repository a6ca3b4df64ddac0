// The private message that brings a holder their copy of the plan (or reminds them to confirm
// it), as a notice every platform already renders; the link opens this holder's copy of this
// version only, where "Ontvangen" confirms it.

import type { EngineContext } from "../context.ts";
import type { Delivery, Notice } from "../model.ts";
import { confidentialityLine } from "../plan-document/copy-line.ts";

type CopyDelivery = Extract<Delivery, { type: "plan-copy" }>["copy"];

/** The notice for a queued copy, or null when the running plan is another version by now. */
export function planCopyNotice(ctx: EngineContext, copy: CopyDelivery): Notice | null {
  const { dir } = ctx;
  if (copy.planHash !== dir.planHash) return null; // the new version brings its own copies
  const holder = dir.person(copy.personId) ?? null;
  const nl = dir.locale === "nl";
  const link = ctx.planCopyLink?.(copy.planHash, copy.personId) ?? null;
  const line = confidentialityLine(dir.plan, holder, ctx.clock.now());
  const version = dir.plan.document.version;
  const open = link
    ? nl
      ? `Openen, afdrukken of als Word-document: ${link} — bevestig daar met "Ontvangen".`
      : `Open, print or download as Word: ${link} — confirm there with "Ontvangen" (received).`
    : nl
      ? "Open het op het crisisbord (Het plan op papier) en bevestig met /ramp bord."
      : "Open it on the crisis board (The plan on paper).";
  const text = copy.reminder
    ? nl
      ? `Herinnering: bevestig dat u uw exemplaar van het rampenplan, versie ${version}, ontvangen hebt. ${open}`
      : `Reminder: please confirm you received your copy of the crisis plan, version ${version}. ${open}`
    : nl
      ? `Uw exemplaar van het rampenplan, versie ${version} (${line}). Bewaar het buiten het gebouw, op papier of elektronisch, en neem het mee naar het contactadres. ${open}`
      : `Your copy of the crisis plan, version ${version} (${line}). Keep it outside the building, on paper or electronically, and bring it to the meeting address. ${open}`;
  return { kind: "plan-copy", incidentId: null, text, subjectId: copy.planHash };
}
