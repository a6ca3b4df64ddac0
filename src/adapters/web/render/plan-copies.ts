// On the board: for a holder of the plan, their own copy and crisis card, to read, print (the
// pages print clean) or download as Word; for the coordinator and the deputies, who holds
// which version and who confirmed it.
import type { PlanDirectory } from "../../../core/directory.ts";
import type { PlanCopy } from "../../../core/model.ts";
import { copyHolderIds, isCopyHolder } from "../../../core/plan-document/holders.ts";
import { formatDateTime } from "../../../core/time.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";

export function planCopiesSection(
  ctx: RenderContext,
  dir: PlanDirectory,
  copies: PlanCopy[] | null,
): Html {
  const holder = ctx.actorId !== null && isCopyHolder(dir.plan, ctx.actorId);
  if (!holder && copies === null) return html``;
  const { w } = ctx;
  const item = (path: string, label: string) =>
    html`<li><a href="${path}">${label}</a> (<a href="${path}.docx" download>${w("reviewWord")}</a>)</li>`;
  const own = holder
    ? html`<p>${w("planCopyHint")}</p><ul>${item("/plan/copy", w("planCopy"))}${item("/plan/card", w("crisisCard"))}</ul>`
    : "";
  return html`<section id="plan-copies" class="panel no-print" aria-labelledby="plan-copies-title"><h2 id="plan-copies-title">${w("planCopies")}</h2>${own}${copies ? holdersTable(ctx, dir, copies) : ""}</section>`;
}

function holdersTable(ctx: RenderContext, dir: PlanDirectory, copies: PlanCopy[]): Html {
  const { w } = ctx;
  const byPerson = new Map(copies.map((c) => [c.personId, c]));
  const current = dir.plan.document.version;
  const rows = copyHolderIds(dir.plan).map((personId) => {
    const copy = byPerson.get(personId);
    const latest = copy?.planHash === dir.planHash;
    const version = copy ? `${copy.version}${latest ? "" : ` (${w("copyOutdated")})`}` : "—";
    const received = copy?.confirmedAt
      ? formatDateTime(copy.confirmedAt, ctx.locale, ctx.timeZone)
      : w("copyNotConfirmed");
    return html`<tr${latest && copy?.confirmedAt ? "" : html` class="attention"`}><td>${dir.name(personId)}</td><td>${version}</td><td>${copy ? (copy.channel ?? w("copyNoChannel")) : "—"}</td><td>${received}</td></tr>`;
  });
  return html`<table class="copies"><caption>${w("copyHolders")} ${current}</caption><thead><tr><th scope="col">${w("person")}</th><th scope="col">${w("copyVersion")}</th><th scope="col">${w("copyVia")}</th><th scope="col">${w("copyReceived")}</th></tr></thead><tbody>${rows}</tbody></table>`;
}
