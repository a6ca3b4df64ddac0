// The review and the plan as a Word document (.docx), the format the municipality files its plan and its
// reviews in: title, headings per section and question (so Word's navigation pane and table of
// contents work), tables with a repeating header row, page numbers in the footer.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type {
  DocumentModel,
  DocumentTable,
  ReviewAnswer,
  ReviewFact,
} from "../core/review/model.ts";

type Block = Paragraph | Table;

const TIMELINE_STYLE = "RampTimeline";

/** The crisis card fits on one page: headings barely larger than the text. */
const CARD_HEADINGS = {
  title: { run: { size: 28, bold: true }, paragraph: { spacing: { after: 60 } } },
  heading1: { run: { size: 20, bold: true }, paragraph: { spacing: { before: 120, after: 40 } } },
  heading2: { run: { size: 17, bold: true }, paragraph: { spacing: { before: 60, after: 20 } } },
};

export async function renderDocx(review: DocumentModel): Promise<Buffer> {
  const { chrome } = review;
  const card = review.layout === "card";
  const pageHeaders = [
    ...(chrome.pageHeader ? [pageHeaderLine(chrome.pageHeader)] : []),
    ...(review.exercise ? [exerciseBanner(review.exercise.text)] : []),
  ];
  const children: Block[] = [
    ...(review.exercise ? [exerciseBanner(review.exercise.text)] : []),
    new Paragraph({ heading: HeadingLevel.TITLE, children: run(review.title) }),
    new Paragraph({ children: run(review.subtitle, { italics: true }) }),
    ...review.intro.map((line) => new Paragraph({ children: run(line) })),
  ];
  if (review.summary.length > 0) {
    children.push(heading1(chrome.summaryTitle), ...factParagraphs(review.summary, chrome.source));
  }
  for (const section of review.sections) {
    children.push(heading1(section.title));
    for (const line of section.intro ?? []) children.push(new Paragraph({ children: run(line) }));
    for (const answer of section.answers) children.push(...answerBlocks(answer, review));
    for (const t of section.tables) children.push(...tableBlocks(t, true));
  }
  if (review.overviews.length > 0) {
    children.push(heading1(chrome.overviewsTitle));
    for (const t of review.overviews) children.push(...tableBlocks(t, true));
  }
  if (review.decisions) {
    children.push(heading1(review.decisions.title), ...tableBlocks(review.decisions.table, false));
  }
  const { appendix } = review;
  if (appendix) {
    children.push(
      heading1(appendix.title),
      new Paragraph({
        children: run(appendix.verification.text, {
          bold: !appendix.verification.ok,
          ...(appendix.verification.ok ? {} : { color: "B00020" }),
        }),
      }),
      ...timelineParagraphs(appendix.timeline),
    );
  }
  children.push(new Paragraph({ children: run(chrome.generatedBy, { italics: true }) }));
  const document = new Document({
    creator: "Ramp",
    title: clean(review.title),
    description: clean(review.subtitle),
    styles: {
      default: {
        document: {
          run: {
            font: "Calibri",
            // Half-points: 10.5 pt, 8 pt on the one-page crisis card.
            size: card ? 16 : 21,
            language: { value: review.locale === "nl" ? "nl-BE" : "en-GB" },
          },
        },
        ...(card ? CARD_HEADINGS : {}),
      },
      paragraphStyles: [
        {
          id: TIMELINE_STYLE,
          name: "Ramp timeline entry",
          basedOn: "Normal",
          run: { size: 18 },
          paragraph: { indent: { left: 567, hanging: 567 }, spacing: { after: 40 } },
        },
      ],
    },
    sections: [
      {
        ...(card
          ? { properties: { page: { margin: { top: 567, bottom: 567, left: 567, right: 567 } } } }
          : {}),
        // The plan copy's confidentiality line and an exercise's OEFENING are on every page, not
        // only on the first.
        ...(pageHeaders.length > 0
          ? {
              headers: {
                default: new Header({ children: pageHeaders }),
              },
            }
          : {}),
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [
                      `${clean(chrome.pageFooter)} `,
                      PageNumber.CURRENT,
                      " / ",
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function exerciseBanner(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: clean(text), bold: true, color: "B45309", size: 28 })],
  });
}

/** The plan copy's confidentiality line, on top of every page. */
function pageHeaderLine(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: run(text, { bold: true, color: "8A1C1C" }),
  });
}

