// DecisionView → HTML: the current decision, the evaluation, the choices (A per fallback
// location, B) with one optional reason, and the list of decisions.
import type { DecisionView } from "../../../core/views/types.ts";
import { ACTIONS_PATH, encodeAction, hiddenFields } from "./actions.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";

function choices(ctx: RenderContext, view: DecisionView): Html {
  if (!ctx.csrf || !ctx.leader || view.actions.length === 0) return html``;
  const id = ctx.nextId("decide-reason");
  return html`<form method="post" action="${ACTIONS_PATH}" class="decide" data-enhance>${hiddenFields(ctx)}
<label for="${id}">${ctx.w("decideReason")}</label><input id="${id}" name="reason" maxlength="500" autocomplete="off">
<div class="actions">${view.actions.map(
    (a) =>
      html`<button type="submit" name="do" value="${encodeAction(a)}" class="btn">${a.label}</button>`,
  )}</div></form>`;
}

export function decisionHistory(ctx: RenderContext, view: DecisionView): Html {
  if (view.history.length === 0) return html``;
  return html`<h4>${ctx.w("decisions")}</h4><ol class="history">${view.history.map(
    (d) => html`<li><span class="when">${d.at}</span> — ${d.by}: ${d.text}</li>`,
  )}</ol>`;
}

export function decisionBody(ctx: RenderContext, view: DecisionView): Html {
  return html`<p><strong>${ctx.w("decision")}:</strong> ${view.current ?? ctx.w("noDecision")}</p>
${view.evaluation ? html`<p><strong>${ctx.w("evaluation")}:</strong> ${view.evaluation}</p>` : ""}
${choices(ctx, view)}${decisionHistory(ctx, view)}`;
}

export function decisionCard(ctx: RenderContext, view: DecisionView): Html {
  const id = ctx.nextId("decision");
  return html`<article class="card card-decision" aria-labelledby="${id}" data-card="decision-${view.incidentId}">
<h3 id="${id}">${view.title}</h3>
${decisionBody(ctx, view)}
</article>`;
}
