// Reachability tests on the board: GET /tests (the practice panel with the trend), the start and
// stop buttons (coordinator and deputies), and a test's result as the review's document:
// /tests/T-2026-01 (HTML), .docx (Word) and .md (Markdown), behind the board's sign-in.
import type { Router } from "express";
import { testFileName } from "../../../core/practice/report.ts";
import { renderReviewDocument } from "../../../review/document.ts";
import { html } from "../render/html.ts";
import { practicePanel, TESTS_PATH } from "../render/practice.ts";
import { notFound } from "../render/signin.ts";
import {
  contextFor,
  formBody,
  reader,
  refuseSignIn,
  sendHtml,
  type WebContext,
} from "./context.ts";
import { sendDocumentFile, sendDocumentPage } from "./document-response.ts";
import { actAsSignedIn, sendSignedInPage } from "./signed-in.ts";

export function registerTests(router: Router, c: WebContext): void {
  router.get(TESTS_PATH, async (req, res) => {
    const session = reader(c, req, res);
    if (!session) return refuseSignIn(c, res);
    const ctx = contextFor(c, session, TESTS_PATH);
    const overview = await c.engine.practiceOverview();
    sendSignedInPage(c, res, session, ctx, {
      title: c.w("tests"),
      body: html`<h1>${c.w("tests")}</h1>${practicePanel(ctx, overview, true)}`,
    });
  });

  for (const action of ["start", "stop"] as const) {
    router.post(
      `${TESTS_PATH}/${action}`,
      formBody,
      actAsSignedIn(c, { back: TESTS_PATH, failure: `tests.${action}` }, async (actor) => {
        if (action === "start") await c.engine.startTest(actor);
        else await c.engine.stopTest(actor);
        return c.w(action === "start" ? "testStarted" : "doneTestStop");
      }),
    );
  }

  router.get(/^\/tests\/(T-[0-9]{4}-[0-9]+)(?:\.(docx|md))?$/, async (req, res) => {
    const session = reader(c, req, res);
    if (!session) return refuseSignIn(c, res);
    const [number, format] = [req.params[0] ?? "", req.params[1] as "docx" | "md" | undefined];
    const review = await c.engine.testReport(number);
    if (!review) return sendHtml(res, notFound(contextFor(c, session, "/")), 404);
    const nl = c.engine.directory.locale === "nl";
    const here = `${TESTS_PATH}/${encodeURIComponent(number)}`;
    if (!format) return sendDocumentPage(c, res, review, (f) => `${here}.${f}`);
    const document = await renderReviewDocument(review, format);
    sendDocumentFile(res, { ...document, fileName: testFileName(number, format, nl) });
  });
}
