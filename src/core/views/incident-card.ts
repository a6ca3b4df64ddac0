// The incident card: what was declared, by whom, where the crisis staff meets, the decision and
// the priority services; once the plan is activated, the button that moves the meeting.
import type { EngineContext } from "../context.ts";
import type { Incident } from "../model.ts";
import { addMinutes, formatDateTime } from "../time.ts";
import { decisionSummary } from "./decision-view.ts";
import { exerciseMark, incidentName } from "./exercise-words.ts";
import { IncidentReads } from "./incident-reads.ts";
import type { Labels } from "./labels.ts";
import { meetingKind, meetingOption } from "./meeting.ts";
import { serviceLines } from "./service-lines.ts";
import type { IncidentCardView, ViewAction } from "./types.ts";

export async function incidentCardView(
  ctx: EngineContext,
  L: Labels,
  incidentId: string,
  reads = new IncidentReads(ctx, incidentId),
): Promise<IncidentCardView> {
  const incident = await reads.incident();
  const { dir } = ctx;
  const when = (d: Date) => formatDateTime(d, dir.locale, dir.timeZone);
  const declared = (await reads.entries()).find((e) => e.type === "incident.declared");
  const meeting = dir.plan.meeting[incident.meeting];
  const planActivated = Boolean(declared?.data.planActivated);
  const facts = [
    { label: L.text("classification"), value: L.classification(incident.classification) },
    { label: L.text("scope"), value: L.scope(incident.scope) },
    {
      label: L.text("declared"),
      value: `${when(incident.declaredAt)} — ${dir.name(incident.declaredById)}`,
    },
  ];
  if (incident.officeHours !== null) {
    facts.push({
      label: L.text("officeHours"),
      value: L.text(incident.officeHours ? "yes" : "no"),
    });
  }
  if (incident.reportedBy) facts.push({ label: L.text("reportedBy"), value: incident.reportedBy });
  const services = await serviceLines(ctx, incident, reads);
  return {
    kind: "incident",
    incidentId,
    number: incident.number,
    title: `${incidentName(incident, dir.locale)} — ${incident.description}`,
    classification: incident.classification,
    classificationLabel: L.classification(incident.classification),
    scope: incident.scope,
    status: incident.status,
    statusLabel: L.text(incident.status),
    planActivated,
    facts,
    meeting: {
      choice: incident.meeting,
      kind: meetingKind(dir, incident.meeting),
      name: meeting.name,
      address: meeting.address,
      ...(meeting.room ? { room: meeting.room } : {}),
      arriveBy: when(
        incident.arriveBy ?? addMinutes(incident.declaredAt, dir.plan.meeting.arriveWithin),
      ),
    },
    decision: decisionSummary(ctx, incident),
    services,
    actions: incident.status === "active" && planActivated ? [meetingAction(ctx, incident)] : [],
    ...(incident.exercise ? { exercise: exerciseMark(dir.locale, incident.number) } : {}),
  };
}

/** The button that moves the meeting to the plan's other address. */
function meetingAction(ctx: EngineContext, incident: Incident): ViewAction {
  const nl = ctx.dir.locale === "nl";
  const other = incident.meeting === "primary" ? "fallback" : "primary";
  const place = meetingOption(ctx.dir, other);
  return {
    action: "meeting.change",
    subjectId: incident.id,
    meeting: other,
    label: nl ? `Contactadres: ${place.name}` : `Meeting address: ${place.name}`,
    confirm: {
      title: nl ? "Contactadres wijzigen?" : "Change the meeting address?",
      text: nl
        ? `Het contactadres wordt ${place.label}. Iedereen die opgeroepen is en niet afzegde, krijgt het nieuwe adres en een nieuw aanwezigheidsuur.`
        : `The meeting address becomes ${place.label}. Everyone paged who has not declined gets the new address and a new arrival time.`,
      details: [],
      reasonLabel: nl ? "Reden (niet verplicht)" : "Reason (optional)",
      yes: nl ? "Wijzigen" : "Change",
      no: nl ? "Annuleren" : "Cancel",
    },
  };
}
