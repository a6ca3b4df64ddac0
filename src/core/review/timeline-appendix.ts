// The timeline as the review's appendix: one row per entry, in words, with the result of the
// hash-chain check, so a reader can trace every answer back to what was recorded.
import type { Classification } from "../../plan/schema.ts";
import { chatProblemText } from "../chat-problem.ts";
import type { TimelineEntry } from "../model.ts";
import { smsReceivedText } from "../sms/timeline.ts";
import type { ChainVerification } from "../timeline.ts";
import { describeExerciseEntry } from "../views/exercise-words.ts";
import { Labels } from "../views/labels.ts";
import { type Analysis, actorName } from "./analysis.ts";
import { sourceLabel } from "./draft.ts";
import type { ReviewTable } from "./model.ts";

export function timelineTable(a: Analysis): ReviewTable {
  const { say } = a;
  const describe = describer(a);
  return {
    id: "timeline",
    title: say("Tijdlijn", "Timeline"),
    columns: [
      "#",
      say("Tijdstip", "Time"),
      say("Door", "By"),
      say("Via", "Via"),
      say("Gebeurtenis", "Event"),
    ],
    rows: a.data.timeline.map((entry) => [
      String(entry.seq),
      a.when(entry.at),
      actorName(a, entry.actorId),
      sourceLabel(a, entry.source),
      describe(entry),
    ]),
    empty: say("De tijdlijn is leeg.", "The timeline is empty."),
  };
}

export function verificationText(a: Analysis, v: ChainVerification): string {
  const { say } = a;
  if (v.ok) {
    const sealed = a.data.incident.sealHash
      ? say(
          `, verzegeld bij de afsluiting (${v.headHash.slice(0, 16)})`,
          `, sealed at closing (${v.headHash.slice(0, 16)})`,
        )
      : say(
          " (nog niet verzegeld: het incident loopt nog)",
          " (not sealed yet: the incident is still active)",
        );
    return say(
      `Tijdlijn intact: ${v.entries} regels, de hash-keten klopt${sealed}.`,
      `Timeline intact: ${v.entries} entries, the hash chain checks out${sealed}.`,
    );
  }
  const at = v.brokenAt!;
  const reasons = {
    hash: say("de inhoud van de regel werd gewijzigd", "the entry's content was changed"),
    link: say(
      "de verwijzing naar de vorige regel klopt niet",
      "the link to the previous entry is wrong",
    ),
    sequence: say(
      "een regel ontbreekt of staat niet op zijn plaats",
      "an entry is missing or out of place",
    ),
    seal: say(
      "de verzegeling klopt niet: regels werden na de afsluiting verwijderd of toegevoegd",
      "the seal does not match: entries were removed or added after closing",
    ),
  };
  return say(
    `Tijdlijn NIET intact: de keten breekt bij regel ${at.seq} (${reasons[at.reason]}). Deze review kan onjuist zijn; laat de databank nakijken.`,
    `Timeline NOT intact: the chain breaks at entry ${at.seq} (${reasons[at.reason]}). This review may be wrong; have the database checked.`,
  );
}

/** The declared meeting address, "Naam, straat" (older entries may lack it). */
function meetingOf(d: Record<string, unknown>): string | null {
  const meeting = d.meeting as { name?: unknown; address?: unknown } | undefined;
  return typeof meeting?.name === "string" ? `${meeting.name}, ${String(meeting.address)}` : null;
}

