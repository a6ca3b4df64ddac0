// A proposed plan amendment written into a copy of the plan file: the yaml package's Document
// API finds each value's place in the text, and only that value's characters are replaced (or a
// line inserted), so the copy keeps every comment, blank line, quote style and flow map of the
// original and its diff touches nothing else. The live plan file is never written here.
import { isMap, isScalar, isSeq, parseDocument, Scalar, type YAMLMap } from "yaml";

/** The contact details a person can correct themselves. */
export const CONTACT_FIELDS = ["mobile", "phone", "email"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface PlanEdit {
  personId: string;
  /** A value to set, or "note": a comment line for the maintainer (nothing changes). */
  field: ContactField | "note";
  /** The new value (fields), or the comment's text (notes). */
  value: string;
  /** For notes: the field the comment goes above, when the person has it. */
  about?: ContactField | null;
}

export interface PatchResult {
  text: string;
  /** Edits that found no place (a person no longer in the plan). */
  skipped: PlanEdit[];
}

interface Splice {
  at: number;
  end: number;
  insert: string;
}

export function patchPlanText(source: string, edits: readonly PlanEdit[]): PatchResult {
  const doc = parseDocument(source, { keepSourceTokens: false });
  if (doc.errors.length > 0) throw new Error(`the plan file is not valid YAML: ${doc.errors[0]}`);
  const people = doc.get("people", true);
  const byId = new Map<string, YAMLMap>();
  if (isSeq(people))
    for (const item of people.items)
      if (isMap(item)) {
        const id = item.get("id");
        if (typeof id === "string") byId.set(id, item);
      }
  const splices: Splice[] = [];
  const skipped: PlanEdit[] = [];
  for (const edit of edits) {
    const person = byId.get(edit.personId);
    if (!person?.range) {
      skipped.push(edit);
      continue;
    }
    splices.push(
      edit.field === "note" ? noteSplice(source, person, edit) : valueSplice(source, person, edit),
    );
  }
  // From the end backwards, so earlier offsets stay valid.
  splices.sort((a, b) => b.at - a.at);
  let text = source;
  for (const s of splices) text = text.slice(0, s.at) + s.insert + text.slice(s.end);
  verify(text, edits, skipped);
  return { text, skipped };
}

function valueSplice(source: string, person: YAMLMap, edit: PlanEdit): Splice {
  const pair = person.items.find((p) => isScalar(p.key) && p.key.value === edit.field);
  const node = pair?.value;
  if (isScalar(node) && node.range) {
    const [at, end] = node.range;
    return { at, end, insert: scalarText(edit.value, node.type) };
  }
  const last = person.items.at(-1);
  const lastEnd =
    (isScalar(last?.value) || isMap(last?.value) || isSeq(last?.value)
      ? last.value.range?.[1]
      : undefined) ?? person.range![1];
  const entry = `${edit.field}: ${scalarText(edit.value, Scalar.PLAIN)}`;
  if (person.flow) return { at: lastEnd, end: lastEnd, insert: `, ${entry}` };
  const firstKey = person.items[0]?.key;
  const keyAt = isScalar(firstKey) && firstKey.range ? firstKey.range[0] : person.range![0];
  const indent = keyAt - (source.lastIndexOf("\n", keyAt - 1) + 1);
  const lineEnd = endOfLine(source, lastEnd);
  return { at: lineEnd, end: lineEnd, insert: `\n${" ".repeat(indent)}${entry}` };
}

function noteSplice(source: string, person: YAMLMap, edit: PlanEdit): Splice {
  const pair = edit.about
    ? person.items.find((p) => isScalar(p.key) && p.key.value === edit.about)
    : undefined;
  const target = isScalar(pair?.key) && pair.key.range ? pair.key.range[0] : person.range![0];
  const lineStart = source.lastIndexOf("\n", target - 1) + 1;
  const indent = /^[ ]*/.exec(source.slice(lineStart))![0];
  const comment = edit.value.replace(/\s+/g, " ").trim();
  return { at: lineStart, end: lineStart, insert: `${indent}# Ramp: ${comment}\n` };
}

function endOfLine(source: string, from: number): number {
  const newline = source.indexOf("\n", from);
  const end = newline === -1 ? source.length : newline;
  // A trailing comment on the line stays after the inserted line's predecessor.
  return source[end - 1] === "\r" ? end - 1 : end;
}

/** The value written the way the original was (plain, single or double quoted), if it reads back the same. */
function scalarText(value: string, type: Scalar["type"]): string {
  const candidates =
    type === Scalar.QUOTE_SINGLE
      ? [`'${value.replace(/'/g, "''")}'`]
      : type === Scalar.QUOTE_DOUBLE
        ? []
        : [value];
  for (const text of candidates) if (readsBack(text, value)) return text;
  return JSON.stringify(value);
}

function readsBack(text: string, value: string): boolean {
  const doc = parseDocument(`v: ${text}\n`);
  return doc.errors.length === 0 && doc.get("v") === value;
}

function verify(text: string, edits: readonly PlanEdit[], skipped: PlanEdit[]): void {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`patching the plan broke its YAML: ${doc.errors[0]}`);
  const people = doc.toJS().people as Array<Record<string, unknown>>;
  for (const edit of edits) {
    if (edit.field === "note" || skipped.includes(edit)) continue;
    const person = people.find((p) => p.id === edit.personId);
    if (person?.[edit.field] !== edit.value)
      throw new Error(`patching ${edit.personId}.${edit.field} did not take`);
  }
}

/** The person's current value of a contact field in a plan file's text (for "applied?"). */
export function contactValues(source: string): Map<string, Partial<Record<ContactField, string>>> {
  const people = (parseDocument(source).toJS()?.people ?? []) as Array<Record<string, unknown>>;
  const values = new Map<string, Partial<Record<ContactField, string>>>();
  for (const person of people) {
    if (typeof person.id !== "string") continue;
    const entry: Partial<Record<ContactField, string>> = {};
    for (const field of CONTACT_FIELDS)
      if (typeof person[field] === "string") entry[field] = person[field] as string;
    values.set(person.id, entry);
  }
  return values;
}
