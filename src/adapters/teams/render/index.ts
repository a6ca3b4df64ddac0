// View model → Adaptive Card.
import type { ChatReply, PersonalPart } from "../../../core/chat/run.ts";
import type { ErrorView } from "../../../core/errors.ts";
import type { Notice } from "../../../core/model.ts";
import { amount } from "../../../core/views/plural.ts";
import type { CardView } from "../../../core/views/types.ts";
import { decisionCard } from "./decision.ts";
import {
  type AdaptiveCard,
  card,
  type Element,
  executeActions,
  heading,
  plain,
  subtle,
  text,
} from "./elements.ts";
import { withExercise } from "./exercise.ts";
import { helpBody } from "./help.ts";
import { incidentBody, incidentCard } from "./incident.ts";
import { paragraphs } from "./markdown.ts";
import { pageCard } from "./page.ts";
import { pagingBody, pagingCard } from "./paging.ts";
import { readinessCard } from "./readiness.ts";
import { taskBody, taskCard } from "./task.ts";
import { testCard } from "./test.ts";

export function renderCard(view: CardView, nl: boolean): AdaptiveCard {
  return withExercise(unmarkedCard(view, nl), view.exercise);
}

function unmarkedCard(view: CardView, nl: boolean): AdaptiveCard {
  switch (view.kind) {
    case "incident":
      return incidentCard(view, nl);
    case "paging":
      return pagingCard(view);
    case "page":
      return pageCard(view, nl);
    case "decision":
      return decisionCard(view, nl);
    case "task":
      return taskCard(view, nl);
    case "test":
      return testCard(view, nl);
  }
}

export function renderNotice(notice: Notice): AdaptiveCard {
  return withExercise(card([text(paragraphs(notice.text))]), notice.exercise);
}

/** In the plan's language only: a Dutch plan speaks Dutch. */
export function renderError(error: ErrorView, nl: boolean): AdaptiveCard {
  return card([text(`⚠️ ${paragraphs(nl ? error.nl : error.en)}`, { color: "Attention" })]);
}

/**
 * A reply to a command, with its personal part (a sign-in link, numbers to call) if it has one:
 * only for the personal chat. A channel or group chat gets the reply without it (see
 * routes/message.ts).
 */
export function renderReply(
  reply: Exclude<ChatReply, { kind: "start-form" }>,
  nl: boolean,
): AdaptiveCard {
  const mark =
    reply.kind === "declared"
      ? reply.incident.exercise
      : reply.kind === "status"
        ? reply.view.exercise
        : undefined;
  const answer = withExercise(renderBody(reply, nl), mark);
  return reply.personal ? withPersonal(answer, reply.personal, nl) : answer;
}

/** The personal part alone, for the person's personal chat with Ramp. */
export function renderPersonal(part: PersonalPart, nl: boolean): AdaptiveCard {
  return withPersonal(card([]), part, nl);
}

/** A line below a reply: here, where its personal part went or how to get it. */
export function withNote(answer: AdaptiveCard, note: string): AdaptiveCard {
  const body = [...((answer.body as Element[] | undefined) ?? []), subtle(`🔒 ${plain(note)}`)];
  return { ...answer, body };
}

function withPersonal(answer: AdaptiveCard, part: PersonalPart, nl: boolean): AdaptiveCard {
  const open = part.url
    ? [
        {
          type: "Action.OpenUrl",
          title: nl ? "Open het crisisbord" : "Open the crisis board",
          url: part.url,
        },
      ]
    : [];
  const body = [...((answer.body as Element[] | undefined) ?? []), text(`🔒 ${plain(part.text)}`)];
  const actions = [...((answer.actions as Element[] | undefined) ?? []), ...open];
  return { ...answer, body, ...(actions.length > 0 ? { actions } : {}) };
}

function renderBody(reply: Exclude<ChatReply, { kind: "start-form" }>, nl: boolean): AdaptiveCard {
  switch (reply.kind) {
    case "declared":
      return card([text(`✅ ${paragraphs(reply.text)}`), ...incidentBody(reply.incident, nl)]);
    case "status": {
      const v = reply.view;
      const decisions = v.decisions.map((d) =>
        subtle(`${d.at} — ${plain(d.by)}: ${plain(d.text)}`),
      );
      return card([
        ...incidentBody(v.incident, nl),
        ...pagingBody(v.paging),
        ...(decisions.length > 0
          ? [text(`**${nl ? "Besluitenlijst" : "Decisions"}**`), ...decisions]
          : []),
        subtle(
          nl
            ? `${amount(v.openTasks, "taak", "taken")} nog niet klaar`
            : `${amount(v.openTasks, "task", "tasks")} not done yet`,
        ),
      ]);
    }
    case "tasks": {
      const body = [heading(plain(reply.title))];
      for (const group of reply.groups) {
        if (group.tasks.length === 0) continue;
        body.push(text(`**${group.label}**`, { spacing: "Medium" }));
        for (const task of group.tasks) {
          const first = executeActions(task.actions.slice(0, 1), nl);
          const items = [
            ...taskBody(task, nl),
            ...(first.length > 0 ? [{ type: "ActionSet", actions: first }] : []),
          ];
          body.push({ type: "Container", separator: true, items });
        }
      }
      if (body.length === 1) body.push(text(nl ? "Geen taken." : "No tasks."));
      return card(body);
    }
    case "readiness":
      return readinessCard(reply.view, nl);
    case "text":
      return card([text(paragraphs(reply.text))]);
    case "board": {
      const open = reply.url
        ? [
            {
              type: "Action.OpenUrl",
              title: nl ? "Open het crisisbord" : "Open crisis board",
              url: reply.url,
            },
          ]
        : [];
      return card([text(paragraphs(reply.text))], open);
    }
    case "help": {
      const body = helpBody(reply.text);
      if (reply.error) body.unshift(...(renderError(reply.error, nl).body as never[]));
      return card(body);
    }
    case "error":
      return renderError(reply.error, nl);
  }
}
