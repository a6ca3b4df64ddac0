// The post-incident review in the incident channel: the Word document uploaded with the message
// around it. filesUploadV2 makes Slack's three steps (files.getUploadURLExternal, the POST of
// the bytes to the upload URL, files.completeUploadExternal); a failure in any of them reaches
// the outbox, which retries the whole delivery (a new upload: one never completed is dropped).
import type { WebClient } from "@slack/web-api";
import type { CrisisEngine } from "../../core/engine.ts";
import type { ReviewShare } from "../../core/model.ts";
import type { Logger } from "../../logging.ts";
import { renderReviewDocument } from "../../review/document.ts";
import { draftReviewShare, type ReviewLinker } from "../shared/review-share.ts";
import { slackErrorCode } from "./errors.ts";
import { reviewBlocks } from "./render/review.ts";
import { fallbackText } from "./render/text.ts";

/**
 * Uploads that no retry will make work: the workspace refuses the file, the app was installed
 * before it asked for files:write, or the channel is the plan's fixed one that Ramp posts in
 * (chat:write.public) without being a member, which sharing a file requires. The review is then
 * posted without the file, linking to the document.
 */
const UPLOAD_REFUSED = new Set([
  "missing_scope",
  "not_in_channel",
  "file_uploads_disabled",
  "file_uploads_except_images_disabled",
  "file_type_not_allowed",
  "file_upload_size_restricted",
]);

/** Returns the id of the uploaded file, or the ts of the message posted without it. */
export async function postReview(
  client: WebClient,
  engine: CrisisEngine,
  links: ReviewLinker,
  channel: string,
  share: ReviewShare,
  logger: Logger,
): Promise<string> {
  const { review, view } = await draftReviewShare(engine, share);
  const { locale, timeZone } = engine.directory;
  const signed = links(view.incidentId);
  const document = await renderReviewDocument(review, "docx");
  try {
    // Blocks, not initial_comment: Slack ignores the blocks when both are given, and takes no
    // fallback text here (view.fallback is used when the review is posted without the file).
    const uploaded = await client.filesUploadV2({
      channel_id: channel,
      file: document.content,
      filename: document.fileName,
      title: view.fileTitle,
      blocks: reviewBlocks(view, signed, { locale, timeZone, attached: true }) as never,
    });
    return uploaded.files[0]?.files?.[0]?.id ?? "";
  } catch (error) {
    const code = slackErrorCode(error);
    if (!code || !UPLOAD_REFUSED.has(code)) throw error;
    logger.warn(
      { channel, error: code },
      "Slack refused the review's Word document; posting the review with a link to it",
    );
    const posted = await client.chat.postMessage({
      channel,
      text: fallbackText(view.fallback),
      blocks: reviewBlocks(view, signed, { locale, timeZone, attached: false }) as never,
      unfurl_links: false,
    });
    return posted.ts ?? "";
  }
}
