// A holder's copy of the plan in their Slack DM: the Word document uploaded with the message
// (signed link and "Ontvangen" inside it). Where Slack refuses the file, the message goes
// without it: the link opens the same copy.
import type { WebClient } from "@slack/web-api";
import type { CrisisEngine } from "../../core/engine.ts";
import type { Delivery } from "../../core/model.ts";
import { planCopyNotice } from "../../core/plan-copies/message.ts";
import type { Logger } from "../../logging.ts";
import { renderPlanDocument } from "../../review/plan-document.ts";
import { slackErrorCode } from "./errors.ts";
import { renderNotice } from "./render/index.ts";

const UPLOAD_REFUSED = new Set([
  "missing_scope",
  "file_uploads_disabled",
  "file_uploads_except_images_disabled",
  "file_type_not_allowed",
  "file_upload_size_restricted",
]);

type Copy = Extract<Delivery, { type: "plan-copy" }>["copy"];

/** Returns the uploaded file's id or the posted message's ts; null for an outdated copy. */
export async function postPlanCopy(
  client: WebClient,
  engine: CrisisEngine,
  channel: string,
  copy: Copy,
  logger: Logger,
): Promise<string | null> {
  const notice = planCopyNotice(engine.ctx, copy);
  if (!notice) return null;
  const { directory } = engine;
  const message = renderNotice(notice, directory.locale === "nl");
  if (copy.reminder) {
    const posted = await client.chat.postMessage({ channel, ...message, unfurl_links: false });
    return posted.ts ?? "";
  }
  const document = await renderPlanDocument(
    {
      plan: directory.plan,
      planHash: directory.planHash,
      holder: directory.person(copy.personId) ?? null,
      printedAt: engine.ctx.clock.now(),
    },
    "plan",
    "docx",
    { webUrl: null, slack: true, teams: false, sms: false },
  );
  try {
    const uploaded = await client.filesUploadV2({
      channel_id: channel,
      file: document.content,
      filename: document.fileName,
      title: document.fileName,
      blocks: message.blocks as never,
    });
    return uploaded.files[0]?.files?.[0]?.id ?? "";
  } catch (error) {
    const code = slackErrorCode(error);
    if (!code || !UPLOAD_REFUSED.has(code)) throw error;
    logger.warn({ channel, error: code }, "Slack refused the plan copy's file; sending the link");
    const posted = await client.chat.postMessage({ channel, ...message, unfurl_links: false });
    return posted.ts ?? "";
  }
}
