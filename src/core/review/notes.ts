// What the team wrote with /ramp log, as last corrected, grouped by tag: the review places
// #oorzaak under the cause, #preventie under prevention, and so on.
import type { LogTag } from "../model.ts";
import { correctedText, type TimelineIndex } from "./timeline-index.ts";

export interface Note {
  seq: number;
  at: Date;
  actorId: string | null;
  text: string;
  tags: string[];
  /** When the text was corrected, if it was. */
  correctedAt: Date | null;
}

export interface Notes {
  all: Note[];
  tagged(tag: LogTag): Note[];
  untagged: Note[];
}

export function collectNotes(index: TimelineIndex): Notes {
  const all: Note[] = index.logs.map((entry) => {
    const { text, correction } = correctedText(index, entry);
    return {
      seq: entry.seq,
      at: entry.at,
      actorId: entry.actorId,
      text,
      tags: entry.tags,
      correctedAt: correction?.at ?? null,
    };
  });
  const byTag = new Map<string, Note[]>();
  for (const note of all) {
    for (const tag of note.tags) {
      const list = byTag.get(tag);
      if (list) list.push(note);
      else byTag.set(tag, [note]);
    }
  }
  return {
    all,
    tagged: (tag) => byTag.get(tag) ?? [],
    untagged: all.filter((n) => n.tags.length === 0),
  };
}