function answerBlocks(answer: ReviewAnswer, review: DocumentModel): Block[] {
  const { chrome } = review;
  const blocks: Block[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: run(answer.question) }),
  ];
  answer.options.forEach((option, i) => {
    const chosen = answer.chosenOption === i;
    blocks.push(
      new Paragraph({
        indent: { left: 360 },
        children: [
          ...run(`${chosen ? "\u2612" : "\u2610"} ${option}`, { bold: chosen }),
          ...(chosen ? run(` (${chrome.chosen})`, { italics: true }) : []),
        ],
      }),
    );
  });
  for (const paragraph of answer.text) blocks.push(new Paragraph({ children: run(paragraph) }));
  blocks.push(...factParagraphs(answer.facts, chrome.source));
  if (answer.status !== "answered") {
    blocks.push(
      new Paragraph({
        shading: {
          type: ShadingType.CLEAR,
          color: "auto",
          fill: answer.status === "open" ? "FDECEE" : "FFF7E6",
        },
        children: [
          ...run(`${chrome.statusLabel[answer.status]}.`, { bold: true }),
          ...(answer.note ? run(` ${answer.note}`) : []),
        ],
      }),
    );
  }
  for (const t of answer.tables ?? []) blocks.push(...tableBlocks(t, true));
  return blocks;
}

function factParagraphs(facts: ReviewFact[], source: string): Paragraph[] {
  return facts.map(
    (fact) =>
      new Paragraph({
        bullet: { level: 0 },
        children: [
          ...run(`${fact.label}: `, { bold: true }),
          ...run(fact.value),
          ...(fact.seq === undefined
            ? []
            : run(` (${source} #${fact.seq})`, { italics: true, color: "555555" })),
        ],
      }),
  );
}

function tableBlocks(t: DocumentTable, withTitle: boolean): Block[] {
  const title = withTitle
    ? [new Paragraph({ heading: HeadingLevel.HEADING_3, children: run(t.title) })]
    : [];
  if (t.rows.length === 0)
    return [...title, new Paragraph({ children: run(t.empty, { italics: true }) })];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map(
      (c) =>
        new TableCell({
          shading: { type: ShadingType.CLEAR, color: "auto", fill: "EEF3F8" },
          children: [new Paragraph({ children: run(c, { bold: true }) })],
        }),
    ),
  });
  const rows = t.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map(
          (c) => new TableCell({ children: [new Paragraph({ children: run(c) })] }),
        ),
      }),
  );
  return [
    ...title,
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
  ];
}

/**
 * The timeline as one compact paragraph per entry rather than a table: a long incident has
 * thousands of entries, and a Word table of that size is slow to write and slower to open.
 */
function timelineParagraphs(t: DocumentTable): Paragraph[] {
  if (t.rows.length === 0) return [new Paragraph({ children: run(t.empty, { italics: true }) })];
  // One run per entry and the layout in a style: per-entry formatting triples the time to write.
  return t.rows.map(
    ([seq = "", at = "", by = "", via = "", event = ""]) =>
      new Paragraph({
        style: TIMELINE_STYLE,
        children: run(`${seq}\t${at} — ${by} (${via}): ${event}`),
      }),
  );
}

function heading1(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: run(text) });
}

/** Runs of text; line breaks inside recorded text stay line breaks in Word. */
function run(
  text: string,
  style: { bold?: boolean; italics?: boolean; color?: string } = {},
): TextRun[] {
  return clean(text)
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ text: line, ...style, ...(i > 0 ? { break: 1 } : {}) }));
}

/** XML 1.0 cannot hold most control characters; one in a log entry would corrupt the file. */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}
