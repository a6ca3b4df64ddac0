// Proposed plan amendments: a row per proposed change (a corrected value, or a note for the
// maintainer), a patched copy of the plan file with all open ones, and its diff. Ramp never
// writes the live file: the maintainer applies the copy and bumps the version (which hands out
// new copies); Ramp then sees the new value in the file and marks the amendment applied.

import { parseDocument } from "yaml";
import { contactValues, type PlanEdit, patchPlanText } from "../../plan/amend.ts";
import { unifiedDiff } from "../../plan/line-diff.ts";
import type { EngineContext } from "../context.ts";
import type { Repositories } from "../ports.ts";
import { formatDateTime } from "../time.ts";
import { amendmentNotice } from "./amendment-notice.ts";
import { FIELD_LABELS, SOURCE_LABELS } from "./labels.ts";
import type { AmendmentSource, ContactField, PlanAmendment } from "./model.ts";

export interface Proposal {
  source: AmendmentSource;
  sourceId: string;
  personId: string;
  field: ContactField | "note";
  newValue?: string | null;
  note?: string | null;
}

/**
 * Records proposals (each once per source) and, with them, a private message to the coordinator
 * about those this call recorded (outside a real incident); returns them.
 */
export async function proposeIn(
  ctx: EngineContext,
  tx: Repositories,
  proposals: Proposal[],
  now: Date,
): Promise<PlanAmendment[]> {
  const recorded: PlanAmendment[] = [];
  const person = (id: string) => ctx.dir.person(id);
  for (const p of proposals) {
    const current = p.field === "note" ? null : (person(p.personId)?.[p.field] ?? null);
    const amendment: PlanAmendment = {
      id: ctx.ids.next(),
      source: p.source,
      sourceId: p.sourceId,
      personId: p.personId,
      field: p.field,
      oldValue: current,
      newValue: p.newValue ?? null,
      note: p.note ?? null,
      planHash: ctx.dir.planHash,
      planVersion: ctx.dir.plan.document.version,
      status: "open",
      createdAt: now,
      resolvedAt: null,
    };
    if (await tx.amendments.propose(amendment)) recorded.push(amendment);
  }
  // Not in the middle of a real incident: the coordinator has other things to do then, and a
  // refused number was already told as such. The readiness page shows the proposal afterwards.
  const organisation = ctx.dir.plan.organisation.id;
  const busy = async () => (await tx.incidents.listActive(organisation)).some((i) => !i.exercise);
  if (recorded.length > 0 && !(await busy()))
    await tx.outbox.enqueue(amendmentNotice(ctx, recorded, now));
  return recorded;
}

/**
 * The plan file's edits for the open amendments: the newest value per person and field, and the
 * notes (a row without a new value: about its field, or about the person when the field is "note").
 */
export function editsOf(amendments: readonly PlanAmendment[]): PlanEdit[] {
  const values = new Map<string, PlanEdit>();
  const notes: PlanEdit[] = [];
  for (const a of amendments) {
    if (a.newValue && a.field !== "note") {
      values.set(`${a.personId}:${a.field}`, {
        personId: a.personId,
        field: a.field,
        value: a.newValue,
      });
    } else if (a.note) {
      const about = a.field === "note" ? null : a.field;
      notes.push({ personId: a.personId, field: "note", value: a.note, about });
    }
  }
  return [...values.values(), ...notes];
}

export interface AmendedPlan {
  /** The open amendments in the copy. */
  amendments: PlanAmendment[];
  /** The patched copy's text (the live text when nothing is open). */
  text: string;
  /** Unified diff from the live file to the copy; empty when nothing changes. */
  diff: string;
  /** Amendments that found no place in the file (a person no longer in it). */
  skipped: PlanAmendment[];
}

export function amendedPlan(
  liveText: string,
  amendments: PlanAmendment[],
  names: { from: string; to: string },
): AmendedPlan {
  const edits = editsOf(amendments);
  const { text, skipped } = patchPlanText(liveText, edits);
  const gone = new Set(skipped.map((e) => e.personId));
  return {
    amendments,
    text,
    diff: unifiedDiff(liveText, text, names),
    skipped: amendments.filter((a) => gone.has(a.personId)),
  };
}

/**
 * Marks applied what the maintainer has put in the file: a value now in the live file, a note
 * once the file's version is no longer the one it was proposed against. Returns how many.
 */
export async function settleAmendments(
  store: Repositories,
  liveText: string,
  now: Date,
): Promise<number> {
  const open = await store.amendments.listOpen();
  if (open.length === 0) return 0;
  const values = contactValues(liveText);
  const version = String(parseDocument(liveText).getIn(["document", "version"]) ?? "");
  let settled = 0;
  for (const a of open) {
    const live = a.field === "note" ? undefined : values.get(a.personId)?.[a.field];
    const bumped = version !== "" && version !== a.planVersion;
    const applied = a.newValue
      ? live === a.newValue
      : // A note: handled once its value was changed, or the maintainer made a new version.
        bumped || (a.field !== "note" && (live ?? null) !== a.oldValue);
    if (applied && (await store.amendments.resolve(a.id, "applied", now))) settled += 1;
  }
  return settled;
}

/** Writes the patched copy beside the live plan file (never over it); null without a file. */
export async function writeAmendedPlan(ctx: EngineContext): Promise<string | null> {
  const file = ctx.planFile;
  if (!file) return null;
  const live = await file.read();
  await settleAmendments(ctx.store, live, ctx.clock.now());
  const open = await ctx.store.amendments.listOpen();
  if (open.length === 0) return null;
  const { text } = amendedPlan(live, open, { from: file.path, to: file.path });
  return file.writeAmended(text);
}

/** An open amendment as the board and the command line show it. */
export interface AmendmentView {
  id: string;
  personId: string;
  name: string;
  source: AmendmentSource;
  sourceLabel: string;
  field: ContactField | "note";
  fieldLabel: string;
  oldValue: string | null;
  newValue: string | null;
  note: string | null;
  proposedAt: Date;
  proposedAtText: string;
}

/** The proposed amendments not applied or dismissed yet, oldest first (for the readiness page). */
export async function openAmendments(ctx: EngineContext): Promise<AmendmentView[]> {
  const nl = ctx.dir.locale === "nl";
  const rows = await ctx.store.amendments.listOpen();
  return rows.map((a) => ({
    id: a.id,
    personId: a.personId,
    name: ctx.dir.name(a.personId),
    source: a.source,
    sourceLabel: SOURCE_LABELS[a.source][nl ? 0 : 1],
    field: a.field,
    fieldLabel: FIELD_LABELS[a.field][nl ? 0 : 1],
    oldValue: a.oldValue,
    newValue: a.newValue,
    note: a.note,
    proposedAt: a.createdAt,
    proposedAtText: formatDateTime(a.createdAt, ctx.dir.locale, ctx.dir.timeZone),
  }));
}
