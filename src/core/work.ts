// One command's changes inside its transaction: timeline entries, deliveries and jobs are
// collected while the command runs and written together before the transaction commits,
// so nothing is announced that was not persisted, and nothing persisted goes unannounced.
import type { Person } from "../plan/schema.ts";
import type { EngineContext } from "./context.ts";
import type {
  Audience,
  CardRef,
  Delivery,
  Incident,
  Job,
  Notice,
  OutboxItem,
  ReviewShare,
  TimelineEntry,
} from "./model.ts";
import type { Repositories } from "./ports.ts";
import { appendEntries, type NewEntry } from "./timeline.ts";
import { exerciseMark } from "./views/exercise-words.ts";

export class Work {
  private readonly entries: NewEntry[] = [];
  private readonly deliveries: Array<{ audience: Audience; delivery: Delivery; key: string }> = [];
  private readonly cards = new Map<
    string,
    { card: CardRef; audience: Audience; ifShown: boolean }
  >();
  private readonly jobs: Array<Omit<Job, "status" | "attempts">> = [];
  /** Entries written so far by this command (a command may flush early to learn their hashes). */
  readonly written: TimelineEntry[] = [];

  constructor(
    readonly ctx: EngineContext,
    readonly tx: Repositories,
    readonly incident: Incident,
    readonly now: Date,
  ) {}

  record(entry: NewEntry): void {
    this.entries.push(entry);
  }

  /** Re-render a card where it is shown: the incident channel, or one person's chat for a page. */
  refresh(
    card: CardRef,
    audience: Audience = { kind: "incident", incidentId: this.incident.id },
  ): void {
    this.cards.set(cardKey(card), { card, audience, ifShown: false });
  }

  /** Re-render a card only where it was already posted (a plain refresh of it wins). */
  refreshIfShown(
    card: CardRef,
    audience: Audience = { kind: "incident", incidentId: this.incident.id },
  ): void {
    const key = cardKey(card);
    if (!this.cards.has(key)) this.cards.set(key, { card, audience, ifShown: true });
  }

  notify(audience: Audience, notice: Omit<Notice, "incidentId">, key: string): void {
    this.deliveries.push({
      audience,
      delivery: {
        type: "notice",
        notice: {
          ...notice,
          incidentId: this.incident.id,
          ...(this.incident.exercise
            ? { exercise: exerciseMark(this.ctx.dir.locale, this.incident.number) }
            : {}),
        },
      },
      key,
    });
  }

  /** The review, drafted and attached when delivered, to everyone following the incident. */
  shareReview(reason: ReviewShare["reason"], requestedById: string | null, key: string): void {
    this.deliveries.push({
      audience: { kind: "incident", incidentId: this.incident.id },
      delivery: { type: "review", review: { incidentId: this.incident.id, reason, requestedById } },
      key,
    });
  }

  /** A card sent to one person (a page), kept current by later refreshes of the same card. */
  sendCard(audience: Audience, card: CardRef, key: string): void {
    this.deliveries.push({ audience, delivery: { type: "card", card }, key });
  }

  schedule(job: Omit<Job, "status" | "attempts" | "id" | "incidentId">): void {
    this.jobs.push({ ...job, id: this.ctx.ids.next(), incidentId: this.incident.id });
  }

