// ChatReply → HTML: the answer to a command in the local chat, seen only by who typed it.

import type { ChatReply } from "../../../core/chat/run.ts";
import type { ErrorView } from "../../../core/errors.ts";
import type { Meeting } from "../../../core/model.ts";
import type { MeetingOption } from "../../../core/views/meeting.ts";
import { amount } from "../../../core/views/plural.ts";
import type { StatusView } from "../../../core/views/types.ts";
import { CLASSIFICATIONS } from "../../../plan/schema.ts";
import { hiddenFields } from "./actions.ts";
import type { RenderContext } from "./context.ts";
import { decisionHistory } from "./decision.ts";
import { exerciseLine } from "./exercise.ts";
import { escapeHtml, type Html, html, trusted } from "./html.ts";
import { incidentCard } from "./incident.ts";
import { pagingCard } from "./paging.ts";
import { readinessReply } from "./readiness.ts";
import { taskCard } from "./task.ts";

/** In the plan's language only: a Dutch plan speaks Dutch. */
export function errorBox(ctx: Pick<RenderContext, "locale">, error: ErrorView): Html {
  return html`<div class="error-box"><p>${ctx.locale === "nl" ? error.nl : error.en}</p></div>`;
}

/** The help text's `code` and *bold*, on text escaped first. */
function helpMarkup(text: string): Html {
  const lines = text.split("\n").map((line) =>
    escapeHtml(line)
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*([^*]+)\*/g, "<strong>$1</strong>"),
  );
  const [title, ...rest] = lines;
  return trusted(
    `<p>${title ?? ""}</p><ul class="help">${rest.map((l) => `<li>${l}</li>`).join("")}</ul>`,
  );
}

function statusReply(ctx: RenderContext, view: StatusView): Html {
  const { w } = ctx;
  return html`${incidentCard(ctx, view.incident)}${pagingCard(ctx, view.paging)}
${view.services.length > 0 ? html`<h4>${w("services")}</h4><ol class="service-lines">${view.services.map((s) => html`<li>${s.name} — ${w("deadline")} ${s.deadline}${s.restored ? html` — ${w("restored")} ${s.restoredAt}` : ` — ${s.remaining}`}</li>`)}</ol>` : ""}
${decisionHistory(ctx, { kind: "decision", incidentId: view.incidentId, title: "", current: null, evaluation: null, actions: [], history: view.decisions, lastChange: null })}
<p class="subtle">${ctx.locale === "nl" ? `${amount(view.openTasks, "taak", "taken")} nog niet klaar` : `${amount(view.openTasks, "task", "tasks")} not done yet`}</p>`;
}

/** The plan's two meeting addresses, each with its name and street; one preselected. */
function meetingChoice(ctx: RenderContext, form: { meetings: MeetingOption[]; meeting: Meeting }) {
  return html`<fieldset class="meeting-choice"><legend>${ctx.w("meetingChoice")}</legend>${form.meetings.map(
    (m) =>
      html`<label><input type="radio" name="meeting" value="${m.meeting}"${m.meeting === form.meeting ? html` checked` : ""}> ${m.kind}: ${m.name}, ${m.address}</label>`,
  )}</fieldset>`;
}

/** `description`: what a staff member reported, to start from. */
export function startForm(
  ctx: RenderContext,
  description: string | undefined,
  form: { meetings: MeetingOption[]; meeting: Meeting },
): Html {
  const { w } = ctx;
  const id = ctx.nextId("start");
  return html`<form method="post" action="/chat/start" class="start-form" aria-labelledby="${id}" data-enhance>${hiddenFields(ctx)}
<h3 id="${id}">${w("startTitle")}</h3>
<label for="${id}-class">${w("classification")}</label>
<select id="${id}-class" name="classification">${CLASSIFICATIONS.map((c) => html`<option value="${c}"${c === "groot" ? html` selected` : ""}>${c}</option>`)}</select>
<label for="${id}-scope">${w("scope")}</label>
<select id="${id}-scope" name="scope"><option value="onbekend" selected>${w("scopeUnknown")}</option><option value="totaal">${w("scopeTotal")}</option><option value="gedeeltelijk">${w("scopePartial")}</option></select>
<label for="${id}-desc">${w("description")}</label>
<input id="${id}-desc" name="description" required maxlength="200" autocomplete="off"${description ? html` value="${description.slice(0, 200)}"` : ""}>
${meetingChoice(ctx, form)}
<button type="submit" class="btn btn-primary">${w("start")}</button>
</form>`;
}

/**
 * The answer to a command in the local chat, shown only to whoever typed it (chat-log.ts), so
 * with its personal part (a sign-in link, numbers to call) if it has one.
 */
export function replyHtml(ctx: RenderContext, reply: ChatReply): Html {
  const personal = reply.personal;
  if (!personal) return replyBody(ctx, reply);
  return html`${replyBody(ctx, reply)}<p class="personal">🔒 ${personal.text.split("\n").map((line, i) => html`${i > 0 ? html`<br>` : ""}${line}`)}</p>${personal.url ? html`<p><a href="${personal.url}">${ctx.w("board")}</a></p>` : ""}`;
}

function replyBody(ctx: RenderContext, reply: ChatReply): Html {
  switch (reply.kind) {
    case "start-form":
      return startForm(ctx, reply.description, reply);
    case "declared":
      // The incident card itself follows in the conversation, for everyone.
      return html`${exerciseLine(reply.incident.exercise)}<p class="done">${reply.text}</p>`;
    case "status":
      return statusReply(ctx, reply.view);
    case "readiness":
      return readinessReply(ctx, reply.view);
    case "tasks": {
      const groups = reply.groups.filter((g) => g.tasks.length > 0);
      return html`<h3>${reply.title}</h3>${
        groups.length === 0
          ? html`<p>${ctx.w("noTasks")}</p>`
          : groups.map(
              (g) =>
                html`<h4>${g.label}</h4>${g.tasks.map((t) => taskCard(ctx, t, { heading: "h4" }))}`,
            )
      }`;
    }
    case "board":
      return html`<p>${reply.text}</p>${reply.url ? html`<p><a href="${reply.url}">${ctx.w("board")}</a></p>` : ""}`;
    case "text":
      // Confirmations list one task per line.
      return html`<p>${reply.text.split("\n").map((line, i) => (i === 0 ? line : html`<br>${line}`))}</p>`;
    case "help":
      return html`${reply.error ? errorBox(ctx, reply.error) : ""}${helpMarkup(reply.text)}`;
    case "error":
      return errorBox(ctx, reply.error);
  }
}
