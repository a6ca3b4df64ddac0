// View model → Slack message (fallback text + blocks).

import type { ChatReply, PersonalPart } from "../../../core/chat/run.ts";
import type { ErrorView } from "../../../core/errors.ts";
import type { Notice } from "../../../core/model.ts";
import type { CardView } from "../../../core/views/types.ts";
import { decisionBlocks } from "./decision.ts";
import { incidentBlocks } from "./incident.ts";
import { noticeBlocks } from "./notice.ts";
import { pageBlocks } from "./page.ts";
import { pagingBlocks } from "./paging.ts";
import { statusBlocks, taskListBlocks } from "./status.ts";
import { taskBlocks } from "./task.ts";
import { type Block, escapeMrkdwn, section } from "./text.ts";

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export function renderCard(view: CardView, nl: boolean): SlackMessage {
  switch (view.kind) {
    case "incident":
      return { text: view.title, blocks: incidentBlocks(view, nl) };
    case "paging":
      return { text: `${view.title}: ${view.summaryText}`, blocks: pagingBlocks(view) };
    case "page":
      return { text: `${view.title} — ${view.text}`, blocks: pageBlocks(view, nl) };
    case "decision":
      return { text: view.title, blocks: decisionBlocks(view, nl) };
    case "task":
      return { text: `${view.title} — ${view.statusLabel}`, blocks: taskBlocks(view, nl) };
  }
}

export function renderNotice(notice: Notice): SlackMessage {
  return { text: notice.text, blocks: noticeBlocks(notice) };
}

/** Both languages: the person may not read the plan's language (Dutch first). */
export function renderError(error: ErrorView): SlackMessage {
  const text = `⚠️ ${error.nl}`;
  return { text, blocks: [section(`⚠️ ${escapeMrkdwn(error.nl)}\n_${escapeMrkdwn(error.en)}_`)] };
}

/**
 * A reply to a command, with its personal part (a sign-in link, numbers to call): Ramp answers
 * commands in Slack only ephemerally (`response_type: "ephemeral"`, postEphemeral or a DM), so
 * only whoever typed the command reads it.
 */
export function renderReply(
  reply: Exclude<ChatReply, { kind: "start-form" }>,
  nl: boolean,
): SlackMessage {
  const message = renderBody(reply, nl);
  if (!reply.personal) return message;
  return { text: message.text, blocks: [...message.blocks, personalBlock(reply.personal, nl)] };
}

function personalBlock(part: PersonalPart, nl: boolean): Block {
  const link = part.url
    ? `\n<${escapeMrkdwn(part.url)}|${nl ? "Open het crisisbord" : "Open the crisis board"}>`
    : "";
  return section(`🔒 ${escapeMrkdwn(part.text)}${link}`);
}

function renderBody(reply: Exclude<ChatReply, { kind: "start-form" }>, nl: boolean): SlackMessage {
  switch (reply.kind) {
    case "declared":
      return {
        text: reply.text,
        blocks: [section(`✅ ${escapeMrkdwn(reply.text)}`), ...incidentBlocks(reply.incident, nl)],
      };
    case "status":
      return { text: reply.view.title, blocks: statusBlocks(reply.view, nl) };
    case "tasks":
      return { text: reply.title, blocks: taskListBlocks(reply.title, reply.groups, nl) };
    case "text":
      return { text: reply.text, blocks: [section(escapeMrkdwn(reply.text))] };
    case "board": {
      // The board's address in local mode; a personal link is the reply's personal part.
      const link = reply.url
        ? `\n<${escapeMrkdwn(reply.url)}|${nl ? "Open het crisisbord" : "Open the crisis board"}>`
        : "";
      return { text: reply.text, blocks: [section(`${escapeMrkdwn(reply.text)}${link}`)] };
    }
    case "help": {
      const blocks = [section(escapeMrkdwn(reply.text))];
      if (reply.error) blocks.unshift(...renderError(reply.error).blocks);
      return { text: reply.error ? reply.error.nl : reply.text, blocks };
    }
    case "error":
      return renderError(reply.error);
  }
}
