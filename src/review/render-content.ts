// The one switch from a document's format to its renderer, run in the render worker
// (render-worker.ts): the same three renderers everywhere, whichever thread calls them.
import type { DocumentModel } from "../core/review/model.ts";
import { renderDocx } from "./render-docx.ts";
import { type HtmlOptions, renderHtml } from "./render-html.ts";
import { renderMarkdown } from "./render-markdown.ts";

export type DocumentFormat = "md" | "html" | "docx";

export async function renderContent(
  model: DocumentModel,
  format: DocumentFormat,
  html: HtmlOptions = {},
): Promise<Uint8Array> {
  if (format === "docx") return renderDocx(model);
  return Buffer.from(format === "html" ? renderHtml(model, html) : renderMarkdown(model), "utf8");
}
