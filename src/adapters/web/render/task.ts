// TaskCardView → HTML: one task with its owner, status, deadline and buttons.
import { numberPrefix } from "../../../core/views/task-view.ts";
import type { TaskCardView } from "../../../core/views/types.ts";
import { forViewer } from "../../../core/views/viewer.ts";
import { actionButtons } from "./actions.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";
import { badge, countdown } from "./parts.ts";

/**
 * The countdown ticks in the browser from the deadline's instant. `anchor`: the card the
 * attention strip links to (one per task on a page). The buttons are the reader's own: the
 * owner's actions only for the owner and the coordinator or deputies.
 */
export function taskCard(
  ctx: RenderContext,
  view: TaskCardView,
  options: { heading?: "h3" | "h4"; anchor?: boolean } = {},
): Html {
  const { w } = ctx;
  const id = ctx.nextId("task");
  const title =
    options.heading === "h4"
      ? html`<h4 id="${id}">${numberPrefix(view)}${view.title}</h4>`
      : html`<h3 id="${id}">${numberPrefix(view)}${view.title}</h3>`;
  const owner = view.ownerName
    ? view.ownerName
    : `${w("nobody")}${view.suggestedOwner ? ` (${w("suggested")}: ${view.suggestedOwner})` : ""}`;
  const finished = view.status === "done" || view.status === "cancelled";
  const actions = forViewer(view, { personId: ctx.actorId, leader: ctx.leader }).actions;
  const othersTask = ctx.csrf !== null && view.actions.length > 0 && actions.length === 0;
  return html`<article${options.anchor ? html` id="t-${view.taskId}"` : ""} class="card card-task task-${view.status}${view.overdue ? " overdue" : ""}" aria-labelledby="${id}" data-card="${view.taskId}" tabindex="-1">
${title}
<p class="badges">${badge(view.statusLabel, view.status)}${view.overdue ? html` ${badge(w("overdue"), "overdue")}` : ""} <span class="phase">${view.phaseLabel}</span>${view.service ? html` · <span class="service-name">${view.service.priority}. ${view.service.name}</span>` : ""}</p>
<dl class="facts">
<div><dt>${w("owner")}</dt><dd>${owner}</dd></div>
<div><dt>${w("deadline")}</dt><dd>${view.deadline}${finished ? "" : html` — ${countdown(view.deadlineAt, view.remaining, view.overdue)}`}</dd></div>
</dl>
${view.blockedReason && view.status === "blocked" ? html`<p class="blocked"><strong>${w("blockedBecause")}</strong> ${view.blockedReason}</p>` : ""}
${view.description ? html`<details class="description"><summary>${w("description")}</summary><p>${view.description}</p></details>` : ""}
${options.anchor && ctx.note?.near === `t-${view.taskId}` ? html`<p class="inline-note refused" role="alert">${ctx.note.text}</p>` : ""}
${othersTask && view.ownerName ? html`<p class="others-task">${view.ownerName} ${w("othersTask")}</p>` : ""}
${actionButtons(ctx, actions)}
</article>`;
}
