// What people type for a service or a location: its id, its display name, or the start of
// either — any case, with or without accents, several words. One unambiguous match wins; more
// than one is answered with the candidates, none with the known ones.
import { RampError } from "./errors.ts";

export interface Named {
  id: string;
  name: string;
}

/** What is being named, for the error: "dienst"/"service", "uitwijklocatie"/"fallback location". */
export interface NameKind {
  nl: string;
  en: string;
}

export type NameMatch<T extends Named> =
  | { kind: "found"; item: T }
  | { kind: "ambiguous"; candidates: T[] }
  | { kind: "unknown" };

/** Lower case, accents off, every run of other characters one space: "Ter-Heide – zaal" → "ter heide zaal". */
export function normaliseName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function matchName<T extends Named>(items: readonly T[], query: string): NameMatch<T> {
  const q = normaliseName(query);
  if (!q) return { kind: "unknown" };
  const keys = items.map((item) => ({
    item,
    id: normaliseName(item.id),
    name: normaliseName(item.name),
  }));
  const pick = (found: T[]): NameMatch<T> | null =>
    found.length === 1
      ? { kind: "found", item: found[0]! }
      : found.length > 1
        ? { kind: "ambiguous", candidates: found }
        : null;
  const exact = keys.filter((k) => k.id === q || k.name === q).map((k) => k.item);
  const prefix = keys.filter((k) => k.id.startsWith(q) || k.name.startsWith(q)).map((k) => k.item);
  // "keuken" or "ter heide": each typed word starts a word of the name, in order.
  const words = q.split(" ");
  const wordPrefix = keys
    .filter((k) => wordsStart(`${k.name} ${k.id}`.split(" "), words))
    .map((k) => k.item);
  return pick(exact) ?? pick(prefix) ?? pick(wordPrefix) ?? { kind: "unknown" };
}

function wordsStart(nameWords: string[], typed: string[]): boolean {
  let at = 0;
  for (const word of typed) {
    while (at < nameWords.length && !nameWords[at]!.startsWith(word)) at += 1;
    if (at === nameWords.length) return false;
    at += 1;
  }
  return true;
}

/** The one item `query` names, or a RampError that lists the candidates or the known items. */
export function resolveByName<T extends Named>(
  items: readonly T[],
  query: string,
  kind: NameKind,
  unknown: (known: string) => RampError,
): T {
  const match = matchName(items, query);
  if (match.kind === "found") return match.item;
  if (match.kind === "ambiguous") {
    throw new RampError("name-ambiguous", {
      query: query.trim(),
      kind: kind.nl,
      kindEn: kind.en,
      candidates: listed(match.candidates),
    });
  }
  throw unknown(listed(items));
}

/**
 * The item named by the first words of `text`, and the words after it (e.g. `besluit A ter
 * heide gebouw onbruikbaar`: the location, then the reason). The longest run of words that
 * names exactly one item wins.
 */
export function resolveLeadingName<T extends Named>(
  items: readonly T[],
  text: string,
  kind: NameKind,
  unknown: (query: string, known: string) => RampError,
): { item: T; rest: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let ambiguous: { query: string; candidates: T[] } | null = null;
  for (let n = words.length; n > 0; n--) {
    const query = words.slice(0, n).join(" ");
    const match = matchName(items, query);
    if (match.kind === "found") return { item: match.item, rest: words.slice(n).join(" ") };
    if (match.kind === "ambiguous" && !ambiguous)
      ambiguous = { query, candidates: match.candidates };
  }
  if (ambiguous) {
    throw new RampError("name-ambiguous", {
      query: ambiguous.query,
      kind: kind.nl,
      kindEn: kind.en,
      candidates: listed(ambiguous.candidates),
    });
  }
  throw unknown(words[0] ?? "", listed(items));
}

/** "Sociale dienst (sociale-dienst); Verhuur residentie (verhuur-residentie)": names have commas. */
function listed(items: readonly Named[]): string {
  return items.map((i) => (i.name === i.id ? i.id : `${i.name} (${i.id})`)).join("; ");
}
