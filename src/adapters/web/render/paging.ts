// PagingView → HTML: per crisis-staff function who was paged and how they answered.
import type { PagingView } from "../../../core/views/types.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";

export function pagingTable(ctx: RenderContext, view: PagingView): Html {
  const { w } = ctx;
  if (view.rows.length === 0) return html`<p>${w("noPages")}</p>`;
  return html`<p class="summary">${view.summaryText}</p>
<div class="table-wrap"><table class="paging">
<thead><tr><th scope="col">${w("fn")}</th><th scope="col">${w("person")}</th><th scope="col">${w("status")}</th><th scope="col">${w("answered")}</th></tr></thead>
<tbody>${view.rows.map(
    (row) => html`<tr class="page-${row.status}">
<th scope="row" data-label="${w("fn")}">${row.functionName}</th>
<td data-label="${w("person")}">${row.personName}${row.callPhone ? html` <a class="call" href="tel:${row.callPhone.replaceAll(" ", "")}">${w("call")} ${row.callPhone}</a>` : row.callHint ? html` <span class="call">📞 ${row.callHint}</span>` : ""}</td>
<td data-label="${w("status")}"><span class="page-status st-${row.status}">${row.statusLabel}</span></td>
<td data-label="${w("answered")}"${row.answeredAt ? "" : html` class="none"`}>${row.answeredAt ?? "—"}</td>
</tr>`,
  )}</tbody>
</table></div>`;
}

export function pagingCard(ctx: RenderContext, view: PagingView): Html {
  const id = ctx.nextId("paging");
  return html`<article class="card card-paging" aria-labelledby="${id}">
<h3 id="${id}">${view.title}</h3>
${pagingTable(ctx, view)}
</article>`;
}
