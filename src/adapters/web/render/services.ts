// ServiceLine[] → HTML: the priority services in order, each with its RTO deadline as a
// countdown, its time chart and its tasks.
import type { ServiceLine } from "../../../core/views/types.ts";
import { serviceChart } from "./chart.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";
import { badge, countdown } from "./parts.ts";

export interface ServiceTimes {
  declaredAt: Date;
  /** Restoration times by service id (the view carries them formatted only). */
  restoredAt: Map<string, Date>;
}

export function servicesList(ctx: RenderContext, lines: ServiceLine[], times: ServiceTimes): Html {
  const { w } = ctx;
  if (lines.length === 0) return html`<p>${w("noServices")}</p>`;
  return html`<p class="hint">${w("servicesHint")}</p><ol class="services">${lines.map((s) => {
    const id = ctx.nextId("service");
    const restoredAt = times.restoredAt.get(s.serviceId) ?? null;
    const overdue = !s.restored && ctx.now.getTime() > Date.parse(s.deadlineAt);
    const state = s.restored
      ? html`${badge(w("restored"), s.withinRto ? "in-time" : "late")} ${s.restoredAt} (${s.withinRto ? w("restoredInTime") : w("restoredLate")})`
      : countdown(s.deadlineAt, s.remaining, overdue);
    return html`<li class="service${s.restored ? " restored" : ""}${overdue || s.withinRto === false ? " late" : ""}" aria-labelledby="${id}">
<div class="service-head"><span class="prio" aria-hidden="true">${s.priority}</span><h3 id="${id}">${s.name}</h3>${badge(`${w("rto")} ${s.rtoHours} ${ctx.locale === "nl" ? "u" : "h"}`, "rto")}</div>
<p class="service-deadline"><strong>${w("deadline")}:</strong> ${s.deadline} — ${state}</p>
${serviceChart(ctx, { declaredAt: times.declaredAt, deadlineAt: new Date(s.deadlineAt), restoredAt })}
<p class="counts">${w("tasksWord")}: ${s.tasks.open} ${w("tasksOpen")} · ${s.tasks.claimed} ${w("tasksClaimed")} · ${s.tasks.blocked} ${w("tasksBlocked")} · ${s.tasks.done} ${w("tasksDone")}</p>
</li>`;
  })}</ol>`;
}
