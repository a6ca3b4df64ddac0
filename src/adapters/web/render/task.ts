// TaskCardView → HTML: one task with its owner, status, deadline and buttons.
import type { TaskCardView } from "../../../core/views/types.ts";
import { actionButtons } from "./actions.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";
import { badge, countdown } from "./parts.ts";

/** `deadlineIso`: when known, the countdown ticks in the browser. */
export function taskCard(
  ctx: RenderContext,
  view: TaskCardView,
  options: { deadlineIso?: string | null; heading?: "h3" | "h4" } = {},
): Html {
  const { w } = ctx;
  const id = ctx.nextId("task");
  const title =
    options.heading === "h4"
      ? html`<h4 id="${id}">${view.title}</h4>`
      : html`<h3 id="${id}">${view.title}</h3>`;
  const owner = view.ownerName
    ? view.ownerName
    : `${w("nobody")}${view.suggestedOwner ? ` (${w("suggested")}: ${view.suggestedOwner})` : ""}`;
  const finished = view.status === "done" || view.status === "cancelled";
  return html`<article class="card card-task task-${view.status}${view.overdue ? " overdue" : ""}" aria-labelledby="${id}">
${title}
<p class="badges">${badge(view.statusLabel, view.status)} <span class="phase">${view.phaseLabel}</span>${view.service ? html` · <span class="service-name">${view.service.priority}. ${view.service.name}</span>` : ""}</p>
<dl class="facts">
<div><dt>${w("owner")}</dt><dd>${owner}</dd></div>
<div><dt>${w("deadline")}</dt><dd>${view.deadline}${finished ? "" : html` — ${countdown(options.deadlineIso ?? null, view.remaining, view.overdue)}`}</dd></div>
</dl>
${view.blockedReason && view.status === "blocked" ? html`<p class="blocked"><strong>${w("blockedBecause")}</strong> ${view.blockedReason}</p>` : ""}
${view.description ? html`<details class="description"><summary>${w("description")}</summary><p>${view.description}</p></details>` : ""}
${actionButtons(ctx, view.actions)}
</article>`;
}
