// Free-text entries on the timeline (`/ramp log`), tagged so the review can place them,
// and corrections: a new entry pointing at the old one, never an edit in place.
import { type Actor, actorId } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import { RampError, requiredText } from "./errors.ts";
import { LOG_TAGS, type LogTag, type TimelineEntry } from "./model.ts";
import { onIncident, requireKnown } from "./run.ts";

/** A word that looks meant as a tag: # and a letter, then letters, digits or hyphens ("#3" is not). */
const TAG_LIKE = /^#\p{L}[\p{L}\p{N}_-]*$/u;

/**
 * "#oorzaak Stroompanne in de serverruimte" → the known #tags anywhere in the text become tags.
 * A #word that is no known tag stays in the text and is named in `unknownTags`, so the reply
 * can say so (a typo like #oorzak would otherwise leave the entry untagged without a word).
 */
export function parseLogText(raw: string): {
  text: string;
  tags: LogTag[];
  unknownTags: string[];
} {
  const tags = new Set<LogTag>();
  const unknown = new Set<string>();
  const words = raw.trim().split(/\s+/);
  const kept = words.filter((word) => {
    const tag = word.startsWith("#") ? word.slice(1).toLowerCase() : null;
    if (tag && (LOG_TAGS as readonly string[]).includes(tag)) {
      tags.add(tag as LogTag);
      return false;
    }
    if (TAG_LIKE.test(word)) unknown.add(word);
    return true;
  });
  return { text: kept.join(" "), tags: [...tags], unknownTags: [...unknown] };
}

export async function addLogEntry(
  ctx: EngineContext,
  actor: Actor,
  incidentId: string,
  text: string,
  tags: string[] = [],
): Promise<TimelineEntry> {
  requireKnown(ctx, actor);
  const body = requiredText(text, "log", {
    nl: "schrijf wat er gebeurde, bv. /ramp log #externe-communicatie Persbericht verstuurd.",
    en: "write what happened, e.g. /ramp log #externe-communicatie Press release sent.",
  });
  const unknown = tags.filter((t) => !(LOG_TAGS as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw new RampError("invalid-input", {
      field: "tags",
      nl: `onbekende tag ${unknown.join(", ")}; gebruik ${LOG_TAGS.join(", ")}.`,
      en: `unknown tag ${unknown.join(", ")}; use ${LOG_TAGS.join(", ")}.`,
    });
  }
  return onIncident(ctx, incidentId, async (work) => {
    work.record({
      type: "log",
      actorId: actorId(actor),
      source: actor.source,
      data: { text: body },
      tags,
    });
    await work.flush();
    return work.written.at(-1)!;
  });
}

export async function correctEntry(
  ctx: EngineContext,
  actor: Actor,
  incidentId: string,
  entryId: string,
  text: string,
): Promise<TimelineEntry> {
  requireKnown(ctx, actor);
  return onIncident(ctx, incidentId, async (work, _incident, tx) => {
    const original = await tx.timeline.get(entryId);
    if (!original || original.incidentId !== incidentId) throw new RampError("entry-not-found");
    const body = text.trim();
    if (!body) {
      throw new RampError("invalid-input", {
        field: "correctie",
        nl: "schrijf de juiste tekst.",
        en: "write the correct text.",
      });
    }
    work.record({
      type: "correction",
      actorId: actorId(actor),
      source: actor.source,
      data: { text: body, corrects: { seq: original.seq, type: original.type } },
      tags: original.tags,
      correctsId: original.id,
    });
    await work.flush();
    return work.written.at(-1)!;
  });
}
