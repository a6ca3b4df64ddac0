// The board's practice panel: the open test, last and next test and exercise, anything overdue,
// the trend of the last tests, and (for the coordinator and the deputies) start and stop.
import type { PracticeOverview } from "../../../core/practice/overview.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";

export const TESTS_PATH = "/tests";

export function practicePanel(ctx: RenderContext, o: PracticeOverview, full = false): Html {
  const { w } = ctx;
  const open = o.open
    ? html`<p class="test-open" role="status"><strong>${w("testRunning")} ${o.open.number}</strong> — ${w("testUntil")} ${o.open.closesAt}</p>${testButton(ctx, o)}`
    : testButton(ctx, o);
  const trend =
    o.trend.length === 0
      ? html`<p>${w("testNoneYet")}</p>`
      : html`<div class="table-wrap"><table class="paging trend"><caption>${w("testTrend")}</caption><thead><tr><th scope="col">${w("testNumber")}</th><th scope="col">${w("testDate")}</th><th scope="col">${w("testRate")}</th><th scope="col">${w("testMedian")}</th><th scope="col">${w("testUncovered")}</th></tr></thead><tbody>${o.trend.map(
          (t) =>
            html`<tr><th scope="row" data-label="${w("testNumber")}"><a href="${TESTS_PATH}/${encodeURIComponent(t.number)}">${t.number}</a></th><td data-label="${w("testDate")}">${t.date}</td><td data-label="${w("testRate")}"><meter min="0" max="100" value="${String(t.rate)}">${String(t.rate)} %</meter> ${String(t.rate)} % (${t.answered})</td><td data-label="${w("testMedian")}">${t.median}</td><td data-label="${w("testUncovered")}"${t.uncovered > 0 ? html` class="overdue"` : ""}>${String(t.uncovered)}</td></tr>`,
        )}</tbody></table></div>`;
  return html`<section id="practice" class="panel" aria-labelledby="practice-title"><h2 id="practice-title">${o.title}</h2>
${o.warnings.length > 0 ? html`<div role="alert"><ul class="practice-warnings">${o.warnings.map((x) => html`<li>${x}</li>`)}</ul></div>` : ""}
<dl class="facts">${o.lines.map((l) => html`<div><dt>${l.label}</dt><dd${l.overdue ? html` class="overdue"` : ""}>${l.value}</dd></div>`)}</dl>
${open}
${full ? trend : html`<p><a href="${TESTS_PATH}">${w("testAll")}</a></p>`}
</section>`;
}

/** Start or stop a test: for the coordinator and the deputies. */
function testButton(ctx: RenderContext, o: PracticeOverview): Html {
  if (!ctx.leader || ctx.csrf === null) return html``;
  const [action, label, style] = o.open
    ? ["stop", ctx.w("testStop"), "btn-danger"]
    : ["start", ctx.w("testStart"), "btn-primary"];
  return html`<form method="post" action="${TESTS_PATH}/${action}"><input type="hidden" name="csrf" value="${ctx.csrf}"><button class="btn ${style}" type="submit">${label}</button></form>`;
}

/** The practice section of the readiness page: the test button and the way to every test. */
export function practiceControls(ctx: RenderContext, o: PracticeOverview): Html {
  return html`${testButton(ctx, o)}<p><a href="${TESTS_PATH}">${ctx.w("testAll")}</a></p>`;
}
