// A holder's own copy of the plan and crisis card, two ways in:
// - /plan/copy[.docx|.md] and /plan/card[.docx|.md]: for the signed-in reader, if they hold one;
// - /copies/<token>[/plan|/card][.docx|.md]: the signed link in the private message that brought
//   the copy, for that holder and that plan version only, where "Ontvangen" confirms it (POST).
// Only holders get a copy: the plan holds every phone number of the crisis staff.
import type { Response, Router } from "express";
import { confirmPlanCopy } from "../../../core/plan-copies/distribute.ts";
import {
  buildCrisisCard,
  buildPlanDocument,
  type RampReach,
} from "../../../core/plan-document/build.ts";
import { isCopyHolder } from "../../../core/plan-document/holders.ts";
import { formatDateTime } from "../../../core/time.ts";
import type { ReviewFormat } from "../../../review/document.ts";
import { type PlanDocumentKind, renderPlanDocument } from "../../../review/plan-document.ts";
import { createCopyToken, readCopyToken } from "../auth.ts";
import { html } from "../render/html.ts";
import { page } from "../render/layout.ts";
import {
  contextFor,
  formBody,
  reader,
  refuseSignIn,
  sendHtml,
  type WebContext,
} from "./context.ts";
import { sendDocumentFile, sendDocumentPage } from "./document-response.ts";

export const PLAN_COPY_PATHS = { plan: "/plan/copy", card: "/plan/card" } as const;

/** The signed link to one holder's copy of one plan version. */
export function planCopyLink(c: WebContext, planHash: string, personId: string): string {
  const token = createCopyToken(c.signer, planHash, personId, Date.now());
  return `${c.baseUrl()}/copies/${encodeURIComponent(token)}`;
}

export function registerPlanCopy(router: Router, c: WebContext, reach: () => RampReach): void {
  router.get(/^\/plan\/(copy|card)(?:\.(docx|md))?$/, async (req, res) => {
    const session = reader(c, req, res);
    if (!session) return refuseSignIn(c, res);
    const personId = session.personId;
    if (!personId || !isCopyHolder(c.engine.directory.plan, personId)) {
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
    const kind: PlanDocumentKind = req.params[0] === "card" ? "card" : "plan";
    const format = (req.params[1] as ReviewFormat | undefined) ?? "html";
    await sendCopy(c, res, personId, kind, format, PLAN_COPY_PATHS[kind], reach);
  });

  router.get(/^\/copies\/([^/]+)(?:\/(plan|card)(?:\.(docx|md))?)?$/, async (req, res) => {
    const token = req.params[0] ?? "";
    const claims = currentCopy(c, token);
    if (!claims) return sendHtml(res, invalidCopyLink(c), 403);
    const here = `/copies/${encodeURIComponent(token)}`;
    const kind = req.params[1] as PlanDocumentKind | undefined;
    if (!kind) return sendHtml(res, await landing(c, claims.personId, here));
    const format = (req.params[2] as ReviewFormat | undefined) ?? "html";
    await sendCopy(c, res, claims.personId, kind, format, `${here}/${kind}`, reach);
  });

  router.post(/^\/copies\/([^/]+)$/, formBody, async (req, res) => {
    const token = req.params[0] ?? "";
    const claims = currentCopy(c, token);
    if (!claims) return sendHtml(res, invalidCopyLink(c), 403);
    await confirmPlanCopy(c.engine.ctx, claims.planHash, claims.personId);
    c.logger.info({ personId: claims.personId }, "plan copy confirmed");
    res.redirect(303, `/copies/${encodeURIComponent(token)}`);
  });
}

/** A valid link to a copy of the running plan version; an older version's link is refused. */
function currentCopy(c: WebContext, token: string) {
  const claims = readCopyToken(c.signer, token, Date.now());
  const { directory } = c.engine;
  if (!claims || claims.planHash !== directory.planHash) {
    c.logger.warn({ known: claims !== null }, "web: refused plan copy link");
    return null;
  }
  return isCopyHolder(directory.plan, claims.personId) ? claims : null;
}

async function landing(c: WebContext, personId: string, here: string) {
  const { directory } = c.engine;
  const ctx = contextFor(c, null, here);
  const copy = (await c.engine.ctx.store.planCopies.listForPlan(directory.planHash)).find(
    (row) => row.personId === personId,
  );
  const confirmed = copy?.confirmedAt
    ? html`<p role="status">${c.w("copyConfirmed")} ${formatDateTime(copy.confirmedAt, directory.locale, directory.timeZone)}.</p>`
    : html`<form method="post" action="${here}"><button type="submit" class="primary">${c.w("copyReceived")}</button></form>`;
  return page(ctx, {
    title: c.w("planCopy"),
    current: null,
    nav: false,
    local: false,
    body: html`<h1>${c.w("planCopy")}: ${directory.name(personId)}</h1>
<p>${c.w("planCopyHint")}</p>
<ul>
<li><a href="${here}/plan">${c.w("planCopy")}</a> (<a href="${here}/plan.docx" download>${c.w("reviewWord")}</a>)</li>
<li><a href="${here}/card">${c.w("crisisCard")}</a> (<a href="${here}/card.docx" download>${c.w("reviewWord")}</a>)</li>
</ul>
${confirmed}`,
  });
}

async function sendCopy(
  c: WebContext,
  res: Response,
  personId: string,
  kind: PlanDocumentKind,
  format: ReviewFormat,
  path: string,
  reach: () => RampReach,
): Promise<void> {
  const { directory } = c.engine;
  const input = {
    plan: directory.plan,
    planHash: directory.planHash,
    holder: directory.person(personId) ?? null,
    printedAt: c.engine.ctx.clock.now(),
  };
  if (format === "html") {
    const model = kind === "card" ? buildCrisisCard(input, reach()) : buildPlanDocument(input);
    await sendDocumentPage(c, res, model, (f) => `${path}.${f}`);
    return;
  }
  sendDocumentFile(res, await renderPlanDocument(input, kind, format, reach()));
}

function invalidCopyLink(c: WebContext) {
  return page(contextFor(c, null, "/"), {
    title: "403",
    current: null,
    nav: false,
    local: false,
    body: html`<h1>${c.w("planCopy")}</h1><p role="alert">${c.w("copyLinkInvalid")}</p>`,
  });
}
