// GET /incidents/:id/review: the post-incident review (drafted by src/core/review, rendered by
// src/review) behind the same sign-in as the board: it holds names and the whole timeline.
import type { Router } from "express";
import { RampError } from "../../../core/errors.ts";
import { buildReview } from "../../../core/review/build.ts";
import { renderHtml } from "../../../review/render-html.ts";
import { notFound } from "../render/signin.ts";
import { contextFor, reader, refuseSignIn, sendHtml, type WebContext } from "./context.ts";

export const reviewPath = (incidentId: string) =>
  `/incidents/${encodeURIComponent(incidentId)}/review`;

export function registerReview(router: Router, c: WebContext): void {
  router.get("/incidents/:id/review", async (req, res) => {
    const session = reader(c, req, res);
    if (!session) return refuseSignIn(c, res);
    let review: Awaited<ReturnType<typeof buildReview>>;
    try {
      review = await buildReview(c.engine, req.params.id ?? "");
    } catch (error) {
      if (error instanceof RampError && error.code === "incident-not-found") {
        return sendHtml(res, notFound(contextFor(c, session, "/")), 404);
      }
      throw error;
    }
    // A self-contained page (its own <style>, no script), meant to be saved and printed as is.
    res.set(
      "Content-Security-Policy",
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    res.status(200).type("html").set("Cache-Control", "no-store").send(renderHtml(review));
  });
}
