// The post-incident review (drafted by src/core/review, rendered by src/review), two ways in:
// - /incidents/:id/review[.docx|.md]: behind the board's sign-in (it holds names and the whole
//   timeline);
// - /reviews/<token>[/<file>]: a signed link to one incident's review, posted by Slack and Teams
//   with the review, that works without signing in until it expires (like an attachment).
import type { Response, Router } from "express";
import { RampError } from "../../../core/errors.ts";
import { buildReview } from "../../../core/review/build.ts";
import type { Review } from "../../../core/review/model.ts";
import {
  REVIEW_FORMATS,
  type ReviewFormat,
  renderReviewDocument,
} from "../../../review/document.ts";
import type { ReviewLinks } from "../../shared/review-share.ts";
import { createReviewToken, readReviewToken } from "../auth.ts";
import { html } from "../render/html.ts";
import { page } from "../render/layout.ts";
import { notFound } from "../render/signin.ts";
import { contextFor, reader, refuseSignIn, sendHtml, type WebContext } from "./context.ts";
import { sendDocumentFile, sendDocumentPage } from "./document-response.ts";

export const reviewPath = (incidentId: string) =>
  `/incidents/${encodeURIComponent(incidentId)}/review`;

/**
 * The signed links Slack and Teams post with a shared review. The file part of a link only
 * picks the format; the download is named after the incident (Content-Disposition).
 */
export function reviewLinks(c: WebContext, incidentId: string): ReviewLinks {
  const { token, expiresAt } = createReviewToken(c.signer, incidentId, Date.now());
  const base = `${c.baseUrl()}/reviews/${encodeURIComponent(token)}`;
  return { page: base, docx: `${base}/review.docx`, expiresAt };
}

export function registerReview(router: Router, c: WebContext): void {
  router.get(/^\/incidents\/([^/]+)\/review(?:\.(docx|md))?$/, async (req, res) => {
    const session = reader(c, req, res);
    if (!session) return refuseSignIn(c, res);
    const [id, format] = [req.params[0] ?? "", req.params[1] as ReviewFormat | undefined];
    const review = await reviewOrNull(c, id);
    if (!review) return sendHtml(res, notFound(contextFor(c, session, "/")), 404);
    const here = reviewPath(review.incident.id);
    await send(c, res, review, format ?? "html", (f) => `${here}.${f}`);
  });

  router.get(/^\/reviews\/([^/]+)(?:\/([^/]+))?$/, async (req, res) => {
    const token = req.params[0] ?? "";
    const incidentId = readReviewToken(c.signer, token, Date.now());
    const file = req.params[1];
    const format = file ? formatOf(file) : "html";
    // Checked before the review is drafted: a wrong link costs nothing.
    if (incidentId && !format) return sendHtml(res, notFound(contextFor(c, null, "/")), 404);
    const review = incidentId ? await reviewOrNull(c, incidentId) : null;
    if (!review || !format) {
      c.logger.warn({ known: incidentId !== null }, "web: refused review link");
      return sendHtml(res, invalidLink(c), 403);
    }
    const here = `/reviews/${encodeURIComponent(token)}`;
    await send(c, res, review, format, (f) => `${here}/review.${f}`);
  });
}

async function reviewOrNull(c: WebContext, incidentId: string): Promise<Review | null> {
  try {
    return await buildReview(c.engine, incidentId);
  } catch (error) {
    if (error instanceof RampError && error.code === "incident-not-found") return null;
    throw error;
  }
}

function formatOf(file: string): ReviewFormat | null {
  const extension = file.slice(file.lastIndexOf(".") + 1);
  return (REVIEW_FORMATS as readonly string[]).includes(extension)
    ? (extension as ReviewFormat)
    : null;
}

async function send(
  c: WebContext,
  res: Response,
  review: Review,
  format: ReviewFormat,
  linkTo: (format: "docx" | "md") => string,
): Promise<void> {
  if (format === "html") return sendDocumentPage(c, res, review, linkTo);
  sendDocumentFile(res, await renderReviewDocument(review, format));
}

function invalidLink(c: WebContext) {
  const ctx = contextFor(c, null, "/");
  return page(ctx, {
    title: "403",
    current: null,
    nav: false,
    local: false,
    body: html`<h1>${c.w("review")}</h1><p role="alert">${c.w("reviewLinkInvalid")}</p>`,
  });
}