  async flush(): Promise<void> {
    const { ctx, tx, incident, now } = this;
    const written = await appendEntries(
      tx.timeline,
      ctx.ids,
      incident.id,
      now,
      this.entries.splice(0),
    );
    this.written.push(...written);
    // The newest entry's seq makes every delivery of this command unique and a retry of the
    // same command (which writes no new entry) a no-op.
    // Zero-padded, with the position in the command, so that the outbox (ordered by creation
    // time, then key) delivers in the order the command produced: task cards in priority order.
    const seq = written.at(-1)?.seq ?? this.written.at(-1)?.seq;
    const stamp = seq === undefined ? `t${now.getTime()}` : String(seq).padStart(10, "0");
    const items: Array<Omit<OutboxItem, "attempts">> = [];
    /** `sent`: a message sent anew (a page, a notice), not an update of a card already out. */
    const add = (audience: Audience, delivery: Delivery, key: string, sent = true) => {
      const at = items.length;
      items.push(
        ...outboxItems(ctx, { incidentId: incident.id, audience, delivery, now, sent }, (c, i) =>
          [incident.id, stamp, String(at + i).padStart(4, "0"), key, c].join(":"),
        ),
      );
    };
    for (const d of this.deliveries.splice(0)) add(d.audience, d.delivery, d.key);
    for (const [key, { card, audience, ifShown }] of this.cards)
      add(audience, ifShown ? { type: "card", card, ifShown } : { type: "card", card }, key, false);
    this.cards.clear();
    if (items.length > 0) await tx.outbox.enqueue(items);
    const jobs = this.jobs.splice(0);
    if (jobs.length > 0) await tx.jobs.schedule(jobs);
  }
}

export function cardKey(card: CardRef): string {
  switch (card.kind) {
    case "task":
      return `card:task:${card.taskId}`;
    case "page":
      return `card:page:${card.pageId}`;
    case "test":
      return `card:test:${card.recipientId}`;
    default:
      return `card:${card.kind}:${card.incidentId}`;
  }
}

/**
 * One outbox message per delivery channel that carries this delivery (`sent`: a message sent
 * anew, not an update of a card already out); `keyOf(channel, i)` makes each one unique.
 */
export function outboxItems(
  ctx: EngineContext,
  message: {
    incidentId: string | null;
    audience: Audience;
    delivery: Delivery;
    now: Date;
    sent: boolean;
  },
  keyOf: (channel: string, index: number) => string,
): Array<Omit<OutboxItem, "attempts">> {
  const { incidentId, audience, delivery, now, sent } = message;
  return ctx.channels
    .filter((channel) => deliverable(ctx, channel, audience, delivery, sent))
    .map((channel, i) => ({
      id: ctx.ids.next(),
      incidentId,
      dedupeKey: keyOf(channel, i),
      channel,
      audience,
      delivery,
      createdAt: now,
    }));
}

/** Whether a delivery goes out on a channel: the person is reachable there, and SMS only alerts. */
function deliverable(
  ctx: EngineContext,
  channel: string,
  audience: Audience,
  delivery: Delivery,
  sent: boolean,
): boolean {
  if (audience.kind === "person" && !reachable(channel, ctx.dir.person(audience.personId)))
    return false;
  // The answer to a text goes back as a text, and nowhere else.
  if (delivery.type === "notice" && delivery.notice.kind === "sms-reply")
    return channel === SMS_CHANNEL;
  return channel !== SMS_CHANNEL || (sent && alerts(audience, delivery));
}

/** Whether a delivery channel can reach a person at all (the web inbox always can). */
function reachable(channel: string, person: Person | undefined): boolean {
  if (!person) return false;
  if (channel === "slack") return Boolean(person.slackUserId);
  if (channel === "teams") return Boolean(person.teamsUserId);
  if (channel === SMS_CHANNEL) return Boolean(person.mobile);
  return true;
}

/** Pages by SMS: a text message per page sent, and an alert when nobody could be reached. */
export const SMS_CHANNEL = "sms";

/**
 * What goes by SMS too: a page or a reachability test's message (the card sent to a person;
 * later updates of it do not), "nobody reachable", a staff member's report to the leaders, and a
 * moved meeting address or an exercise stopped for a real incident to those paged (they may be
 * on their way, with only the text message). Reminders and cards stay on
 * the chat platforms: an SMS for each would drown the page that matters.
 */
function alerts(audience: Audience, delivery: Delivery): boolean {
  if (audience.kind !== "person") return false;
  if (delivery.type === "card")
    return delivery.card.kind === "page" || delivery.card.kind === "test";
  return (
    delivery.type === "notice" &&
    (delivery.notice.kind === "page-exhausted" ||
      delivery.notice.kind === "report" ||
      delivery.notice.kind === "meeting-changed" ||
      delivery.notice.kind === "exercise-ended")
  );
}
