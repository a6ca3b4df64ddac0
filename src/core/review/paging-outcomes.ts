// How the crisis staff answered its pages, per function: who was paged in which order, how long
// each took to answer, who declined, who stayed silent, and when someone was finally coming.
import type { PlanDirectory } from "../directory.ts";
import type { Incident, Page, TimelineEntry } from "../model.ts";
import type { TimelineIndex } from "./timeline-index.ts";

export interface PageOutcome {
  page: Page;
  sent: TimelineEntry | undefined;
  /**
   * Counted as coming at once and never sent: the declarer's own page, or an alternate who was
   * already coming for another function.
   */
  comingAtOnce: boolean;
  /** The declarer's own page (not one escalated to them for another function). */
  declarer: boolean;
  /** Every answer, in order; the first is what the acknowledgement time measures. */
  answers: TimelineEntry[];
  declined: boolean;
  silent: TimelineEntry | undefined;
}

export interface FunctionPaging {
  functionId: string;
  name: string;
  /** Holder first, then the alternates in the order they were paged. */
  pages: PageOutcome[];
  firstSentAt: Date;
  /** The first "ik kom" for the function, from whoever in the chain gave it. */
  coming: { at: Date; personId: string } | null;
  declines: number;
  silent: number;
  /** Alternates paged after a decline or silence. */
  escalations: number;
  exhausted: TimelineEntry | undefined;
}

export function pagingOutcomes(
  dir: PlanDirectory,
  incident: Incident,
  pages: Page[],
  index: TimelineIndex,
): FunctionPaging[] {
  const byFunction = new Map<string, Page[]>();
  for (const page of pages) {
    const list = byFunction.get(page.functionId);
    if (list) list.push(page);
    else byFunction.set(page.functionId, [page]);
  }
  // The plan's crisis-staff order, then any function paged that is no longer in it.
  const order = [...dir.plan.coordination.crisisStaff];
  for (const functionId of byFunction.keys())
    if (!order.includes(functionId)) order.push(functionId);
  const result: FunctionPaging[] = [];
  for (const functionId of order) {
    const chain = (byFunction.get(functionId) ?? []).sort((a, b) => a.attempt - b.attempt);
    if (chain.length === 0) continue;
    const outcomes = chain.map((page) => pageOutcome(page, incident, index));
    let coming: FunctionPaging["coming"] = null;
    for (const outcome of outcomes) {
      const at = comingAt(outcome);
      if (at && (!coming || at.getTime() < coming.at.getTime()))
        coming = { at, personId: outcome.page.personId };
    }
    result.push({
      functionId,
      name: dir.functionName(functionId),
      pages: outcomes,
      firstSentAt: chain[0]!.sentAt,
      coming,
      declines: outcomes.filter((o) => o.declined).length,
      silent: outcomes.filter((o) => o.silent).length,
      escalations: chain.filter((p) => p.escalatedFrom !== null).length,
      exhausted: index.exhausted.get(functionId),
    });
  }
  return result;
}

function pageOutcome(page: Page, incident: Incident, index: TimelineIndex): PageOutcome {
  const sent = index.pageSent.get(page.id);
  const answers = index.pageAnswers.get(page.id) ?? [];
  // The declarer's own page; a page escalated to them is them covering another function.
  const declarer = page.personId === incident.declaredById && page.escalatedFrom === null;
  // page.sent calls it selfDeclared; pages without their entry fall back on the page row.
  const comingAtOnce =
    sent?.data.selfDeclared === true ||
    (sent === undefined &&
      page.status === "coming" &&
      page.answeredAt?.getTime() === page.sentAt.getTime());
  return {
    page,
    sent,
    comingAtOnce,
    declarer,
    answers,
    declined: answers.some((a) => a.data.answer === "declined"),
    silent: index.pageSilent.get(page.id),
  };
}

/** When this page brought someone: at once, or at their first "ik kom". */
function comingAt(outcome: PageOutcome): Date | null {
  if (outcome.comingAtOnce) return outcome.page.sentAt;
  return outcome.answers.find((a) => a.data.answer === "coming")?.at ?? null;
}
