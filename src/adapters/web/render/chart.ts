// A service's time chart (SVG): the axis runs from the declaration to the latest of deadline,
// now and restoration; a bar shows the elapsed time (or the time to restoration), with markers
// for the deadline, now and the restoration. The words are HTML below, so they stay readable at
// any width; the SVG stretches and the script moves the "now" marker.
import { formatDateTime, formatTime } from "../../../core/time.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";

export interface ChartInput {
  declaredAt: Date;
  deadlineAt: Date;
  restoredAt: Date | null;
}

const WIDTH = 1000;

export function serviceChart(ctx: RenderContext, input: ChartInput): Html {
  const { w } = ctx;
  const start = input.declaredAt.getTime();
  const deadline = input.deadlineAt.getTime();
  const now = ctx.now.getTime();
  const restored = input.restoredAt?.getTime() ?? null;
  const end = Math.max(deadline, now, restored ?? 0, start + 60_000);
  const x = (t: number) => (Math.min(Math.max(t - start, 0), end - start) / (end - start)) * WIDTH;
  const reached = restored ?? now;
  const late = reached > deadline;
  const barClass =
    restored !== null ? (late ? "bar-late" : "bar-restored") : late ? "bar-late" : "bar-running";
  const when = (t: number) => formatDateTime(new Date(t), ctx.locale, ctx.timeZone);
  const label = [
    `${w("declaredShort")} ${when(start)}`,
    `${w("deadline")} ${when(deadline)}`,
    `${w("now")} ${when(now)}`,
    ...(restored !== null ? [`${w("restored")} ${when(restored)}`] : []),
  ].join("; ");
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} 30" preserveAspectRatio="none" role="img" aria-label="${label}" data-start="${start}" data-end="${end}" focusable="false">
<rect class="track" x="0" y="9" width="${WIDTH}" height="12"></rect>
<rect class="window" x="0" y="9" width="${x(deadline).toFixed(1)}" height="12"></rect>
<rect class="${barClass}"${restored === null ? html` data-now-bar` : ""} x="0" y="11" width="${x(reached).toFixed(1)}" height="8"></rect>
<line class="m-deadline" x1="${x(deadline).toFixed(1)}" x2="${x(deadline).toFixed(1)}" y1="0" y2="30"></line>
${restored !== null ? html`<line class="m-restored" x1="${x(restored).toFixed(1)}" x2="${x(restored).toFixed(1)}" y1="2" y2="28"></line>` : ""}
<line class="m-now" data-now-marker x1="${x(now).toFixed(1)}" x2="${x(now).toFixed(1)}" y1="0" y2="30"></line>
</svg>
<figcaption class="legend"><span class="l-start">${w("declaredShort")} ${formatTime(new Date(start), ctx.locale, ctx.timeZone)}</span>
<span class="l-deadline"><span class="key key-deadline" aria-hidden="true"></span>${w("deadline")} ${when(deadline)}</span>
<span class="l-now"><span class="key key-now" aria-hidden="true"></span>${w("now")} <time data-now-label>${formatTime(ctx.now, ctx.locale, ctx.timeZone)}</time></span>
${restored !== null ? html`<span class="l-restored"><span class="key key-restored" aria-hidden="true"></span>${w("restored")} ${when(restored)}</span>` : ""}</figcaption>
</figure>`;
}
