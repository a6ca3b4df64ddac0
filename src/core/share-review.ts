// `/ramp review` on a chat platform: the review is drafted again from the timeline and shared
// where the incident is followed, with its document. Sharing writes nothing on the timeline
// (it may be sealed already); the delivery is queued in the outbox like every other message.
import { type Actor, actorId } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import type { Incident } from "./model.ts";
import { onIncident, requireKnown } from "./run.ts";

/** A second request within this time, with nothing new on the timeline, shares nothing new. */
const UNCHANGED_WINDOW_MS = 10 * 60_000;

export type ShareReviewResult =
  | { shared: true; incident: Incident }
  /** The same draft was shared at `previousAt` and nothing was recorded since. */
  | { shared: false; incident: Incident; previousAt: Date };

export async function shareReview(
  ctx: EngineContext,
  actor: Actor,
  incidentId: string,
): Promise<ShareReviewResult> {
  requireKnown(ctx, actor);
  return onIncident(
    ctx,
    incidentId,
    async (work, incident, tx) => {
      const previous = (await tx.outbox.listForIncident(incidentId))
        .filter((item) => item.delivery.type === "review")
        .at(-1);
      if (previous && work.now.getTime() - previous.createdAt.getTime() < UNCHANGED_WINDOW_MS) {
        const last = await tx.timeline.last(incidentId);
        if (!last || last.at <= previous.createdAt)
          return { shared: false, incident, previousAt: previous.createdAt };
      }
      work.shareReview("requested", actorId(actor), `review:${actorId(actor) ?? "system"}`);
      return { shared: true, incident };
    },
    { allowClosed: true },
  );
}
