// The review as a file in one of its three formats, for whoever hands it out: the CLI, the
// board's downloads and the chat platforms' attachments.
import type { Review } from "../core/review/model.ts";
import { renderDocx } from "./render-docx.ts";
import { renderHtml } from "./render-html.ts";
import { renderMarkdown } from "./render-markdown.ts";

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
  const content =
    format === "docx"
      ? await renderDocx(review)
      : Buffer.from(format === "html" ? renderHtml(review) : renderMarkdown(review), "utf8");
  return {
    fileName: reviewFileName(review.incident.number, format, Boolean(review.exercise)),
    contentType: CONTENT_TYPES[format],
    content,
  };
}
