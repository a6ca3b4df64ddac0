// TestMessageView → HTML: a reachability test's message in the local chat, with "Ontvangen".
import type { TestMessageView } from "../../../core/practice/views.ts";
import { actionButtons } from "./actions.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";
import { facts } from "./parts.ts";

export function testCard(ctx: RenderContext, view: TestMessageView): Html {
  const id = ctx.nextId("test");
  return html`<article class="card card-test${view.answered ? " answered" : ""}" aria-labelledby="${id}" data-card="test-${view.recipientId}">
<h3 id="${id}" class="test-mark">${view.title}</h3>
<p>${view.text}</p>
${facts(view.facts)}
${view.answerText ? html`<p class="answer"><strong>${view.answerText}</strong></p>` : ""}
${ctx.actorId === view.personId ? actionButtons(ctx, view.actions) : ""}
</article>`;
}
