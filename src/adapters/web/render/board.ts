// The crisis board: the incident, its paging, the priority services with their deadlines, the
// tasks by phase, the decision and the timeline (newest first); past incidents below.
import type { PlanDirectory } from "../../../core/directory.ts";
import type { Incident, PlanCopy, TimelineEntry } from "../../../core/model.ts";
import type { PracticeOverview } from "../../../core/practice/overview.ts";
import { formatDateTime } from "../../../core/time.ts";
import type { ReadinessView } from "../../../core/views/readiness/model.ts";
import type {
  AttentionView,
  DecisionView,
  PageCardView,
  StatusView,
} from "../../../core/views/types.ts";
import { hiddenFields } from "./actions.ts";
import { attentionStrip, mineSection } from "./attention.ts";
import type { RenderContext } from "./context.ts";
import { decisionBody } from "./decision.ts";
import { type Html, html } from "./html.ts";
import { incidentHeader } from "./incident.ts";
import { pageCard } from "./page.ts";
import { pagingTable } from "./paging.ts";
import { planCopiesSection } from "./plan-copies.ts";
import { practiceControls, practicePanel } from "./practice.ts";
import { readinessPanels } from "./readiness.ts";
import { servicesList } from "./services.ts";
import { taskCard } from "./task.ts";
import { timelineList } from "./timeline.ts";

export interface IncidentBoard {
  incident: Incident;
  status: StatusView;
  /** What needs attention now, with the reader's own tasks. */
  attention: AttentionView;
  decision: DecisionView;
  timeline: TimelineEntry[];
  /** The reader's own pages in this incident, to answer from the board. */
  myPages: PageCardView[];
  restoredAt: Map<string, Date>;
  taskTitles: Map<string, string>;
}

export interface BoardModel {
  board: IncidentBoard | null;
  /** Staff reports no declaration took up yet (shown while no incident runs). */
  reports: Array<{ who: string; at: string; text: string }>;
  otherActive: Incident[];
  /** Closed incidents; exercises are listed apart and never among them. */
  past: Incident[];
  pastExercises: Incident[];
  /** The review's address when the review generator is installed. */
  reviewPath: ((incidentId: string) => string) | null;
  /** Each holder's newest copy of the plan; null for a reader who is not a leader. */
  planCopies: PlanCopy[] | null;
  /** Reachability tests and exercises: shown while no incident runs. */
  practice: PracticeOverview | null;
  /** Whether the crisis team could be assembled now: the first page while no incident runs. */
  readiness: ReadinessView | null;
}

function section(id: string, title: string, body: Html): Html {
  return html`<section id="${id}" class="panel" aria-labelledby="${id}-title"><h2 id="${id}-title">${title}</h2>${body}</section>`;
}

function incidentLink(
  ctx: RenderContext,
  incident: Incident,
  reviewPath: BoardModel["reviewPath"],
): Html {
  const when = formatDateTime(incident.declaredAt, ctx.locale, ctx.timeZone);
  const closed = incident.closedAt
    ? ` — ${ctx.w("closedAt").toLowerCase()} ${formatDateTime(incident.closedAt, ctx.locale, ctx.timeZone)}`
    : "";
  const name = incident.exercise ? `${ctx.w("exercise")} ${incident.number}` : incident.number;
  return html`<li><a href="/incidents/${encodeURIComponent(incident.id)}">${name} — ${incident.description}</a> <span class="when">(${when}${closed})</span>${
    reviewPath && incident.status === "closed"
      ? html` · ${reviewAnchors(ctx, reviewPath(incident.id), ctx.w("review"))}`
      : ""
  }</li>`;
}

function tasksSection(ctx: RenderContext, b: IncidentBoard): Html {
  const groups = b.status.groups.filter((g) => g.tasks.length > 0);
  if (groups.length === 0)
    return html`<p>${ctx.w(b.incident.situation ? "noTasks" : "noTasksYet")}</p>`;
  return html`${groups.map(
    (g) =>
      html`<h3 class="phase-title">${g.label}</h3><div class="task-grid">${g.tasks.map((t) =>
        taskCard(ctx, t, { heading: "h4", anchor: true }),
      )}</div>`,
  )}`;
}

export function incidentBoard(
  ctx: RenderContext,
  b: IncidentBoard,
  dir: PlanDirectory,
  reviewPath: BoardModel["reviewPath"],
): Html {
  const { w } = ctx;
  const active = b.incident.status === "active";
  const showDecision =
    (ctx.leader && ctx.csrf !== null && b.incident.status === "active") ||
    b.decision.history.length > 0 ||
    b.decision.evaluation !== null;
  const mark = b.status.incident.exercise;
  // What needs attention and the reader's own items first: on a phone they are what shows.
  return html`${mark ? html`<div class="exercise-banner" role="note"><p><strong>${mark.label}</strong> ${mark.text}</p>${active ? exerciseStop(ctx) : ""}</div>` : ""}
${incidentHeader(ctx, b.status.incident)}
${active ? attentionStrip(b.attention) : ""}
${b.myPages.length > 0 ? section("my-page", w("yourPage"), html`${b.myPages.map((p) => pageCard(ctx, p))}`) : ""}
${active ? mineSection(ctx, b.attention) : ""}
${section("paging", w("paging"), pagingTable(ctx, b.status.paging))}
${section("services", w("services"), servicesList(ctx, b.status.services, { declaredAt: b.incident.declaredAt, restoredAt: b.restoredAt }))}
${section("tasks", w("tasks"), tasksSection(ctx, b))}
${showDecision ? section("decision", b.decision.title, decisionBody(ctx, b.decision)) : ""}
${section("timeline", w("timeline"), html`${reviewLinks(ctx, b, reviewPath)}${timelineList(ctx, b.timeline, dir, b.taskTitles)}`)}`;
}

