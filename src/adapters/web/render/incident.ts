// IncidentCardView → HTML: the incident as a card (chat) or as the board's heading.
import type { IncidentCardView } from "../../../core/views/types.ts";
import { ACTIONS_PATH, encodeAction, hiddenFields } from "./actions.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";
import { badge, facts } from "./parts.ts";

function meeting(ctx: RenderContext, view: IncidentCardView): Html {
  const m = view.meeting;
  const kind = m.choice === "fallback" ? html` <span class="subtle">(${m.kind})</span>` : "";
  return html`<p class="meeting"><strong>${ctx.w("meeting")}:</strong> ${m.name}, ${m.address}${m.room ? ` (${m.room})` : ""} — ${ctx.w("arriveBy")} ${m.arriveBy}${kind}</p>${meetingChange(ctx, view)}`;
}

/** The coordinator and the deputies move the meeting: what happens, an optional reason, a button. */
function meetingChange(ctx: RenderContext, view: IncidentCardView): Html {
  if (!ctx.csrf || !ctx.leader || view.actions.length === 0) return html``;
  return html`${view.actions.map((a) => {
    const id = ctx.nextId("meeting-reason");
    return html`<details class="reason"><summary class="btn">${a.label}…</summary><form method="post" action="${ACTIONS_PATH}" class="meeting-change" data-enhance>${hiddenFields(ctx)}
<p>${a.confirm?.text ?? ""}</p><label for="${id}">${ctx.w("meetingReason")}</label><input id="${id}" name="reason" maxlength="500" autocomplete="off">
<button type="submit" name="do" value="${encodeAction(a)}" class="btn btn-primary">${a.label}</button></form></details>`;
  })}`;
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
