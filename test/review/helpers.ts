// Look-ups in a built review, and the text of a .docx as Word would show it.
import JSZip from "jszip";
import type {
  Review,
  ReviewAnswer,
  ReviewTable,
  ReviewTableId,
} from "../../src/core/review/model.ts";

export function answerOf(review: Review, questionId: string): ReviewAnswer {
  for (const section of review.sections) {
    const found = section.answers.find((a) => a.questionId === questionId);
    if (found) return found;
  }
  throw new Error(`no question ${questionId}`);
}

/** An overview wherever it was placed: in a section, in the overviews, the decisions or the appendix. */
export function tableOf(review: Review, id: ReviewTableId): ReviewTable {
  const all = [
    ...review.sections.flatMap((s) => s.tables),
    ...review.overviews,
    review.decisions.table,
    review.appendix.timeline,
  ];
  const found = all.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

/** The section an overview was placed in. */
export function sectionWithTable(review: Review, id: ReviewTableId): string | undefined {
  return review.sections.find((s) => s.tables.some((t) => t.id === id))?.id;
}

/** The XML of one part of a .docx. */
export async function docxPart(docx: Buffer, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file(part)?.async("string");
  if (xml === undefined) throw new Error(`no ${part} in the .docx`);
  return xml;
}

/** Paragraphs of a .docx part (document.xml, footer1.xml), one line each, tabs as tabs. */
export async function docxParagraphs(docx: Buffer, part = "word/document.xml"): Promise<string[]> {
  const xml = await docxPart(docx, part);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\/>/g)]
      .map((t) => (t[2] === "tab" ? "\t" : t[2] === "br" ? "\n" : unescapeXml(t[1] ?? "")))
      .join(""),
  );
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
