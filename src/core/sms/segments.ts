// How many SMS segments a text takes, and a text cut to fit: a reply must stay within two.
// GSM 03.38: 160 characters in one segment, 153 each when concatenated; the extension table's
// characters (€, [, ], {, }, …) take two. Any other character makes the whole text UCS-2:
// 70 in one segment, 67 each when concatenated (a character outside the BMP takes two).

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export interface SegmentCount {
  encoding: "GSM-7" | "UCS-2";
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  segments: number;
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENDED.has(ch)) return false;
  return true;
}

export function countSegments(text: string): SegmentCount {
  if (isGsm7(text)) {
    let units = 0;
    for (const ch of text) units += EXTENDED.has(ch) ? 2 : 1;
    return { encoding: "GSM-7", units, segments: segmentsFor(units, 160, 153) };
  }
  return { encoding: "UCS-2", units: text.length, segments: segmentsFor(text.length, 70, 67) };
}

function segmentsFor(units: number, single: number, each: number): number {
  if (units === 0) return 1;
  return units <= single ? 1 : Math.ceil(units / each);
}

/**
 * The text made to fit `max` segments: typographic quotes and dashes become their GSM-7 twins
 * first (an "—" alone would halve the room), then the end is cut at a word with "…"
 * (or "..." when that keeps the text GSM-7).
 */
export function fitSegments(text: string, max = 2): string {
  const plain = toGsm(text);
  if (countSegments(plain).segments <= max) return plain;
  const gsm = isGsm7(plain);
  const ellipsis = gsm ? "..." : "…";
  const words = plain.split(" ");
  while (words.length > 1) {
    words.pop();
    const cut = `${words.join(" ").replace(/[\s,;:.-]+$/, "")}${ellipsis}`;
    if (countSegments(cut).segments <= max) return cut;
  }
  // One long word: cut by characters.
  let cut = plain;
  while (cut.length > 0 && countSegments(`${cut}${ellipsis}`).segments > max)
    cut = cut.slice(0, -1);
  return `${cut}${ellipsis}`;
}

const TWINS: Record<string, string> = {
  "—": "-",
  "–": "-",
  "‘": "'",
  "’": "'",
  "“": '"',
  "”": '"',
  "„": '"',
  "…": "...",
  "•": "-",
  "·": "-",
  "\u00a0": " ",
  ë: "e",
  ï: "i",
  ê: "e",
  ô: "o",
  û: "u",
  â: "a",
  î: "i",
  ç: "c",
  á: "a",
  í: "i",
  ó: "o",
  ú: "u",
};

/** Common characters outside GSM-7 replaced by their nearest GSM-7 form (Dutch names keep their sense). */
export function toGsm(text: string): string {
  let out = "";
  for (const ch of text) out += BASIC.has(ch) || EXTENDED.has(ch) ? ch : (TWINS[ch] ?? ch);
  return out;
}
