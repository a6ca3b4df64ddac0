// Sharing the post-incident review on a chat platform: the draft is written from the timeline
// when the message is delivered (not when it was queued), so a retry after an outage still
// posts the current draft. Slack attaches the Word document; Teams, whose bots cannot attach a
// file to a channel message, links to it. Both link to the review page.
import type { CrisisEngine } from "../../core/engine.ts";
import type { ReviewShare } from "../../core/model.ts";
import { buildReview } from "../../core/review/build.ts";
import type { Review } from "../../core/review/model.ts";
import { type ReviewShareView, reviewShareView } from "../../core/review/share-view.ts";

/**
 * Signed links to one incident's review, readable without signing in until they expire (the
 * review is shared with the crisis channel, like an attachment). Made by the web adapter.
 */
export interface ReviewLinks {
  page: string;
  docx: string;
  expiresAt: Date;
}

export type ReviewLinker = (incidentId: string) => ReviewLinks;

export async function draftReviewShare(
  engine: CrisisEngine,
  share: ReviewShare,
): Promise<{ review: Review; view: ReviewShareView }> {
  const review = await buildReview(engine, share.incidentId);
  return { review, view: reviewShareView(review, share, engine.directory) };
}
