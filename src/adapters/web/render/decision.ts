// DecisionView → HTML: the current decision, the evaluation, the choices (A per fallback
// location, B) with one optional reason, and the list of decisions.
import type { DecisionView, ViewAction } from "../../../core/views/types.ts";
import { ACTIONS_PATH, encodeAction, hiddenFields } from "./actions.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";

function choices(ctx: RenderContext, view: DecisionView): Html {
  if (!ctx.csrf || !ctx.leader || view.actions.length === 0) return html``;
  const direct = view.actions.filter((a) => !a.confirm);
  const changes = view.actions.filter((a) => a.confirm);
  if (direct.length === 0 || changes.length > 0)
    return html`${changes.map((a) => changeForm(ctx, a))}`;
  const id = ctx.nextId("decide-reason");
  return html`<form method="post" action="${ACTIONS_PATH}" class="decide" data-enhance>${hiddenFields(ctx)}
<label for="${id}">${ctx.w("decideReason")}</label><input id="${id}" name="reason" maxlength="500" autocomplete="off">
<div class="actions">${direct.map(
    (a) =>
      html`<button type="submit" name="do" value="${encodeAction(a)}" class="btn">${a.label}</button>`,
  )}</div></form>`;
}

/**
 * A change of decision is a second step: a disclosure (keyboard-operable without script) with
 * what it does, a required reason and the confirming button.
 */
function changeForm(ctx: RenderContext, action: ViewAction): Html {
  const confirm = action.confirm!;
  const id = ctx.nextId("change-reason");
  return html`<details class="reason decide-change"><summary class="btn">${ctx.w("changeTo")} ${action.label}…</summary><form method="post" action="${ACTIONS_PATH}" data-enhance>${hiddenFields(ctx)}<input type="hidden" name="confirmed" value="yes">
<p><strong>${confirm.title}</strong> ${confirm.text}</p>${details(confirm.details)}
<label for="${id}">${confirm.reasonLabel}</label><input id="${id}" name="reason" required maxlength="500" autocomplete="off">
<button type="submit" name="do" value="${encodeAction(action)}" class="btn btn-danger">${confirm.yes}</button></form></details>`;
}

/** Headings as paragraphs, "• task" lines as a list under them. */
function details(lines: string[]): Html {
  const out: Html[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length > 0) out.push(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`);
    items = [];
  };
  for (const line of lines) {
    if (line.startsWith("• ")) items.push(line.slice(2));
    else {
      flush();
      out.push(html`<p>${line}</p>`);
    }
  }
  flush();
  return html`${out}`;
}

/** What the last change did: the reason, what carried over and what was cancelled. */
export function lastChange(ctx: RenderContext, view: DecisionView): Html {
  const change = view.lastChange;
  if (!change) return html``;
  const nl = ctx.locale === "nl";
  const list = (label: string, lines: string[]) =>
    lines.length > 0
      ? html`<h5>${label}</h5><ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>`
      : "";
  return html`<section class="decision-change"><h4>${ctx.w("lastChange")}</h4>
<p><span class="when">${change.at}</span> — ${change.by}: ${nl ? "van" : "from"} ${change.from} ${nl ? "naar" : "to"} ${change.to}.${change.reason ? html` <strong>${ctx.w("reason")}:</strong> ${change.reason}` : ""}</p>
${list(ctx.w("cancelledByChange"), change.cancelled)}${list(ctx.w("carriedOver"), change.carried)}</section>`;
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
${choices(ctx, view)}${lastChange(ctx, view)}${decisionHistory(ctx, view)}`;
}

export function decisionCard(ctx: RenderContext, view: DecisionView): Html {
  const id = ctx.nextId("decision");
  return html`<article class="card card-decision" aria-labelledby="${id}" data-card="decision-${view.incidentId}">
<h3 id="${id}">${view.title}</h3>
${decisionBody(ctx, view)}
</article>`;
}
