// Communication during the incident: every message Ramp sent (pages, reminders, escalations,
// decisions, the closing notice) and every communication the team logged as internal or
// external. The outbox holds one row per delivery channel and recipient; here each message
// counts once, with all its recipients.
import type { PlanDirectory } from "../directory.ts";
import type { NoticeKind, OutboxItem } from "../model.ts";
import { platformName, type Reach, reachOf } from "./delivered.ts";
import type { Say } from "./format.ts";
import type { Note } from "./notes.ts";
import type { FunctionPaging } from "./paging-outcomes.ts";

export interface Message {
  at: Date;
  direction: "internal" | "external";
  /** Sent by Ramp, or logged by a person with /ramp log. */
  origin: "ramp" | "logged";
  type: "page" | NoticeKind | "logged";
  /** The type in words, e.g. "Herinnering taak". */
  kind: string;
  to: string;
  text: string;
  /** Reached everyone following the incident (its channel), not one person. */
  toIncident: boolean;
  /** Whether the platforms took it, per recipient; null for what people logged. */
  reach: Reach | null;
  seq?: number;
}

export function noticeKindLabel(kind: NoticeKind, say: Say): string {
  const labels: Record<NoticeKind, string> = {
    "task-reminder": say("Herinnering taak", "Task reminder"),
    "task-overdue": say("Deadline gemist", "Deadline missed"),
    "task-assigned": say("Taak toegewezen", "Task assigned"),
    "task-cancelled": say("Taak geannuleerd", "Task cancelled"),
    "service-reminder": say("Herinnering RTO", "RTO reminder"),
    "service-overdue": say("RTO overschreden", "RTO exceeded"),
    "page-exhausted": say("Niemand bereikbaar", "Nobody reachable"),
    decision: say("Beslissing", "Decision"),
    "incident-closed": say("Afsluiting", "Closing"),
    "meeting-changed": say("Nieuw contactadres", "New meeting address"),
    log: say("Melding", "Notice"),
    report: say("Melding van een incident", "Incident report"),
    "plan-copy": say("Exemplaar van het plan", "Copy of the plan"),
    "contact-check": say("Klopt dit nog?", "Contact details check"),
    "chat-problem": say("Probleem met het incidentkanaal", "Incident channel problem"),
    "plan-file": say("Planbestand gewijzigd", "Plan file changed"),
    "plan-amendment": say("Voorstel tot planwijziging", "Proposed plan change"),
    "test-result": say("Resultaat bereikbaarheidstest", "Reachability test result"),
    "exercise-due": say("Oefening gepland", "Exercise due"),
    "exercise-inject": say("Inject", "Inject"),
    "exercise-ended": say("Oefening gestopt", "Exercise stopped"),
    "delivery-failed": say("Niet afgeleverd", "Not delivered"),
    "sms-reply": say("Antwoord per sms", "Reply by SMS"),
  };
  return labels[kind];
}

export function collectMessages(
  dir: PlanDirectory,
  say: Say,
  paging: FunctionPaging[],
  outbox: OutboxItem[],
  internalNotes: Note[],
  externalNotes: Note[],
  smsReceipts = false,
): Message[] {
  const messages: Message[] = [];
  const pageSends = firstDeliveriesOfPages(outbox);
  for (const fn of paging) {
    for (const outcome of fn.pages) {
      if (outcome.comingAtOnce) continue;
      const { page } = outcome;
      messages.push({
        at: page.sentAt,
        direction: "internal",
        origin: "ramp",
        type: "page",
        kind: say("Oproep crisisstaf", "Crisis staff page"),
        to: dir.name(page.personId),
        text:
          page.attempt === 0
            ? say(`Oproep als ${fn.name}`, `Paged as ${fn.name}`)
            : say(
                `Oproep als ${fn.name} (vervanger ${page.attempt})`,
                `Paged as ${fn.name} (alternate ${page.attempt})`,
              ),
        toIncident: false,
        reach: reachOf(pageSends.get(page.id) ?? [], dir, say, smsReceipts),
        ...(outcome.sent ? { seq: outcome.sent.seq } : {}),
      });
    }
  }
  messages.push(...groupNotices(dir, say, outbox, smsReceipts));
  const logged = (notes: Note[], direction: Message["direction"]) =>
    notes.map(
      (note): Message => ({
        at: note.at,
        direction,
        origin: "logged",
        type: "logged",
        kind: say(`Gelogd door ${dir.name(note.actorId)}`, `Logged by ${dir.name(note.actorId)}`),
        to: "—",
        text: note.text,
        toIncident: false,
        reach: null,
        seq: note.seq,
      }),
    );
  messages.push(...logged(internalNotes, "internal"), ...logged(externalNotes, "external"));
  // Stable: messages of one moment keep the order they were produced in.
  return messages
    .map((message, i) => ({ message, i }))
    .sort((a, b) => a.message.at.getTime() - b.message.at.getTime() || a.i - b.i)
    .map(({ message }) => message);
}

/** One message per notice, whatever the number of channels and recipients it went to. */
function groupNotices(
  dir: PlanDirectory,
  say: Say,
  outbox: OutboxItem[],
  smsReceipts: boolean,
): Message[] {
  const groups = new Map<
    string,
    {
      item: OutboxItem;
      kind: NoticeKind;
      text: string;
      people: Set<string>;
      channel: boolean;
      items: OutboxItem[];
    }
  >();
  for (const item of outbox) {
    if (item.delivery.type !== "notice") continue;
    const { notice } = item.delivery;
    const key = `${item.createdAt.getTime()}|${notice.kind}|${notice.subjectId ?? ""}|${notice.text}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        item,
        kind: notice.kind,
        text: notice.text,
        people: new Set(),
        channel: false,
        items: [],
      };
      groups.set(key, group);
    }
    group.items.push(item);
    if (item.audience.kind === "person") group.people.add(item.audience.personId);
    else group.channel = true;
  }
  return [...groups.values()].map((group) => ({
    at: group.item.createdAt,
    direction: "internal" as const,
    origin: "ramp" as const,
    type: group.kind,
    kind: noticeKindLabel(group.kind, say),
    to: [
      ...[...group.people].map((id) => dir.name(id)),
      ...(group.channel ? [say("incidentkanaal", "incident channel")] : []),
    ].join(", "),
    text: group.text,
    toIncident: group.channel,
    reach: reachOf(group.items, dir, say, smsReceipts),
  }));
}

/** Per page, the deliveries that sent it (later ones only brought the card up to date). */
function firstDeliveriesOfPages(outbox: OutboxItem[]): Map<string, OutboxItem[]> {
  const byPage = new Map<string, OutboxItem[]>();
  for (const item of outbox) {
    if (item.delivery.type !== "card" || item.delivery.card.kind !== "page") continue;
    const { pageId } = item.delivery.card;
    const first = byPage.get(pageId);
    if (!first) byPage.set(pageId, [item]);
    else if (item.createdAt.getTime() === first[0]!.createdAt.getTime()) first.push(item);
  }
  return byPage;
}

/** The platforms Ramp delivered on, in order of first use. */
export function platformsUsed(outbox: OutboxItem[]): string[] {
  const seen = new Set<string>();
  for (const item of outbox) seen.add(platformName(item.channel));
  return [...seen];
}
