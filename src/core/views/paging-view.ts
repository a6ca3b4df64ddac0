// The paging overview: per crisis staff function who was paged and how they answered, with the
// alternates, a one-line count, and a phone number for anyone no chat platform reaches.
import type { EngineContext } from "../context.ts";
import type { Page } from "../model.ts";
import { formatDateTime } from "../time.ts";
import { IncidentReads } from "./incident-reads.ts";
import type { Labels } from "./labels.ts";
import { amount } from "./plural.ts";
import type { PagingRow, PagingView } from "./types.ts";

export async function pagingView(
  ctx: EngineContext,
  L: Labels,
  incidentId: string,
  reads = new IncidentReads(ctx, incidentId),
): Promise<PagingView> {
  const pages = await reads.pages();
  const { dir } = ctx;
  const rows: PagingRow[] = [];
  const summary = { coming: 0, declined: 0, silent: 0, waiting: 0, escalated: 0 };
  for (const functionId of dir.plan.coordination.crisisStaff) {
    const chain = pages
      .filter((p) => p.functionId === functionId)
      .sort((a, b) => a.attempt - b.attempt);
    chain.forEach((page, i) => {
      const escalated =
        i < chain.length - 1 && (page.status === "silent" || page.status === "declined");
      const status = escalated ? "escalated" : page.status;
      rows.push(pagingRow(ctx, L, page, status));
    });
    const last = chain.at(-1);
    if (!last) continue;
    if (chain.length > 1) summary.escalated += 1;
    // Functions someone is coming for (e.g. a holder who answered after the alternate was
    // paged) or still waiting for; every "ik kan niet" and every silence counts, also those
    // that led to an alternate.
    const coming = chain.some((p) => p.status === "coming");
    if (coming) summary.coming += 1;
    else if (last.status === "sent") summary.waiting += 1;
    summary.declined += chain.filter((p) => p.status === "declined").length;
    summary.silent += chain.filter((p) => p.status === "silent").length;
  }
  const summaryText =
    dir.locale === "nl"
      ? `${amount(summary.coming, "komt", "komen")}, ${amount(summary.declined, "kan niet", "kunnen niet")}, ${summary.silent} geen antwoord, ${amount(summary.waiting, "wacht", "wachten")} op antwoord; bij ${amount(summary.escalated, "functie", "functies")} een vervanger opgeroepen`
      : `${summary.coming} coming, ${summary.declined} cannot come, ${summary.silent} no answer, ${summary.waiting} waiting; an alternate paged for ${amount(summary.escalated, "function", "functions")}`;
  return {
    kind: "paging",
    incidentId,
    title: L.text("paging"),
    rows,
    summary,
    summaryText,
  };
}

function pagingRow(
  ctx: EngineContext,
  L: Labels,
  page: Page,
  status: PagingRow["status"],
): PagingRow {
  const { dir } = ctx;
  return {
    functionId: page.functionId,
    functionName: dir.functionName(page.functionId),
    personName: dir.name(page.personId),
    status,
    statusLabel: L.pageStatus(status),
    attempt: page.attempt,
    answeredAt: page.answeredAt ? formatDateTime(page.answeredAt, dir.locale, dir.timeZone) : null,
    ...phoneIfUnreachable(ctx, L, page),
  };
}

/** A paged person no configured chat platform can reach: the coordinator has to call them. */
function phoneIfUnreachable(
  ctx: EngineContext,
  L: Labels,
  page: Page,
): { callPhone?: string; callHint?: string } {
  if (page.status !== "sent") return {};
  const person = ctx.dir.person(page.personId);
  const reachable = ctx.channels.some(
    (channel) =>
      channel === "web" ||
      (channel === "slack"
        ? person?.slackUserId
        : channel === "teams"
          ? person?.teamsUserId
          : false),
  );
  const phone = person?.mobile ?? person?.phone;
  return !reachable && phone ? { callPhone: phone, callHint: L.text("callOnBoard") } : {};
}
