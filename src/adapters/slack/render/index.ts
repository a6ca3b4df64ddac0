// View model → Slack message (fallback text + blocks).

import type { ChatReply, PersonalPart } from "../../../core/chat/run.ts";
import type { ErrorView } from "../../../core/errors.ts";
import type { ExerciseMark, Notice } from "../../../core/model.ts";
import { numberPrefix } from "../../../core/views/task-view.ts";
import type { CardView } from "../../../core/views/types.ts";
import { decisionBlocks } from "./decision.ts";
import { exerciseBlocks } from "./exercise.ts";
import { incidentBlocks } from "./incident.ts";
import { noticeBlocks } from "./notice.ts";
import { pageBlocks } from "./page.ts";
import { pagingBlocks } from "./paging.ts";
import { readinessBlocks } from "./readiness.ts";
import { statusBlocks, taskListBlocks } from "./status.ts";
import { taskBlocks } from "./task.ts";
import { testBlocks } from "./test.ts";
import {
  type Block,
  context,
  countCuts,
  escapeMrkdwn,
  fallbackText,
  MAX_MESSAGE_BLOCKS,
  section,
} from "./text.ts";

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/**
 * `text` is the plain fallback (escaped here); where a block had to be shortened, the message
 * ends with where the full text is: the crisis board.
 */
function message(
  text: string,
  build: () => Block[],
  nl: boolean,
  exercise?: ExerciseMark,
): SlackMessage {
  const { result: blocks, cut } = countCuts(() =>
    exercise ? [...exerciseBlocks(exercise), ...build()] : build(),
  );
  if (cut) {
    const hint = context(
      nl
        ? "✂️ Ingekort: de volledige tekst staat op het crisisbord (`/ramp bord`)."
        : "✂️ Shortened: the full text is on the crisis board (`/ramp bord`).",
    );
    blocks.splice(MAX_MESSAGE_BLOCKS - 1, blocks.length, hint);
  }
  return { text: fallbackText(exercise ? `${exercise.label}: ${text}` : text), blocks };
}

export function renderCard(view: CardView, nl: boolean): SlackMessage {
  const mark = view.exercise;
  switch (view.kind) {
    case "incident":
      return message(view.title, () => incidentBlocks(view, nl), nl, mark);
    case "paging":
      return message(`${view.title}: ${view.summaryText}`, () => pagingBlocks(view), nl, mark);
    case "page":
      return message(`${view.title} — ${view.text}`, () => pageBlocks(view, nl), nl, mark);
    case "decision":
      return message(view.title, () => decisionBlocks(view, nl), nl, mark);
    case "task":
      return message(
        `${numberPrefix(view)}${view.title} — ${view.statusLabel}`,
        () => taskBlocks(view, nl),
        nl,
        mark,
      );
    case "test":
      return message(`${view.title}: ${view.text}`, () => testBlocks(view), nl);
  }
}

export function renderNotice(notice: Notice, nl: boolean): SlackMessage {
  return message(notice.text, () => noticeBlocks(notice), nl, notice.exercise);
}

/** In the plan's language only: a Dutch plan speaks Dutch. */
export function renderError(error: ErrorView, nl: boolean): SlackMessage {
  const text = `⚠️ ${nl ? error.nl : error.en}`;
  return message(text, () => [section(escapeMrkdwn(text))], nl);
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
  // Within Slack's 50 blocks: the personal part (a sign-in link) is never the one left out.
  const blocks = message.blocks.slice(0, MAX_MESSAGE_BLOCKS - 1);
  return { text: message.text, blocks: [...blocks, personalBlock(reply.personal, nl)] };
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
      return message(
        reply.text,
        () => [section(`✅ ${escapeMrkdwn(reply.text)}`), ...incidentBlocks(reply.incident, nl)],
        nl,
        reply.incident.exercise,
      );
    case "status":
      return message(reply.view.title, () => statusBlocks(reply.view, nl), nl, reply.view.exercise);
    case "tasks":
      return message(reply.title, () => taskListBlocks(reply.title, reply.groups, nl), nl);
    case "readiness":
      return message(
        `${reply.view.title}: ${reply.view.headline}`,
        () => readinessBlocks(reply.view, nl),
        nl,
      );
    case "text":
      return message(reply.text, () => [section(escapeMrkdwn(reply.text))], nl);
    case "board": {
      // The board's address in local mode; a personal link is the reply's personal part.
      const link = reply.url
        ? `\n<${escapeMrkdwn(reply.url)}|${nl ? "Open het crisisbord" : "Open the crisis board"}>`
        : "";
      return message(reply.text, () => [section(`${escapeMrkdwn(reply.text)}${link}`)], nl);
    }
    case "help": {
      const error = reply.error ? renderError(reply.error, nl) : null;
      const help = message(reply.text, () => [section(escapeMrkdwn(reply.text))], nl);
      if (!error || !reply.error) return help;
      const said = fallbackText(nl ? reply.error.nl : reply.error.en);
      return { text: said, blocks: [...error.blocks, ...help.blocks] };
    }
    case "error":
      return renderError(reply.error, nl);
  }
}
