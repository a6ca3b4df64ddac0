// Paging the crisis staff: one page per crisis-staff function, to its holder first;
// no answer within the plan's timeout, or "ik kan niet", pages the function's next alternate.
// Someone paged for a second function while their first page is unanswered gets no second card:
// their card names both, "Ik kom" covers both, "Ik kan niet" is per function. Escalation and
// the answer timeout stay per function (one Page row each).
import { type Actor, actorId } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import { RampError } from "./errors.ts";
import type { Page, TimelineEntry } from "./model.ts";
import { onIncident } from "./run.ts";
import { addMinutes } from "./time.ts";
import type { Work } from "./work.ts";

export type PageAnswer = "coming" | "declined";

/** Pages every crisis-staff function's holder; the declaring person counts as coming. */
export async function pageCrisisStaff(work: Work, declarer: Actor): Promise<void> {
  const { dir } = work.ctx;
  for (const functionId of dir.plan.coordination.crisisStaff) {
    await sendPage(work, functionId, 0, null, declarer);
  }
  work.refresh({ kind: "paging", incidentId: work.incident.id });
}

async function sendPage(
  work: Work,
  functionId: string,
  attempt: number,
  escalatedFrom: Page | null,
  declarer: Actor | null,
): Promise<Page | null> {
  const { dir } = work.ctx;
  const existing = await work.tx.pages.listForIncident(work.incident.id);
  const alreadyPaged = new Set(
    existing.filter((p) => p.functionId === functionId).map((p) => p.personId),
  );
  let personId = dir.pageeFor(functionId, attempt);
  // Someone already paged for this function (a holder who is also listed as alternate) is skipped.
  while (personId && alreadyPaged.has(personId)) {
    attempt += 1;
    personId = dir.pageeFor(functionId, attempt);
  }
  if (!personId) {
    work.record({ type: "page.exhausted", actorId: null, source: "system", data: { functionId } });
    const text = exhaustedText(work, functionId);
    for (const leader of dir.leaders) {
      work.notify(
        { kind: "person", personId: leader },
        { kind: "page-exhausted", text },
        `exhausted:${functionId}:${leader}`,
      );
    }
    return null;
  }
  // The declarer, or an alternate who is already coming for another function, needs no page:
  // they will be at the meeting and take this function over there.
  const alreadyComing = existing.some((p) => p.personId === personId && p.status === "coming");
  const isDeclarer = (declarer !== null && declarer.personId === personId) || alreadyComing;
  const page: Page = {
    id: work.ctx.ids.next(),
    incidentId: work.incident.id,
    personId,
    functionId,
    attempt,
    escalatedFrom: escalatedFrom?.id ?? null,
    status: isDeclarer ? "coming" : "sent",
    sentAt: work.now,
    ackDueAt: addMinutes(work.now, dir.plan.paging.ackTimeout),
    answeredAt: isDeclarer ? work.now : null,
    answerSource: isDeclarer ? (declarer?.source ?? "system") : null,
    version: 0,
  };
  // An unanswered page of the same person: this function joins its card.
  const open = isDeclarer
    ? undefined
    : existing
        .filter((p) => p.personId === personId && p.status === "sent")
        .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime())[0];
  const cardPageId = open ? await cardPageOf(work, open.id) : page.id;
  await work.tx.pages.insert(page);
  pendingCards(work).set(page.id, cardPageId);
  work.record({
    type: "page.sent",
    actorId: null,
    source: "system",
    data: {
      pageId: page.id,
      personId,
      functionId,
      attempt,
      escalatedFrom: page.escalatedFrom,
      selfDeclared: isDeclarer,
      ...(cardPageId !== page.id ? { cardPageId } : {}),
    },
  });
  if (!isDeclarer) {
    // Sent (not only refreshed) for a page that joined a card: the chat platforms update the
    // card in place, and the person without chat gets a text naming both functions.
    work.sendCard(
      { kind: "person", personId },
      { kind: "page", pageId: cardPageId },
      `page:${page.id}`,
    );
    work.schedule({ kind: "page-timeout", subjectId: page.id, dueAt: page.ackDueAt });
  }
  return page;
}

export async function answerPage(
  ctx: EngineContext,
  actor: Actor,
  pageId: string,
  answer: PageAnswer,
  /** Why someone cannot come (an SMS "NEE <reden>"), on the timeline with the answer. */
  reason?: string,
): Promise<Page> {
  const page = await ctx.store.pages.get(pageId);
  if (!page) throw new RampError("page-not-found");
  return onIncident(ctx, page.incidentId, async (work, _incident, tx) => {
    const current = (await tx.pages.get(pageId))!;
    if (current.personId !== actor.personId && !ctx.dir.isLeader(actor.personId)) {
      throw new RampError("page-not-yours", { name: ctx.dir.name(current.personId) });
    }
    const cardPageId = await cardPageOf(work, pageId);
    // "Ik kom" covers every function on the same card still waiting for an answer.
    const covered =
      answer === "coming"
        ? (await cardPages(work, cardPageId)).filter((p) => p.id !== pageId && p.status === "sent")
        : [];
    if (current.status === answer && covered.length === 0) return current; // a double click
    if (current.status !== answer) {
      const changed = await tx.pages.transition(
        pageId,
        current.status,
        answer,
        work.now,
        actor.source,
      );
      if (!changed) throw new RampError("page-already-answered", { answer: current.status });
      recordAnswer(work, actor, current, answer, reason);
    }
    for (const other of covered) {
      if (await tx.pages.transition(other.id, "sent", answer, work.now, actor.source))
        recordAnswer(work, actor, other, answer);
    }
    await tx.jobs.cancelForSubjects([pageId, ...covered.map((p) => p.id)]);
    if (answer === "declined") await escalateUnlessCovered(work, current);
    work.refresh(
      { kind: "page", pageId: cardPageId },
      { kind: "person", personId: current.personId },
    );
    work.refresh({ kind: "paging", incidentId: current.incidentId });
    return { ...current, status: answer, answeredAt: work.now, answerSource: actor.source };
  });
}

