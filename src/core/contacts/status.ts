// Per person: when they last confirmed their contact details and since when that is out of date
// (for the readiness page and the command line).
import type { EngineContext } from "../context.ts";
import { nextContactCheckDue } from "./ask.ts";

export interface ContactConfirmationStatus {
  personId: string;
  name: string;
  /** The last "Klopt" or "Wijzigen"; null when never answered. */
  confirmedAt: Date | null;
  /** The last request; null when never asked. */
  askedAt: Date | null;
  /** Asked and not answered yet. */
  pending: boolean;
  /** The last reminder of the unanswered request; null when none (or answered). */
  remindedAt: Date | null;
  /**
   * Since when the details count as unconfirmed: a term after the last answer, or the first
   * unanswered request; null while confirmed within the term (or never asked yet).
   */
  staleSince: Date | null;
}

export async function contactConfirmationStatus(
  ctx: EngineContext,
  now: Date = ctx.clock.now(),
): Promise<ContactConfirmationStatus[]> {
  const latest = new Map((await ctx.store.contactChecks.listLatest()).map((c) => [c.personId, c]));
  const answered = new Map(
    (await ctx.store.contactChecks.listLatestAnswered()).map((c) => [c.personId, c]),
  );
  return ctx.dir.plan.people.map((person) => {
    const last = latest.get(person.id) ?? null;
    const confirmed = answered.get(person.id) ?? null;
    const confirmedAt = confirmed?.answeredAt ?? null;
    let staleSince: Date | null = null;
    if (confirmed && confirmedAt) {
      // A term counted from the request that was answered.
      const due = nextContactCheckDue(ctx, { ...confirmed, askedAt: confirmedAt });
      if (due && due <= now) staleSince = due;
    } else if (last) {
      staleSince = last.askedAt;
    }
    return {
      personId: person.id,
      name: person.name,
      confirmedAt,
      askedAt: last?.askedAt ?? null,
      pending: last !== null && last.answeredAt === null,
      remindedAt: last && last.answeredAt === null ? last.remindedAt : null,
      staleSince,
    };
  });
}