/** The chat's commands behind buttons: the board posts them as the person's own chat command. */
function chatCommandForm(ctx: RenderContext, body: Html): Html {
  return html`<form method="post" action="/chat" class="exercise-form">${hiddenFields(ctx)}${body}</form>`;
}

/** While nothing runs, the coordinator and the deputies can start an exercise from the board. */
function exerciseStart(ctx: RenderContext, dir: PlanDirectory): Html {
  if (!ctx.leader || !ctx.csrf) return html``;
  const id = ctx.nextId("exercise-scenario");
  const nl = ctx.locale === "nl";
  const free = nl ? "Vrije oefening, zonder injects" : "Free exercise, without injects";
  return section(
    "exercise-start",
    ctx.w("exerciseStart"),
    chatCommandForm(
      ctx,
      html`<p class="hint">${ctx.w("exerciseStartHint")}</p><label for="${id}">${ctx.w("exerciseScenario")}</label>
<select id="${id}" name="text">${dir.plan.scenarios.map((s) => html`<option value="/ramp oefening start ${s.id}">${s.title} (${s.injects.length} injects)</option>`)}<option value="/ramp oefening start ${nl ? "Oefening zonder scenario" : "Exercise without a scenario"}">${free}</option></select>
<button type="submit" class="btn btn-primary">${ctx.w("exerciseStart")}</button>`,
    ),
  );
}

function exerciseStop(ctx: RenderContext): Html {
  if (!ctx.leader || !ctx.csrf) return html``;
  return chatCommandForm(
    ctx,
    html`<button type="submit" name="text" value="/ramp oefening stop" class="btn">${ctx.w("exerciseStop")}</button>`,
  );
}

/** The review written from this timeline; while the incident runs, a draft up to now. */
function reviewLinks(
  ctx: RenderContext,
  b: IncidentBoard,
  reviewPath: BoardModel["reviewPath"],
): Html {
  if (!reviewPath) return html``;
  const label = b.incident.exercise
    ? ctx.w("exerciseReport")
    : b.incident.status === "active"
      ? ctx.w("reviewDraft")
      : ctx.w("review");
  return html`<p class="review-links no-print">${reviewAnchors(ctx, reviewPath(b.incident.id), label)}</p>`;
}

/** The review page, and its Word document to download. */
function reviewAnchors(ctx: RenderContext, path: string, label: string): Html {
  return html`<a href="${path}">${label}</a> (<a href="${path}.docx" download>${ctx.w("reviewWord")}</a>)`;
}

/** The live part of the board page (fetched again on every change). */
export function boardContent(ctx: RenderContext, model: BoardModel, dir: PlanDirectory): Html {
  const { w } = ctx;
  const head = model.board
    ? incidentBoard(ctx, model.board, dir, model.reviewPath)
    : html`<h1>${w("board")}</h1><p class="empty">${w("noIncident")} ${w("noIncidentHint")}</p>${
        model.reports.length > 0
          ? section(
              "reports",
              w("openReports"),
              html`<ul class="reports">${model.reports.map((r) => html`<li><strong>${r.who}</strong> <span class="when">(${r.at})</span>: ${r.text}</li>`)}</ul>`,
            )
          : ""
      }${
        model.readiness
          ? readinessPanels(ctx, model.readiness, {
              practice: model.practice ? practiceControls(ctx, model.practice) : undefined,
            })
          : model.practice
            ? practicePanel(ctx, model.practice)
            : ""
      }${exerciseStart(ctx, dir)}`;
  return html`${head}
${model.otherActive.length > 0 ? section("other-active", w("otherActive"), html`<ul class="incidents">${model.otherActive.map((i) => incidentLink(ctx, i, model.reviewPath))}</ul>`) : ""}
${section("past", w("pastIncidents"), model.past.length > 0 ? html`<ul class="incidents">${model.past.map((i) => incidentLink(ctx, i, model.reviewPath))}</ul>` : html`<p>${w("noPast")}</p>`)}
${model.pastExercises.length > 0 ? section("past-exercises", w("pastExercises"), html`<ul class="incidents exercises">${model.pastExercises.map((i) => incidentLink(ctx, i, model.reviewPath))}</ul>`) : ""}
${planCopiesSection(ctx, dir, model.planCopies)}`;
}
