// AttentionView → HTML: the strip the board opens with (blocked tasks, passed deadlines, pages
// without an answer, the next deadline) and the reader's own tasks. Every group says what it
// is in words, not by colour alone; a task links to its card below.
import type { AttentionLine, AttentionView } from "../../../core/views/types.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";
import { countdown } from "./parts.ts";
import { taskCard } from "./task.ts";

function line(l: AttentionLine): Html {
  const title = l.kind === "task" ? html`<a href="#t-${l.id}">${l.title}</a>` : html`${l.title}`;
  return html`<li>${title}${l.who ? html` <span class="att-who">(${l.who})</span>` : ""}${l.detail ? html` — <span class="att-detail">${l.detail}</span>` : ""}</li>`;
}

export function attentionStrip(view: AttentionView): Html {
  const next = view.next;
  return html`<section id="attention" class="panel attention" aria-labelledby="attention-title">
<h2 id="attention-title">${view.title}</h2>
${view.calm ? html`<p class="att-calm">${view.calm}</p>` : ""}
${view.groups.map(
  (g) =>
    html`<div class="att-group att-${g.key}"><h3><span class="att-mark" aria-hidden="true"></span>${g.label} <span class="att-count">(${g.lines.length})</span></h3><ul>${g.lines.map(line)}</ul></div>`,
)}
${
  next
    ? html`<p class="att-next"><strong>${next.label}:</strong> ${next.line.kind === "task" ? html`<a href="#t-${next.line.id}">${next.line.title}</a>` : next.line.title}${next.line.who ? html` <span class="att-who">(${next.line.who})</span>` : ""} — ${next.deadline} — ${countdown(next.deadlineAt, next.line.detail, false)}</p>`
    : ""
}
</section>`;
}

/** "Mijn taken": the reader's own unfinished tasks, with their buttons. */
export function mineSection(ctx: RenderContext, view: AttentionView): Html {
  const mine = view.mine;
  if (!mine) return html``;
  return html`<section id="mine" class="panel mine" aria-labelledby="mine-title"><h2 id="mine-title">${mine.label}</h2>${
    mine.tasks.length === 0
      ? html`<p>${mine.empty}</p>`
      : html`<div class="task-grid">${mine.tasks.map((t) => taskCard(ctx, t, { heading: "h3" }))}</div>`
  }</section>`;
}
