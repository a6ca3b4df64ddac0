// Text for Adaptive Card TextBlocks as Teams reads it ("Format cards in Microsoft Teams"): a
// Markdown subset (bold, italic, lists, links), no HTML. Teams joins lines that a single newline
// separates, except inside a list, and drops anything that looks like an HTML tag, `<tekst>`
// included. So paragraphs are separated by a blank line, list items start with "- ", and a
// command's placeholder is written in italics: `@Ramp evaluatie _tekst_`.

/** Characters a TextBlock reads as Markdown. */
const MARKDOWN = /([\\*_[\]`~])/g;
/** `<…>`: a tag to Teams, removed with its contents. */
const ANGLED = /<([^<>\n]+)>/g;

/**
 * Text from people (names, titles, reasons) shown as typed: Markdown markers escaped, angle
 * brackets turned into ‹ › so Teams keeps what is between them, and each line its own paragraph.
 * Only Markdown markers are escaped: some Teams clients show other backslashes literally.
 */
export function plain(value: string): string {
  return lines(value)
    .filter((line) => line.trim() !== "")
    .map((line) => line.replace(MARKDOWN, "\\$1").replace(ANGLED, "‹$1›"))
    .join("\n\n");
}

/**
 * Text Ramp wrote (confirmations, notices, errors), line by line: lines starting with "•" or
 * "- " become a Markdown list, other lines paragraphs, `<placeholder>` italics.
 */
export function paragraphs(value: string): string {
  const blocks: string[] = [];
  let list: string[] = [];
  const endList = () => {
    if (list.length > 0) blocks.push(list.join("\n"));
    list = [];
  };
  for (const line of lines(value)) {
    const item = /^\s*(?:•|-)\s+(.*)$/.exec(line);
    if (item) {
      list.push(`- ${inline(item[1]!)}`);
      continue;
    }
    endList();
    if (line.trim() !== "") blocks.push(inline(line));
  }
  endList();
  return blocks.join("\n\n");
}

/** One line of Ramp's text: escaped, with `<placeholder>` in italics. */
export function inline(line: string): string {
  let out = "";
  let last = 0;
  for (const match of line.matchAll(ANGLED)) {
    out += escapeMarkdown(line.slice(last, match.index));
    out += `_${escapeMarkdown(match[1]!.trim())}_`;
    last = match.index + match[0].length;
  }
  return out + escapeMarkdown(line.slice(last));
}

function escapeMarkdown(value: string): string {
  return value.replace(MARKDOWN, "\\$1");
}

function lines(value: string): string[] {
  return value.replace(/\r\n?/g, "\n").split("\n");
}
