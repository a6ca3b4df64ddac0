// /plan/copy[.docx|.md] and /plan/card[.docx|.md]: the signed-in reader's own copy of the plan
// and crisis card, named after them. Only holders of the plan get one: the plan holds every
// phone number of the crisis staff and is confidential.
import type { Request, Response, Router } from "express";
import type { RampReach } from "../../../core/plan-document/build.ts";
import { buildCrisisCard, buildPlanDocument } from "../../../core/plan-document/build.ts";
import { isCopyHolder } from "../../../core/plan-document/holders.ts";
import type { ReviewFormat } from "../../../review/document.ts";
import { type PlanDocumentKind, renderPlanDocument } from "../../../review/plan-document.ts";
import { renderHtml } from "../../../review/render-html.ts";
import { html } from "../render/html.ts";
import { page } from "../render/layout.ts";
import { contextFor, reader, refuseSignIn, sendHtml, type WebContext } from "./context.ts";

export const PLAN_COPY_PATHS = { plan: "/plan/copy", card: "/plan/card" } as const;

export function registerPlanCopy(router: Router, c: WebContext, reach: () => RampReach): void {
  router.get(/^\/plan\/(copy|card)(?:\.(docx|md))?$/, (req, res) =>
    sendCopy(c, req, res, req.params[0] === "card" ? "card" : "plan", reach),
  );
}

async function sendCopy(
  c: WebContext,
  req: Request,
  res: Response,
  kind: PlanDocumentKind,
  reach: () => RampReach,
): Promise<void> {
  const session = reader(c, req, res);
  if (!session) return refuseSignIn(c, res);
  const { directory } = c.engine;
  const personId = session.personId;
  if (!personId || !isCopyHolder(directory.plan, personId)) {
    c.logger.warn({ personId }, "web: refused a plan copy to someone who holds none");
    const ctx = contextFor(c, session, "/");
    return sendHtml(
      res,
      page(ctx, {
        title: c.w("planCopy"),
        current: null,
        local: c.local,
        body: html`<h1>${c.w("planCopy")}</h1><p role="alert">${c.w("planCopyRefused")}</p><p><a href="/">${c.w("back")}</a></p>`,
      }),
      403,
    );
  }
  const input = {
    plan: directory.plan,
    planHash: directory.planHash,
    holder: directory.person(personId) ?? null,
    printedAt: c.engine.ctx.clock.now(),
  };
  const format = (req.params[1] as ReviewFormat | undefined) ?? "html";
  res.set("Cache-Control", "no-store");
  const path = PLAN_COPY_PATHS[kind];
  if (format === "html") {
    res.set(
      "Content-Security-Policy",
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    const model = kind === "card" ? buildCrisisCard(input, reach()) : buildPlanDocument(input);
    const downloads = {
      label: c.w("reviewDownloads"),
      links: [
        { href: `${path}.docx`, label: c.w("reviewWord") },
        { href: `${path}.md`, label: c.w("reviewMarkdown") },
      ],
    };
    res.status(200).type("html").send(renderHtml(model, { downloads }));
    return;
  }
  const document = await renderPlanDocument(input, kind, format, reach());
  res
    .status(200)
    .type(document.contentType)
    .set("Content-Disposition", `attachment; filename="${document.fileName}"`)
    .send(document.content);
}
