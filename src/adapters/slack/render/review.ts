// The post-incident review shared in the incident channel, as the blocks of the message that
// carries the Word document (files.completeUploadExternal). No buttons: a link button still
// sends Ramp a click, which nothing here would handle; the page is a plain mrkdwn link instead.
import type { ReviewShareView } from "../../../core/review/share-view.ts";
import { formatDateTime } from "../../../core/time.ts";
import type { Locale } from "../../../plan/schema.ts";
import type { ReviewLinks } from "../../shared/review-share.ts";
import { exerciseBlocks } from "./exercise.ts";
import { type Block, context, escapeMrkdwn, facts, header, section } from "./text.ts";

/** Slack allows ten fields in one section. */
const FIELDS_PER_SECTION = 10;

/**
 * `attached`: the Word document is the message's file. Without it (uploads refused in this
 * workspace, or an installation without files:write) the message links to the document too.
 */
export function reviewBlocks(
  view: ReviewShareView,
  links: ReviewLinks,
  where: { locale: Locale; timeZone: string; attached: boolean },
): Block[] {
  const nl = where.locale === "nl";
  const until = formatDateTime(links.expiresAt, where.locale, where.timeZone);
  const blocks: Block[] = [
    ...(view.exercise ? exerciseBlocks(view.exercise) : []),
    header(view.title),
    section(escapeMrkdwn(view.lead)),
  ];
  for (let i = 0; i < view.facts.length; i += FIELDS_PER_SECTION)
    blocks.push(facts(view.facts.slice(i, i + FIELDS_PER_SECTION)));
  blocks.push(section(`📝 ${escapeMrkdwn(view.toDo)}`));
  if (!view.verification.ok) blocks.push(section(`⚠️ *${escapeMrkdwn(view.verification.text)}*`));
  const link = (url: string, label: string) => `<${escapeMrkdwn(url)}|${escapeMrkdwn(label)}>`;
  const download = where.attached ? "" : `📄 ${link(links.docx, view.downloadLabel)} · `;
  blocks.push(
    context(
      `${download}📖 ${link(links.page, view.readLabel)} · ${
        where.attached
          ? nl
            ? `de link werkt tot ${until}`
            : `the link works until ${until}`
          : nl
            ? `de links werken tot ${until}`
            : `the links work until ${until}`
      }`,
    ),
  );
  return blocks;
}
