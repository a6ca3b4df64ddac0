// On the board, for a holder of the plan: their own copy of the plan and their crisis card, to
// read, print (the pages print clean) or download as Word.
import type { PlanDirectory } from "../../../core/directory.ts";
import { isCopyHolder } from "../../../core/plan-document/holders.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";

export function planCopiesSection(ctx: RenderContext, dir: PlanDirectory): Html {
  if (!ctx.actorId || !isCopyHolder(dir.plan, ctx.actorId)) return html``;
  const { w } = ctx;
  const item = (path: string, label: string) =>
    html`<li><a href="${path}">${label}</a> (<a href="${path}.docx" download>${w("reviewWord")}</a>)</li>`;
  return html`<section id="plan-copies" class="panel no-print" aria-labelledby="plan-copies-title"><h2 id="plan-copies-title">${w("planCopies")}</h2><p>${w("planCopyHint")}</p><ul>${item("/plan/copy", w("planCopy"))}${item("/plan/card", w("crisisCard"))}</ul></section>`;
}
