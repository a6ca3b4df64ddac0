// The review and the plan as Markdown (GitHub flavour): headings per section and question, pipe
// tables. Every piece of recorded text is escaped, so a log entry cannot turn into markup.
import type {
  DocumentModel,
  DocumentTable,
  ReviewAnswer,
  ReviewFact,
} from "../core/review/model.ts";

export function renderMarkdown(review: DocumentModel): string {
  const out: string[] = [];
  const { chrome } = review;
  // Markdown has no pages: the confidentiality line opens and closes the file.
  if (chrome.pageHeader) out.push(`**${inline(chrome.pageHeader)}**`, "");
  if (review.exercise) out.push(`> **${inline(review.exercise.text)}**`, "");
  out.push(`# ${inline(review.title)}`, "", inline(review.subtitle), "");
  for (const line of review.intro) out.push(inline(line), "");
  if (review.summary.length > 0) {
    out.push(`## ${inline(chrome.summaryTitle)}`, "");
    for (const fact of review.summary) out.push(factLine(fact, chrome.source));
    out.push("");
  }
  for (const section of review.sections) {
    out.push(`## ${inline(section.title)}`, "");
    for (const line of section.intro ?? []) out.push(inline(line), "");
    for (const answer of section.answers) answerBlock(out, answer, review);
    for (const table of section.tables) tableBlock(out, table, "###");
  }
  if (review.overviews.length > 0) {
    out.push(`## ${inline(chrome.overviewsTitle)}`, "");
    for (const table of review.overviews) tableBlock(out, table, "###");
  }
  if (review.decisions) {
    out.push(`## ${inline(review.decisions.title)}`, "");
    tableBlock(out, review.decisions.table, null);
  }
  if (review.appendix) {
    out.push(`## ${inline(review.appendix.title)}`, "");
    out.push(
      review.appendix.verification.ok
        ? inline(review.appendix.verification.text)
        : `**${inline(review.appendix.verification.text)}**`,
      "",
    );
    tableBlock(out, review.appendix.timeline, null);
  }
  out.push(`_${inline(chrome.generatedBy)}_`, "");
  if (chrome.pageHeader) out.push(`**${inline(chrome.pageHeader)}**`, "");
  return out.join("\n");
}

function answerBlock(out: string[], answer: ReviewAnswer, review: DocumentModel): void {
  const { chrome } = review;
  out.push(`### ${inline(answer.question)}`, "");
  answer.options.forEach((option, i) => {
    const chosen = answer.chosenOption === i;
    out.push(
      `- [${chosen ? "x" : " "}] ${inline(option)}${chosen ? ` _(${inline(chrome.chosen)})_` : ""}`,
    );
  });
  if (answer.options.length > 0) out.push("");
  for (const paragraph of answer.text) out.push(inline(paragraph), "");
  if (answer.facts.length > 0) {
    for (const fact of answer.facts) out.push(factLine(fact, chrome.source));
    out.push("");
  }
  if (answer.status !== "answered") {
    const note = answer.note ? ` ${inline(answer.note)}` : "";
    out.push(`> **${inline(chrome.statusLabel[answer.status])}.**${note}`, "");
  }
  for (const table of answer.tables ?? []) tableBlock(out, table, "####");
}

function factLine(fact: ReviewFact, source: string): string {
  const ref = fact.seq === undefined ? "" : ` _(${inline(source)} #${fact.seq})_`;
  return `- **${inline(fact.label)}:** ${inline(fact.value)}${ref}`;
}

function tableBlock(out: string[], table: DocumentTable, heading: string | null): void {
  if (heading) out.push(`${heading} ${inline(table.title)}`, "");
  if (table.rows.length === 0) {
    out.push(`_${inline(table.empty)}_`, "");
    return;
  }
  out.push(`| ${table.columns.map(cell).join(" | ")} |`);
  out.push(`| ${table.columns.map(() => "---").join(" | ")} |`);
  for (const row of table.rows) out.push(`| ${row.map(cell).join(" | ")} |`);
  out.push("");
}

const NEEDS_ESCAPING = /[\\`*_[\]<>|#~&\r\n]|^\s*([-+=]|\d+\.)(\s|$)/;

/** Characters Markdown would read as markup, escaped; line breaks become hard breaks. */
function inline(text: string): string {
  // Most text is plain; the check is cheaper than the replacements on a long timeline.
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>|#~&]/g, (c) => `\\${c}`)
        // Line starts that would open a list or an underlined heading.
        .replace(/^(\s*)([-+=])(?=\s|$)/, "$1\\$2")
        .replace(/^(\s*)(\d+)\.(?=\s|$)/, "$1$2\\."),
    )
    .join("  \n");
}

function cell(text: string): string {
  // A table cell is one line: hard breaks would end the row.
  return inline(text.replace(/\r?\n/g, " ")) || " ";
}