/** The scheduler's page-timeout: a page still unanswered goes silent and the next alternate is paged. */
export async function pageTimedOut(work: Work, pageId: string): Promise<void> {
  const page = await work.tx.pages.get(pageId);
  if (page?.status !== "sent") return;
  if (!(await work.tx.pages.transition(pageId, "sent", "silent", null, null))) return;
  work.record({
    type: "page.silent",
    actorId: null,
    source: "system",
    data: { pageId, personId: page.personId, functionId: page.functionId },
  });
  await escalateUnlessCovered(work, page);
  work.refresh(
    { kind: "page", pageId: await cardPageOf(work, pageId) },
    { kind: "person", personId: page.personId },
  );
  work.refresh({ kind: "paging", incidentId: page.incidentId });
}

/**
 * Pages the next alternate, unless someone later in the chain was already paged for the function
 * or someone for the function is coming (a holder who answered "ik kom" after going silent).
 */
async function escalateUnlessCovered(work: Work, page: Page): Promise<void> {
  const pages = (await work.tx.pages.listForIncident(page.incidentId)).filter(
    (p) => p.functionId === page.functionId,
  );
  const later = pages.some((p) => p.attempt > page.attempt);
  if (later || pages.some((p) => p.status === "coming")) return;
  await sendPage(work, page.functionId, page.attempt + 1, page, null);
}

function recordAnswer(
  work: Work,
  actor: Actor,
  page: Page,
  answer: PageAnswer,
  reason?: string,
): void {
  work.record({
    type: "page.answered",
    actorId: actorId(actor),
    source: actor.source,
    data: {
      pageId: page.id,
      personId: page.personId,
      functionId: page.functionId,
      answer,
      previous: page.status,
      ...(reason ? { reason } : {}),
    },
  });
}

/** Card page ids of pages sent by this command, before its timeline entries are written. */
const pending = new WeakMap<Work, Map<string, string>>();
function pendingCards(work: Work): Map<string, string> {
  let map = pending.get(work);
  if (!map) {
    map = new Map();
    pending.set(work, map);
  }
  return map;
}

/** The page whose card shows this page: itself, or the person's page it joined. */
async function cardPageOf(work: Work, pageId: string): Promise<string> {
  const known = pendingCards(work).get(pageId);
  if (known) return known;
  return cardPageIn(await work.tx.timeline.listOfTypes(work.incident.id, ["page.sent"]), pageId);
}

export function cardPageIn(timeline: TimelineEntry[], pageId: string): string {
  const sent = timeline.find((e) => e.type === "page.sent" && e.data.pageId === pageId);
  return typeof sent?.data.cardPageId === "string" ? sent.data.cardPageId : pageId;
}

/** The pages one card shows: its own page first, then the ones that joined it. */
export function pagesOnCard(pages: Page[], timeline: TimelineEntry[], cardPageId: string): Page[] {
  const joined = new Set(
    timeline
      .filter((e) => e.type === "page.sent" && e.data.cardPageId === cardPageId)
      .map((e) => String(e.data.pageId)),
  );
  const own = pages.find((p) => p.id === cardPageId);
  return [...(own ? [own] : []), ...pages.filter((p) => joined.has(p.id))];
}

async function cardPages(work: Work, cardPageId: string): Promise<Page[]> {
  const pages = await work.tx.pages.listForIncident(work.incident.id);
  const timeline = await work.tx.timeline.listOfTypes(work.incident.id, ["page.sent"]);
  const fromTimeline = pagesOnCard(pages, timeline, cardPageId);
  const joinedNow = [...pendingCards(work)]
    .filter(([id, card]) => card === cardPageId && id !== cardPageId)
    .map(([id]) => id);
  return [
    ...fromTimeline,
    ...pages.filter((p) => joinedNow.includes(p.id) && !fromTimeline.includes(p)),
  ];
}

function exhaustedText(work: Work, functionId: string): string {
  const name = work.ctx.dir.functionName(functionId);
  return work.ctx.dir.locale === "nl"
    ? `Niemand bereikbaar voor de functie ${name} (incident ${work.incident.number}): titularis en vervangers antwoordden niet of kunnen niet komen.`
    : `Nobody reachable for the function ${name} (incident ${work.incident.number}): holder and alternates did not answer or cannot come.`;
}
