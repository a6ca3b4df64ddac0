// A shared post-incident review in the local chat: the same message Slack and Teams post (key
// figures, what is left to the team) with links to the review page and its Word document.
import type { ReviewShareView } from "../../../core/review/share-view.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";
import { facts } from "./parts.ts";

export function reviewShareCard(
  ctx: RenderContext,
  share: { view: ReviewShareView; page: string; docx: string },
): Html {
  const { view } = share;
  const id = ctx.nextId("review");
  return html`<article class="card card-review" aria-labelledby="${id}">
<h3 id="${id}">${view.title}</h3>
<p>${view.lead}</p>
${facts(view.facts)}
<p>${view.toDo}</p>
${view.verification.ok ? "" : html`<p class="flash" role="alert">${view.verification.text}</p>`}
<p class="actions"><a class="btn btn-primary" href="${share.docx}" download>${view.downloadLabel}</a> <a class="btn" href="${share.page}">${view.readLabel}</a></p>
</article>`;
}
