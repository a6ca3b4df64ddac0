// PageCardView → HTML: a page to one person, with "Ik kom" / "Ik kan niet".
import type { PageCardView } from "../../../core/views/types.ts";
import { actionButtons } from "./actions.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";
import { facts } from "./parts.ts";

export function pageCard(ctx: RenderContext, view: PageCardView, heading = view.title): Html {
  const id = ctx.nextId("page");
  return html`<article class="card card-page${view.answered ? " answered" : ""}" aria-labelledby="${id}" data-card="page-${view.pageId}">
<p class="card-kind">${ctx.w("pageTitle")}</p><h3 id="${id}">${heading}</h3>
<p>${view.text}</p>
${facts(view.facts)}
${view.answerText ? html`<p class="answer"><strong>${view.answerText}</strong></p>` : ""}
${ctx.actorId === view.personId ? actionButtons(ctx, view.actions) : ""}
</article>`;
}
