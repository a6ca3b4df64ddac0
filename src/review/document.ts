// The review and the plan as a file in one of three formats, for whoever hands it out: the CLI,
// the board's downloads and the chat platforms' attachments. Rendered in the render worker
// (render-pool.ts): a Word file is too much CPU for the event loop.
import type { DocumentModel, Review } from "../core/review/model.ts";
import { documentRenderer } from "./render-pool.ts";

export const REVIEW_FORMATS = ["md", "html", "docx"] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

export const CONTENT_TYPES: Record<ReviewFormat, string> = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export interface ReviewDocument {
  /** e.g. post-incident-review-2026-001.docx */
  fileName: string;
  contentType: string;
  content: Buffer;
}

export function reviewFileName(number: string, format: ReviewFormat, exercise = false): string {
  const name = exercise ? "oefenverslag" : "post-incident-review";
  return `${name}-${number.replace(/[^A-Za-z0-9-]+/g, "-")}.${format}`;
}

export async function renderReviewDocument(
  review: Review,
  format: ReviewFormat,
): Promise<ReviewDocument> {
  return renderDocumentFile(
    review,
    format,
    reviewFileName(review.incident.number, format, Boolean(review.exercise)),
  );
}

export async function renderDocumentFile(
  model: DocumentModel,
  format: ReviewFormat,
  fileName: string,
): Promise<ReviewDocument> {
  const content = await documentRenderer.render(model, format);
  return { fileName, contentType: CONTENT_TYPES[format], content };
}
