// The incident's own commands: declare it (`start`, or its form), its meeting address, status,
// classification and scope, and close it (`stop`).
import type { Actor } from "../actor.ts";
import type { CrisisEngine } from "../engine.ts";
import type { Meeting } from "../model.ts";
import { requireLeader } from "../run.ts";
import { formatDateTime } from "../time.ts";
import { incidentName } from "../views/exercise-words.ts";
import { Labels } from "../views/labels.ts";
import { meetingOptions, meetingPlace } from "../views/meeting.ts";
import { phonesToCall, withoutPhones } from "../views/personal.ts";
import { amount } from "../views/plural.ts";
import { closeWithOpenWorkText } from "./confirm.ts";
import { declaredReply } from "./declared.ts";
import type { ChatCommand } from "./parse.ts";
import type { ChatReply } from "./reply.ts";

/** `start`: with a classification and a description, the incident; without, the form. */
export async function startReply(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<ChatCommand, { kind: "start" }>,
  prefix: string,
): Promise<ChatReply> {
  if (!command.classification || !command.description) {
    // Refused before the form, not after someone filled it in.
    requireLeader(engine.ctx, actor, {
      nl: "een incident starten",
      en: "declare an incident",
    });
    return await startForm(engine, command.meeting ?? "primary");
  }
  const incident = await engine.declare(actor, {
    classification: command.classification,
    ...(command.scope ? { scope: command.scope } : {}),
    description: command.description,
    ...(command.meeting ? { meeting: command.meeting } : {}),
  });
  return await declaredReply(engine, incident.id, prefix);
}

/** The declaration form, filled in with what a staff member reported, when someone did. */
export async function startForm(engine: CrisisEngine, meeting: Meeting): Promise<ChatReply> {
  const report = (await engine.openReports()).at(-1);
  const meetings = meetingOptions(engine.directory);
  return report
    ? { kind: "start-form", description: report.text, meetings, meeting }
    : { kind: "start-form", meetings, meeting };
}

/** `contactadres`: the crisis staff's meeting address moved, for everyone paged. */
export async function meetingReply(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<ChatCommand, { kind: "meeting" }>,
): Promise<ChatReply> {
  const locale = engine.directory.locale;
  const nl = locale === "nl";
  const incident = await engine.resolveIncident();
  const changed = await engine.changeMeeting(actor, incident.id, command.meeting, command.reason);
  const place = meetingPlace(engine.directory, changed.meeting);
  const by = changed.arriveBy
    ? formatDateTime(changed.arriveBy, locale, engine.directory.timeZone)
    : "";
  return {
    kind: "text",
    text: nl
      ? `Contactadres gewijzigd: ${place}, aanwezig tegen ${by}. Wie opgeroepen is en niet afzegde, krijgt het nieuwe adres.`
      : `Meeting address changed: ${place}, arrive by ${by}. Everyone paged who has not declined gets the new address.`,
  };
}

/**
 * `status`: the incident as it is now. The numbers of people no chat platform reaches are its
 * personal part, for whoever asked (a plan person, who also sees them on the signed-in board).
 */
export async function statusReply(engine: CrisisEngine, incidentId: string): Promise<ChatReply> {
  const view = await engine.views.status(incidentId);
  const phones = phonesToCall(view.paging, engine.directory.locale);
  return {
    kind: "status",
    view: { ...view, paging: withoutPhones(view.paging) },
    ...(phones ? { personal: phones } : {}),
  };
}

export async function reclassifyReply(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<ChatCommand, { kind: "reclassify" }>,
): Promise<ChatReply> {
  const nl = engine.directory.locale === "nl";
  const incident = await engine.resolveIncident();
  await engine.reclassify(actor, incident.id, command.classification);
  return {
    kind: "text",
    text: nl
      ? `Ernst gewijzigd naar ${command.classification}.`
      : `Classification changed to ${command.classification}.`,
  };
}

export async function scopeReply(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<ChatCommand, { kind: "scope" }>,
): Promise<ChatReply> {
  const locale = engine.directory.locale;
  const nl = locale === "nl";
  const incident = await engine.resolveIncident();
  await engine.setScope(actor, incident.id, command.scope);
  const label = new Labels(locale).scope(command.scope).toLowerCase();
  return {
    kind: "text",
    text: nl ? `Omvang vastgelegd: ${label}.` : `Scope recorded: ${label}.`,
  };
}

/** `stop`: close the incident; with open work, first what stays open and the confirming command. */
export async function stopReply(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<ChatCommand, { kind: "stop" }>,
  prefix: string,
): Promise<ChatReply> {
  const locale = engine.directory.locale;
  const nl = locale === "nl";
  const incident = await engine.resolveIncident();
  if (!command.confirmed) {
    requireLeader(engine.ctx, actor, {
      nl: "het incident afsluiten",
      en: "close the incident",
    });
    const open = await engine.openWork(incident.id);
    if (open.length > 0)
      return {
        kind: "text",
        text: closeWithOpenWorkText(engine.directory, open, command.note, prefix),
      };
  }
  const { openTasks } = await engine.close(actor, incident.id, command.note);
  const open = openTasks.length;
  return {
    kind: "text",
    text: nl
      ? `${incidentName(incident, locale)} is afgesloten${open ? ` (${amount(open, "taak", "taken")} nog open)` : ""}. De tijdlijn is verzegeld.`
      : `${incidentName(incident, locale)} is closed${open ? ` (${amount(open, "task", "tasks")} still open)` : ""}. The timeline is sealed.`,
  };
}