/** One sentence per entry type, from the data each flow records. */
export function describer(a: Analysis): (entry: TimelineEntry) => string {
  const { say, dir } = a;
  const labels = new Labels(a.locale);
  const level = (value: unknown) => labels.classification(value as Classification);
  const taskTitles = new Map(a.data.tasks.map((t) => [t.id, t.title]));
  const task = (d: Record<string, unknown>) =>
    String(d.title ?? taskTitles.get(String(d.taskId)) ?? d.taskId);
  const service = (d: Record<string, unknown>) => {
    const situation = (d.situation as "A" | "B" | undefined) ?? a.data.incident.situation;
    return (situation && dir.service(situation, String(d.serviceId))?.name) || String(d.serviceId);
  };
  const tags = (entry: TimelineEntry) =>
    entry.tags.length > 0 ? ` [${entry.tags.map((t) => `#${t}`).join(" ")}]` : "";
  return (entry) => {
    const d = entry.data;
    switch (entry.type) {
      case "incident.declared":
        return say(
          `Incident gemeld: ernst ${level(d.classification)}, omvang ${d.scope} — ${d.description}${d.planActivated ? "; plan geactiveerd" : ""}${meetingOf(d) ? `; contactadres: ${meetingOf(d)}` : ""}`,
          `Incident declared: classification ${level(d.classification)}, scope ${d.scope} — ${d.description}${d.planActivated ? "; plan activated" : ""}${meetingOf(d) ? `; meeting address: ${meetingOf(d)}` : ""}`,
        );
      case "meeting.changed":
        return say(
          `Contactadres gewijzigd: ${d.name}, ${d.address}; aanwezig tegen ${a.when(new Date(String(d.arriveBy)))}${d.reason ? `; reden: ${d.reason}` : ""}`,
          `Meeting address changed: ${d.name}, ${d.address}; arrive by ${a.when(new Date(String(d.arriveBy)))}${d.reason ? `; reason: ${d.reason}` : ""}`,
        );
      case "incident.scoped":
        return say(
          `Omvang gewijzigd: ${String(d.from)} → ${String(d.to)}`,
          `Scope changed: ${String(d.from)} → ${String(d.to)}`,
        );
      case "incident.reclassified":
        return say(
          `Ernst gewijzigd: ${level(d.from)} → ${level(d.to)}`,
          `Classification changed: ${level(d.from)} → ${level(d.to)}`,
        );
      case "page.sent":
        return d.selfDeclared
          ? say(
              `${dir.name(String(d.personId))} komt als ${dir.functionName(String(d.functionId))} (geen oproep nodig)`,
              `${dir.name(String(d.personId))} is coming as ${dir.functionName(String(d.functionId))} (no page needed)`,
            )
          : say(
              `Oproep aan ${dir.name(String(d.personId))} als ${dir.functionName(String(d.functionId))}${Number(d.attempt) > 0 ? ` (vervanger ${d.attempt})` : ""}`,
              `Page to ${dir.name(String(d.personId))} as ${dir.functionName(String(d.functionId))}${Number(d.attempt) > 0 ? ` (alternate ${d.attempt})` : ""}`,
            );
      case "page.answered":
        return `${dir.name(String(d.personId))}: ${labels.pageStatus(d.answer as "coming").toLowerCase()} (${dir.functionName(String(d.functionId))})${d.reason ? ` — ${String(d.reason)}` : ""}`;
      case "page.silent":
        return say(
          `Geen antwoord van ${dir.name(String(d.personId))} (${dir.functionName(String(d.functionId))}) binnen de termijn`,
          `No answer from ${dir.name(String(d.personId))} (${dir.functionName(String(d.functionId))}) in time`,
        );
      case "delivery.failed": {
        const to = d.personId
          ? dir.name(String(d.personId))
          : say("het incidentkanaal", "the incident channel");
        return say(
          `Niet afgeleverd via ${d.channel} aan ${to}: ${d.error}`,
          `Not delivered through ${d.channel} to ${to}: ${d.error}`,
        );
      }
      case "page.exhausted":
        return say(
          `Niemand bereikbaar voor ${dir.functionName(String(d.functionId))}`,
          `Nobody reachable for ${dir.functionName(String(d.functionId))}`,
        );
      case "evaluation.recorded":
        return `${say("Evaluatie", "Evaluation")}: ${d.text}`;
      case "decision.made":
        return say(
          `Beslissing: situatie ${d.situation}${d.locationName ? ` — ${d.locationName}` : ""}${d.reason ? `; reden: ${d.reason}` : ""}`,
          `Decision: situation ${d.situation}${d.locationName ? ` — ${d.locationName}` : ""}${d.reason ? `; reason: ${d.reason}` : ""}`,
        );
      case "tasks.planned":
        return say(
          `${(d.tasks as unknown[]).length} taken van situatie ${d.situation} ${d.reopened ? "heropend" : "gepland"}`,
          `${(d.tasks as unknown[]).length} tasks of situation ${d.situation} ${d.reopened ? "reopened" : "planned"}`,
        );
      case "task.claimed":
        return say(`Taak opgenomen: ${task(d)}`, `Task claimed: ${task(d)}`);
      case "task.released":
        return say(`Taak vrijgegeven: ${task(d)}`, `Task released: ${task(d)}`);
      case "task.assigned":
        return say(
          `Taak toegewezen aan ${dir.name(String(d.ownerId))}: ${task(d)}`,
          `Task assigned to ${dir.name(String(d.ownerId))}: ${task(d)}`,
        );
      case "task.completed":
        return say(
          `Taak klaar: ${task(d)} (${d.onTime === false ? "na de deadline" : "op tijd"})`,
          `Task done: ${task(d)} (${d.onTime === false ? "after the deadline" : "on time"})`,
        );
      case "task.blocked":
        return say(
          `Taak geblokkeerd: ${task(d)} — ${d.reason}`,
          `Task blocked: ${task(d)} — ${d.reason}`,
        );
      case "task.unblocked":
        return say(`Taak gedeblokkeerd: ${task(d)}`, `Task unblocked: ${task(d)}`);
      case "reminder.sent":
        return d.taskId
          ? say(`Herinnering: ${task(d)}`, `Reminder: ${task(d)}`)
          : say(`Herinnering RTO: ${service(d)}`, `RTO reminder: ${service(d)}`);
      case "deadline.missed":
        return d.taskId
          ? say(`Deadline gemist: ${task(d)}`, `Deadline missed: ${task(d)}`)
          : say(`RTO overschreden: ${service(d)}`, `RTO exceeded: ${service(d)}`);
      case "service.restored":
        return say(
          `Dienst hersteld: ${service(d)} (${d.withinRto ? "binnen de RTO" : "na de RTO"}${d.by === "tasks" ? ", alle taken klaar" : ""})`,
          `Service restored: ${service(d)} (${d.withinRto ? "within the RTO" : "after the RTO"}${d.by === "tasks" ? ", all tasks done" : ""})`,
        );
      case "log":
        return `${say("Logboek", "Log")}: ${d.text}${tags(entry)}`;
      case "correction": {
        const corrects = d.corrects as { seq?: number } | undefined;
        return say(
          `Correctie van regel ${corrects?.seq ?? "?"}: ${d.text}`,
          `Correction of entry ${corrects?.seq ?? "?"}: ${d.text}`,
        );
      }
      case "exercise.inject":
      case "exercise.ended":
        return describeExerciseEntry(entry, a.locale) ?? String(entry.type);
      case "incident.closed":
        return say(
          `Incident afgesloten${d.note ? `: ${d.note}` : ""}`,
          `Incident closed${d.note ? `: ${d.note}` : ""}`,
        );
      case "chat.problem":
        return chatProblemText(d, a.locale);
      case "sms.received":
        return smsReceivedText(d, a.locale, dir.timeZone);
    }
    // A type written by a later version of Ramp still gets a row.
    return String(entry.type);
  };
}
