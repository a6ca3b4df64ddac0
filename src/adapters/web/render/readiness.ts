// ReadinessView → HTML: the board's first page while no incident runs. The answer at a glance
// (one line per section, each with its level in words and a shape, never colour alone), then
// every section: its facts and its rows as a table that stacks on a phone. Numbers to call are
// in the view only for the coordinator and the deputies.
import {
  type ReadinessLevel,
  type ReadinessLine,
  type ReadinessRow,
  type ReadinessSection,
  type ReadinessView,
  levelWord as wordFor,
} from "../../../core/views/readiness/model.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";
import { facts } from "./parts.ts";

function levelWord(ctx: RenderContext, level: ReadinessLevel): string {
  return wordFor(level, ctx.locale === "nl");
}

/** The level as a badge: a shape and a word. */
function mark(ctx: RenderContext, level: ReadinessLevel): Html {
  return html`<span class="lv-mark lv-${level}">${levelWord(ctx, level)}</span>`;
}

function line(ctx: RenderContext, l: ReadinessLine): Html {
  const call = l.phone
    ? html` <a class="call" href="tel:${l.phone.replace(/[^+0-9]/g, "")}">${ctx.w("call")} ${l.phone}</a>`
    : "";
  if (!l.level) return html`<li class="lv-line lv-hint">${l.text}${call}</li>`;
  return html`<li class="lv-line lv-${l.level}"><span class="sr-only">${levelWord(ctx, l.level)}: </span>${l.text}${call}</li>`;
}

function row(
  ctx: RenderContext,
  section: ReadinessSection,
  r: ReadinessRow,
  marked: boolean,
): Html {
  const columns = section.columns;
  return html`<tr class="lv-row lv-${r.level}"><th scope="row">${marked ? html`${mark(ctx, r.level)} ` : ""}${r.label}</th><td data-label="${columns?.value ?? ""}">${r.value}${
    r.lines.length > 0 ? html`<ul class="lv-lines">${r.lines.map((l) => line(ctx, l))}</ul>` : ""
  }</td></tr>`;
}

function rowsTable(ctx: RenderContext, section: ReadinessSection): Html {
  if (section.rows.length === 0) return html``;
  const columns = section.columns ?? { label: "", value: "" };
  // Rows of one level (every copy still to confirm) need no mark each: the section has it.
  const marked = new Set(section.rows.map((r) => r.level)).size > 1;
  return html`<div class="table-wrap"><table class="paging readiness-rows"><caption class="sr-only">${section.title}</caption><thead><tr><th scope="col">${columns.label}</th><th scope="col">${columns.value}</th></tr></thead><tbody>${section.rows.map((r) => row(ctx, section, r, marked))}</tbody></table></div>`;
}

function sectionPanel(ctx: RenderContext, s: ReadinessSection, extra: Html | undefined): Html {
  const id = `readiness-${s.id}`;
  return html`<section id="${id}" class="panel readiness-section lv-${s.level}" aria-labelledby="${id}-title">
<h2 id="${id}-title">${s.title} ${mark(ctx, s.level)}</h2>
<p class="readiness-summary">${s.summary}</p>
${facts(s.facts)}
${rowsTable(ctx, s)}
${extra ?? ""}
</section>`;
}

/**
 * The readiness page. `extras` adds the web's own controls to a section by its id (the practice
 * section gets the test button), after the section's content.
 */
export function readinessPanels(
  ctx: RenderContext,
  view: ReadinessView,
  extras: Partial<Record<string, Html>> = {},
): Html {
  return html`<section id="readiness" class="panel readiness lv-${view.level}" aria-labelledby="readiness-title">
<h2 id="readiness-title">${view.title}</h2>
<p class="readiness-headline">${mark(ctx, view.level)} ${view.headline}</p>
<p class="when">${view.asOf}</p>
${glance(ctx, view, "")}
</section>
${view.sections.map((s) => sectionPanel(ctx, s, extras[s.id]))}`;
}

/** One line per section; `base` is where the sections are ("" on the board, "/" elsewhere). */
function glance(ctx: RenderContext, view: ReadinessView, base: string): Html {
  return html`<ul class="glance">${view.sections.map(
    (s) =>
      html`<li class="lv-${s.level}">${mark(ctx, s.level)} <a href="${base}#readiness-${s.id}">${s.title}</a>: ${s.summary}</li>`,
  )}</ul>`;
}

/** `gereed` in the local chat: the answer at a glance, each line leading to its section on the board. */
export function readinessReply(ctx: RenderContext, view: ReadinessView): Html {
  const id = ctx.nextId("readiness");
  return html`<article class="card readiness lv-${view.level}" aria-labelledby="${id}"><h3 id="${id}">${view.title}</h3>
<p class="readiness-headline">${mark(ctx, view.level)} ${view.headline}</p>
<p class="when">${view.asOf}</p>
${glance(ctx, view, "/")}
</article>`;
}
