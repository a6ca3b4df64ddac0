// The card a paged person gets: the functions they are paged for, where to come and by when, and
// "Ik kom" / "Ik kan niet" until answered, then the answer with a button to change it.
import type { EngineContext } from "../context.ts";
import { RampError } from "../errors.ts";
import type { Page } from "../model.ts";
import { pagesOnCard } from "../paging.ts";
import { formatDateTime } from "../time.ts";
import { incidentCardView } from "./incident-card.ts";
import { IncidentReads } from "./incident-reads.ts";
import type { Labels } from "./labels.ts";
import type { PageCardView, ViewAction } from "./types.ts";

export async function pageCardView(
  ctx: EngineContext,
  L: Labels,
  pageId: string,
): Promise<PageCardView> {
  const page = await ctx.store.pages.get(pageId);
  if (!page) throw new RampError("page-not-found");
  const reads = new IncidentReads(ctx, page.incidentId);
  const [card, pages, timeline] = await Promise.all([
    incidentCardView(ctx, L, page.incidentId, reads),
    reads.pages(),
    ctx.store.timeline.listOfTypes(page.incidentId, ["page.sent"]),
  ]);
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  // One card per person: the functions they were paged for while this card waited for an answer.
  const onCard = pagesOnCard(pages, timeline, pageId);
  const answeredPage = (p: Page) => p.status === "coming" || p.status === "declined";
  const answered = onCard.every(answeredPage);
  const closed = card.status === "closed";
  const m = card.meeting;
  const functions = joinWords(
    onCard.map((p) => dir.functionName(p.functionId)),
    nl,
  );
  // The fallback address is not where people go by habit: say so.
  const where =
    m.choice === "fallback" ? (nl ? "het uitwijk-contactadres " : "the fallback address ") : "";
  const text = nl
    ? `U wordt opgeroepen voor de crisisstaf als ${functions}. Kom naar ${where}${m.name}, ${m.address}${m.room ? ` (${m.room})` : ""}, tegen ${m.arriveBy}.`
    : `You are paged for the crisis staff as ${functions}. Come to ${where}${m.name}, ${m.address}${m.room ? ` (${m.room})` : ""}, by ${m.arriveBy}.`;
  // Until every function on the card is answered: "Ik kom" covers them all, "Ik kan niet" is
  // said per function. Once answered the card shows the answer, not the question again; one
  // button per answer stays to change it: someone who said "ik kom" may still fall out (and
  // the alternate is paged).
  const perFunction = (p: Page, label: string) =>
    onCard.length === 1 ? label : `${label} ${nl ? "als" : "as"} ${dir.functionName(p.functionId)}`;
  const decline = (p: Page, label: string, danger = true): ViewAction => ({
    action: "page.declined",
    subjectId: p.id,
    label: perFunction(p, label),
    ...(danger ? { style: "danger" as const } : {}),
    ...(onCard.length > 1
      ? {
          choice: {
            group: label,
            question: nl ? "Voor welke functie?" : "For which function?",
            option: dir.functionName(p.functionId),
          },
        }
      : {}),
  });
  const actions: ViewAction[] = closed
    ? []
    : answered
      ? [
          ...(onCard.some((p) => p.status === "declined")
            ? [
                {
                  action: "page.coming" as const,
                  subjectId: pageId,
                  label: L.text("comeAfterAll"),
                },
              ]
            : []),
          ...onCard
            .filter((p) => p.status === "coming")
            .map((p) => decline(p, L.text("declineAfterAll"), false)),
        ]
      : [
          { action: "page.coming", subjectId: pageId, label: L.text("coming"), style: "primary" },
          ...onCard
            .filter((p) => p.status !== "declined")
            .map((p) => decline(p, L.text("declined"))),
        ];
  const answers = onCard.filter(answeredPage).map((p) => {
    const status = `${L.pageStatus(p.status)} (${formatDateTime(p.answeredAt!, dir.locale, dir.timeZone)})`;
    return onCard.length === 1 ? status : `${dir.functionName(p.functionId)}: ${status}`;
  });
  return {
    kind: "page",
    pageId,
    incidentId: page.incidentId,
    personId: page.personId,
    title: card.title,
    text,
    facts: [...card.facts, { label: L.text("function"), value: functions }],
    answered,
    answerText: answers.length > 0 ? answers.join("; ") : null,
    actions,
  };
}

/** "A", "A en B", "A, B en C". */
function joinWords(items: string[], nl: boolean): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${nl ? "en" : "and"} ${items.at(-1)}`;
}
