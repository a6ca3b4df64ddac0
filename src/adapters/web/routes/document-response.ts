// One way to answer with a document (review, test report, plan copy, crisis card): a
// self-contained HTML page that offers its Word and Markdown downloads, or the file itself.
import type { Response } from "express";
import type { DocumentModel } from "../../../core/review/model.ts";
import { documentRenderer } from "../../../review/render-pool.ts";
import type { WebContext } from "./context.ts";

/** Its own <style>, no script: meant to be saved and printed as is. */
const DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The document as a page, with links to its Word (`.docx`) and Markdown (`.md`) files; rendered
 * in the render worker like the files (a long review's page is tens of milliseconds of CPU).
 */
export async function sendDocumentPage(
  c: WebContext,
  res: Response,
  model: DocumentModel,
  linkTo: (format: "docx" | "md") => string,
): Promise<void> {
  const downloads = {
    label: c.w("reviewDownloads"),
    links: [
      { href: linkTo("docx"), label: c.w("reviewWord") },
      { href: linkTo("md"), label: c.w("reviewMarkdown") },
    ],
  };
  const page = await documentRenderer.render(model, "html", { downloads });
  res.set("Cache-Control", "no-store");
  res.set("Content-Security-Policy", DOCUMENT_CSP);
  res.status(200).type("html").send(page.toString("utf8"));
}

/** A rendered file, as a download under its own name. */
export function sendDocumentFile(
  res: Response,
  document: { content: string | Buffer | Uint8Array; contentType: string; fileName: string },
): void {
  res
    .set("Cache-Control", "no-store")
    .status(200)
    .type(document.contentType)
    .set("Content-Disposition", `attachment; filename="${document.fileName}"`)
    .send(document.content);
}
