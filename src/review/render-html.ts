// The review and the plan as one self-contained HTML page: no scripts, no external styles or fonts, so it
// can be mailed, archived and printed as is. Headings follow the document's outline (h1 title,
// h2 sections, h3 questions), tables have captions and column headers, and every piece of
// recorded text is escaped.
import type {
  DocumentModel,
  DocumentTable,
  ReviewAnswer,
  ReviewFact,
} from "../core/review/model.ts";

const STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, "Segoe UI", Arial, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
.exercise { background: #fff3cd; border: 3px solid #b45309; color: #7c2d12; padding: .6rem 1rem; font-size: 1.2rem; text-align: center; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #1f4e79; padding-bottom: .2rem; color: #1f4e79; }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.subtitle { margin-top: 0; color: #444; }
.intro { color: #333; }
ul.facts { margin: .3rem 0; padding-left: 1.2rem; }
ul.options { list-style: none; padding-left: 0; margin: .3rem 0; }
ul.options li.chosen { font-weight: bold; }
.chosen-note, .ref { color: #555; font-size: .9em; }
.status { border-left: 4px solid #c77c02; background: #fff7e6; padding: .3rem .6rem; margin: .4rem 0; }
.status.open { border-color: #b00020; background: #fdecee; }
.broken { color: #b00020; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .9em; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border: 1px solid #bbb; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
.empty { font-style: italic; color: #555; }
footer { margin-top: 2rem; color: #555; font-size: .9em; }
nav.downloads { margin: 0 0 1rem; padding: .4rem .6rem; background: #eef3f8; border-radius: 4px; }
nav.downloads a { margin-right: 1rem; font-weight: bold; }
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .status { background: none; }
  nav.downloads { display: none; }
}
.page-header { font-weight: bold; color: #8a1c1c; border: 1px solid #8a1c1c; padding: .2rem .5rem; margin: .5rem 0; }
`;

/** The crisis card: one A4 page, small type, two columns. */
const CARD_STYLE = `
body.card { font-size: 9pt; line-height: 1.3; max-width: 50rem; }
body.card h1 { font-size: 1.2rem; }
body.card h2 { font-size: 1rem; margin-top: .8rem; }
body.card h3 { font-size: .9rem; margin: .5rem 0 .2rem; }
body.card table { margin: .3rem 0 .5rem; }
body.card th, body.card td { padding: .1rem .3rem; }
@media print {
  body.card { font-size: 7.5pt; }
  body.card main { columns: 2; column-gap: 6mm; }
  body.card section { break-inside: avoid-column; }
}
`;

/** Print margin boxes repeat the line on every page where the browser supports them (Chromium). */
function pageHeaderStyle(line: string, card: boolean): string {
  const value = cssString(line);
  return `@page { ${card ? "margin: 10mm 10mm;" : ""} @top-center { content: ${value}; font: bold 9pt system-ui, Arial, sans-serif; color: #8a1c1c; } @bottom-center { content: ${value}; font: 8pt system-ui, Arial, sans-serif; color: #8a1c1c; } }`;
}

/** A CSS string literal that no text can break out of (quotes, backslashes, `</style>`). */
function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} .,:;()—–'/+-]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

/** Where the page is served, links to the same review in other formats (not printed). */
export interface HtmlOptions {
  downloads?: { label: string; links: Array<{ href: string; label: string }> };
}

export function renderHtml(review: DocumentModel, options: HtmlOptions = {}): string {
  const { chrome } = review;
  const { downloads } = options;
  const card = review.layout === "card";
  const pageHeader = chrome.pageHeader
    ? `<p class="page-header" role="note">${esc(chrome.pageHeader)}</p>`
    : null;
  const parts: string[] = [
    "<!doctype html>",
    `<html lang="${review.locale}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(review.title)}</title>`,
    `<style>${STYLE}${card ? CARD_STYLE : ""}${chrome.pageHeader ? pageHeaderStyle(chrome.pageHeader, card) : ""}</style>`,
    "</head>",
    card ? '<body class="card">' : "<body>",
    ...(downloads
      ? [
          `<nav class="downloads" aria-label="${esc(downloads.label)}">${downloads.links.map((l) => `<a href="${esc(l.href)}" download>${esc(l.label)}</a>`).join("")}</nav>`,
        ]
      : []),
    "<header>",
    ...(pageHeader ? [pageHeader] : []),
    ...(review.exercise
      ? [`<p class="exercise" role="note"><strong>${esc(review.exercise.text)}</strong></p>`]
      : []),
    `<h1>${esc(review.title)}</h1>`,
    `<p class="subtitle">${esc(review.subtitle)}</p>`,
    ...review.intro.map((line) => `<p class="intro">${esc(line)}</p>`),
    "</header>",
    "<main>",
  ];
  if (review.summary.length > 0) {
    parts.push(
      `<section aria-labelledby="summary"><h2 id="summary">${esc(chrome.summaryTitle)}</h2>`,
      facts(review.summary, chrome.source),
      "</section>",
    );
  }
  for (const section of review.sections) {
    const id = `section-${slug(section.id)}`;
    parts.push(`<section aria-labelledby="${id}"><h2 id="${id}">${esc(section.title)}</h2>`);
    for (const line of section.intro ?? []) parts.push(`<p>${esc(line)}</p>`);
    for (const answer of section.answers) parts.push(answerHtml(answer, review));
    for (const t of section.tables) parts.push(table(t));
    parts.push("</section>");
  }
  if (review.overviews.length > 0) {
    parts.push(
      `<section aria-labelledby="overviews"><h2 id="overviews">${esc(chrome.overviewsTitle)}</h2>`,
      ...review.overviews.map(table),
      "</section>",
    );
  }
  if (review.decisions) {
    parts.push(
      `<section aria-labelledby="decisions"><h2 id="decisions">${esc(review.decisions.title)}</h2>`,
      table(review.decisions.table),
      "</section>",
    );
  }
  if (review.appendix) {
    parts.push(
      `<section aria-labelledby="appendix"><h2 id="appendix">${esc(review.appendix.title)}</h2>`,
      `<p${review.appendix.verification.ok ? "" : ' class="broken" role="alert"'}>${esc(review.appendix.verification.text)}</p>`,
      table(review.appendix.timeline),
      "</section>",
    );
  }
  parts.push(
    "</main>",
    `<footer>${esc(chrome.generatedBy)}${pageHeader ? `\n${pageHeader}` : ""}</footer>`,
    "</body>",
    "</html>",
    "",
  );
  return parts.join("\n");
}

function answerHtml(answer: ReviewAnswer, review: DocumentModel): string {
  const { chrome } = review;
  const id = `q-${slug(answer.questionId)}`;
  const out = [`<article aria-labelledby="${id}">`, `<h3 id="${id}">${esc(answer.question)}</h3>`];
  if (answer.options.length > 0) {
    out.push('<ul class="options">');
    answer.options.forEach((option, i) => {
      const chosen = answer.chosenOption === i;
      // The box is decoration; the note after the chosen option says it in words.
      out.push(
        chosen
          ? `<li class="chosen"><span aria-hidden="true">&#x2612;</span> ${esc(option)} <span class="chosen-note">(${esc(chrome.chosen)})</span></li>`
          : `<li><span aria-hidden="true">&#x2610;</span> ${esc(option)}</li>`,
      );
    });
    out.push("</ul>");
  }
  for (const paragraph of answer.text) out.push(`<p>${esc(paragraph)}</p>`);
  if (answer.facts.length > 0) out.push(facts(answer.facts, chrome.source));
  if (answer.status !== "answered") {
    const note = answer.note ? ` ${esc(answer.note)}` : "";
    out.push(
      `<p class="status ${answer.status}"><strong>${esc(chrome.statusLabel[answer.status])}.</strong>${note}</p>`,
    );
  }
  for (const t of answer.tables ?? []) out.push(table(t));
  out.push("</article>");
  return out.join("\n");
}

function facts(list: ReviewFact[], source: string): string {
  const items = list.map((fact) => {
    const ref =
      fact.seq === undefined ? "" : ` <span class="ref">(${esc(source)} #${fact.seq})</span>`;
    return `<li><strong>${esc(fact.label)}:</strong> ${esc(fact.value)}${ref}</li>`;
  });
  return `<ul class="facts">\n${items.join("\n")}\n</ul>`;
}

function table(t: DocumentTable): string {
  if (t.rows.length === 0) {
    return `<p class="empty"><strong>${esc(t.title)}:</strong> ${esc(t.empty)}</p>`;
  }
  const head = t.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join("");
  const body = t.rows.map((row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`);
  return [
    "<table>",
    `<caption>${esc(t.title)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    "<tbody>",
    ...body,
    "</tbody>",
    "</table>",
  ].join("\n");
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Ids in the plan are already [a-z0-9-]; anything else is dropped to keep attributes safe. */
function slug(id: string): string {
  return id.replace(/[^a-z0-9-]/gi, "");
}
