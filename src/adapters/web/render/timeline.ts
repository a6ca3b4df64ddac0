// The timeline, newest first, with a human sentence per entry type (Dutch or English).
import { chatProblemText } from "../../../core/chat-problem.ts";
import type { PlanDirectory } from "../../../core/directory.ts";
import type { TimelineEntry } from "../../../core/model.ts";
import { smsReceivedText } from "../../../core/sms/timeline.ts";
import { formatDateTime } from "../../../core/time.ts";
import { describeExerciseEntry } from "../../../core/views/exercise-words.ts";
import { amount } from "../../../core/views/plural.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";

type Data = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === "string" ? v : v == null ? "" : String(v));

function serviceName(dir: PlanDirectory, serviceId: string): string {
  return dir.service("A", serviceId)?.name ?? dir.service("B", serviceId)?.name ?? serviceId;
}

/** One sentence for an entry; the actor is shown apart. */
export function describeEntry(
  entry: TimelineEntry,
  dir: PlanDirectory,
  taskTitles: ReadonlyMap<string, string>,
): string {
  const nl = dir.locale === "nl";
  const d = entry.data as Data;
  const t = (nlText: string, enText: string) => (nl ? nlText : enText);
  const person = (key: string) => dir.name(str(d[key]) || null);
  const fn = () => dir.functionName(str(d.functionId) || null);
  const taskTitle = () => str(d.title) || taskTitles.get(str(d.taskId)) || str(d.taskId);
  const quoted = () => `"${taskTitle()}"`;
  switch (entry.type) {
    case "incident.declared": {
      if (d.exercise)
        return t(
          `Oefening ${str(d.number)} gestart: ${str(d.description)} (${str(d.classification)}); crisisstaf opgeroepen voor de oefening`,
          `Exercise ${str(d.number)} started: ${str(d.description)} (${str(d.classification)}); crisis staff paged for the exercise`,
        );
      const base = t(
        `Incident ${str(d.number)} gestart: ${str(d.description)} (${str(d.classification)}, ${str(d.scope)})`,
        `Incident ${str(d.number)} declared: ${str(d.description)} (${str(d.classification)}, ${str(d.scope)})`,
      );
      const meeting = d.meeting as Data | undefined;
      const fallback = meeting?.fallback
        ? t(
            `; uitwijk-contactadres ${str(meeting.name)}`,
            `; fallback meeting address ${str(meeting.name)}`,
          )
        : "";
      return d.planActivated
        ? `${base}${t("; crisisstaf opgeroepen", "; crisis staff paged")}${fallback}`
        : `${base}${fallback}`;
    }
    case "meeting.changed": {
      const by = formatDateTime(new Date(str(d.arriveBy)), dir.locale, dir.timeZone);
      const why = d.reason ? ` (${str(d.reason)})` : "";
      return t(
        `Contactadres gewijzigd: ${str(d.name)}, ${str(d.address)}, aanwezig tegen ${by}${why}`,
        `Meeting address changed: ${str(d.name)}, ${str(d.address)}, arrive by ${by}${why}`,
      );
    }
    case "incident.scoped":
      return t(
        `Omvang gewijzigd van ${str(d.from)} naar ${str(d.to)}`,
        `Scope changed from ${str(d.from)} to ${str(d.to)}`,
      );
    case "incident.reclassified":
      return t(
        `Ernst gewijzigd van ${str(d.from)} naar ${str(d.to)}`,
        `Classification changed from ${str(d.from)} to ${str(d.to)}`,
      );
    case "page.sent":
      if (d.selfDeclared)
        return t(
          `${person("personId")} (${fn()}) is er al en komt`,
          `${person("personId")} (${fn()}) is already there and coming`,
        );
      return Number(d.attempt) > 0
        ? t(
            `Vervanger opgeroepen voor ${fn()}: ${person("personId")}`,
            `Alternate paged for ${fn()}: ${person("personId")}`,
          )
        : t(
            `${person("personId")} opgeroepen als ${fn()}`,
            `${person("personId")} paged as ${fn()}`,
          );
    case "page.answered":
      return d.answer === "coming"
        ? t(`${person("personId")} (${fn()}): ik kom`, `${person("personId")} (${fn()}): coming`)
        : t(
            `${person("personId")} (${fn()}): ik kan niet${d.reason ? ` (${str(d.reason)})` : ""}`,
            `${person("personId")} (${fn()}): cannot come${d.reason ? ` (${str(d.reason)})` : ""}`,
          );
    case "page.silent":
      return t(
        `${person("personId")} (${fn()}) antwoordde niet op tijd`,
        `${person("personId")} (${fn()}) did not answer in time`,
      );
    case "page.exhausted":
      return t(`Niemand meer om op te roepen voor ${fn()}`, `Nobody left to page for ${fn()}`);
    case "delivery.failed": {
      const to = d.personId ? person("personId") : t("het incidentkanaal", "the incident channel");
      return t(
        `${str(d.channel)} weigert een bericht aan ${to}: ${str(d.error)}`,
        `${str(d.channel)} refused a message to ${to}: ${str(d.error)}`,
      );
    }
    case "evaluation.recorded":
      return t(`Evaluatie: ${str(d.text)}`, `Evaluation: ${str(d.text)}`);
    case "decision.made": {
      const where = d.locationName ? ` — ${str(d.locationName)}` : "";
      const why = d.reason ? ` (${str(d.reason)})` : "";
      return d.changes
        ? t(
            `Beslissing gewijzigd: situatie ${str(d.situation)}${where}${why}`,
            `Decision changed: situation ${str(d.situation)}${where}${why}`,
          )
        : t(
            `Beslist: situatie ${str(d.situation)}${where}${why}`,
            `Decided: situation ${str(d.situation)}${where}${why}`,
          );
    }
    case "tasks.planned": {
      const n = Array.isArray(d.tasks) ? d.tasks.length : 0;
      return t(
        `${amount(n, "taak", "taken")} gepland voor situatie ${str(d.situation)}`,
        `${amount(n, "task", "tasks")} planned for situation ${str(d.situation)}`,
      );
    }
    case "task.claimed":
      return t(`Taak ${quoted()} opgenomen`, `Task ${quoted()} claimed`);
    case "task.released":
      return t(`Taak ${quoted()} vrijgegeven`, `Task ${quoted()} released`);
    case "task.assigned":
      return t(
        `Taak ${quoted()} toegewezen aan ${person("ownerId")}`,
        `Task ${quoted()} assigned to ${person("ownerId")}`,
      );
    case "task.completed":
      return t(`Taak ${quoted()} klaar`, `Task ${quoted()} done`);
    case "task.blocked":
      return t(
        `Taak ${quoted()} geblokkeerd: ${str(d.reason)}`,
        `Task ${quoted()} blocked: ${str(d.reason)}`,
      );
    case "task.unblocked":
      return t(`Taak ${quoted()} gedeblokkeerd`, `Task ${quoted()} unblocked`);
    case "reminder.sent": {
      const what = d.taskId ? quoted() : serviceName(dir, str(d.serviceId));
      return t(`Herinnering verstuurd: ${what}`, `Reminder sent: ${what}`);
    }
    case "deadline.missed": {
      const what = d.taskId ? quoted() : serviceName(dir, str(d.serviceId));
      return t(`Deadline gemist: ${what}`, `Deadline missed: ${what}`);
    }
    case "service.restored": {
      const name = serviceName(dir, str(d.serviceId));
      return d.withinRto
        ? t(`${name} hersteld, binnen de RTO`, `${name} restored, within the RTO`)
        : t(`${name} hersteld, na de RTO`, `${name} restored, after the RTO`);
    }
    case "log":
      return str(d.text);
    case "correction": {
      const seq = (d.corrects as Data | undefined)?.seq;
      return t(
        `Correctie op regel ${str(seq)}: ${str(d.text)}`,
        `Correction of entry ${str(seq)}: ${str(d.text)}`,
      );
    }
    case "exercise.inject":
    case "exercise.ended":
      return describeExerciseEntry(entry, dir.locale) ?? "";
    case "incident.closed":
      return d.note
        ? t(`Incident afgesloten: ${str(d.note)}`, `Incident closed: ${str(d.note)}`)
        : t(
            "Incident afgesloten; de tijdlijn is verzegeld",
            "Incident closed; the timeline is sealed",
          );
    case "chat.problem":
      return chatProblemText(d, dir.locale);
    case "sms.received":
      return smsReceivedText(d, dir.locale, dir.timeZone);
  }
}

export function timelineList(
  ctx: RenderContext,
  entries: TimelineEntry[],
  dir: PlanDirectory,
  taskTitles: ReadonlyMap<string, string>,
): Html {
  const newest = [...entries].sort((a, b) => b.seq - a.seq);
  return html`<p class="hint">${ctx.w("timelineHint")}</p><ol class="timeline" reversed tabindex="0" aria-label="${ctx.w("timeline")}">${newest.map(
    (entry) => html`<li class="tl-${entry.type.replace(".", "-")}" value="${entry.seq}">
<time datetime="${entry.at.toISOString()}">${formatDateTime(entry.at, ctx.locale, ctx.timeZone)}</time>
<span class="actor">${entry.actorId ? dir.name(entry.actorId) : ctx.w("system")}</span>
<span class="text">${describeEntry(entry, dir, taskTitles)}${entry.tags.length > 0 ? html` <span class="tags">${entry.tags.map((tag) => html`<span class="tag">#${tag}</span> `)}</span>` : ""}</span>
</li>`,
  )}</ol>`;
}
