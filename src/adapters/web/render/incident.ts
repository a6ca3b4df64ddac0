// IncidentCardView → HTML: the incident as a card (chat) or as the board's heading.
import type { IncidentCardView } from "../../../core/views/types.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";
import { badge, facts } from "./parts.ts";

function meeting(ctx: RenderContext, view: IncidentCardView): Html {
  const m = view.meeting;
  return html`<p class="meeting"><strong>${ctx.w("meeting")}:</strong> ${m.name}, ${m.address}${m.room ? ` (${m.room})` : ""} — ${ctx.w("arriveBy")} ${m.arriveBy}</p>`;
}

function badges(view: IncidentCardView): Html {
  return html`<p class="badges">${badge(view.classificationLabel, view.classification)} ${badge(view.statusLabel, view.status)}</p>`;
}

function decision(ctx: RenderContext, view: IncidentCardView): Html {
  return html`<p class="decision-line"><strong>${ctx.w("decision")}:</strong> ${view.decision ?? ctx.w("noDecision")}</p>`;
}

export function incidentCard(ctx: RenderContext, view: IncidentCardView): Html {
  const id = ctx.nextId("incident");
  return html`<article class="card card-incident" aria-labelledby="${id}">
<h3 id="${id}">${view.title}</h3>
${badges(view)}${facts(view.facts)}${meeting(ctx, view)}${decision(ctx, view)}
</article>`;
}

/** The board's heading: the incident with the page's one h1. */
export function incidentHeader(ctx: RenderContext, view: IncidentCardView): Html {
  return html`<header class="incident-head" aria-labelledby="incident-title">
<h1 id="incident-title">${view.title}</h1>
${badges(view)}${facts(view.facts)}${meeting(ctx, view)}${decision(ctx, view)}
</header>`;
}
