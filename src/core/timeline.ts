// The append-only timeline with a hash chain: each entry carries the hash of its predecessor,
// so an edited, removed or reordered entry shows up when the chain is verified.
import { createHash } from "node:crypto";
import type { Source, TimelineEntry, TimelineType } from "./model.ts";
import type { IdGenerator, TimelineRepository } from "./ports.ts";

export interface NewEntry {
  type: TimelineType;
  actorId: string | null;
  source: Source;
  data?: Record<string, unknown>;
  tags?: string[];
  correctsId?: string | null;
}

export function genesisHash(incidentId: string): string {
  return sha256(`ramp-timeline:${incidentId}`);
}

export function entryHash(entry: Omit<TimelineEntry, "hash">): string {
  const content = canonical({
    incidentId: entry.incidentId,
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    source: entry.source,
    type: entry.type,
    data: entry.data,
    tags: entry.tags,
    correctsId: entry.correctsId,
    prevHash: entry.prevHash,
  });
  return sha256(content);
}

/**
 * Appends in the caller's transaction. The caller holds the incident lock, so `last` is the head
 * of the chain and the unique (incident, seq) index is a second guard, not the main one.
 */
export async function appendEntries(
  repo: TimelineRepository,
  ids: IdGenerator,
  incidentId: string,
  at: Date,
  entries: NewEntry[],
): Promise<TimelineEntry[]> {
  if (entries.length === 0) return [];
  const head = await repo.last(incidentId);
  let seq = head ? head.seq : 0;
  let prevHash = head ? head.hash : genesisHash(incidentId);
  const written: TimelineEntry[] = [];
  for (const input of entries) {
    seq += 1;
    const draft = {
      id: ids.next(),
      incidentId,
      seq,
      at,
      actorId: input.actorId,
      source: input.source,
      type: input.type,
      data: input.data ?? {},
      tags: input.tags ?? [],
      correctsId: input.correctsId ?? null,
      prevHash,
    };
    const entry: TimelineEntry = { ...draft, hash: entryHash(draft) };
    written.push(entry);
    prevHash = entry.hash;
  }
  if (written.length > 0) await repo.insertMany(written);
  return written;
}

export interface ChainVerification {
  ok: boolean;
  entries: number;
  /** The first entry that does not fit the chain, and why. */
  brokenAt?: { seq: number; reason: "hash" | "link" | "sequence" | "seal" };
  headHash: string;
}

export function verifyChain(
  incidentId: string,
  entries: TimelineEntry[],
  sealHash: string | null,
): ChainVerification {
  let prevHash = genesisHash(incidentId);
  let expectedSeq = 1;
  for (const entry of entries) {
    const broken = (
      reason: NonNullable<ChainVerification["brokenAt"]>["reason"],
    ): ChainVerification => ({
      ok: false,
      entries: entries.length,
      brokenAt: { seq: entry.seq, reason },
      headHash: prevHash,
    });
    if (entry.seq !== expectedSeq) return broken("sequence");
    if (entry.prevHash !== prevHash) return broken("link");
    const { hash, ...rest } = entry;
    if (entryHash(rest) !== hash) return broken("hash");
    prevHash = hash;
    expectedSeq += 1;
  }
  if (sealHash !== null && sealHash !== prevHash) {
    return {
      ok: false,
      entries: entries.length,
      brokenAt: { seq: expectedSeq - 1, reason: "seal" },
      headHash: prevHash,
    };
  }
  return { ok: true, entries: entries.length, headHash: prevHash };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** JSON with sorted keys, so the hash does not depend on property order after a round trip. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  // Loops rather than entries/filter/sort/map: every entry of a batch is hashed.
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + canonical(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = "{";
  // The default sort compares UTF-16 code units, as `<` does.
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${out.length > 1 ? "," : ""}${JSON.stringify(key)}:${canonical(v)}`;
  }
  return `${out}}`;
}
