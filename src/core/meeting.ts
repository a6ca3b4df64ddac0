// Where the crisis staff meets (DRP 13: the contactadres). Declared with the plan's primary
// address or its fallback; the coordinator or a deputy can move it later, e.g. when the
// incident turns out to be in the primary building. Everyone paged who has not declined then
// hears where to go now and by when, and the cards and pages show the new address.
import { type Actor, actorId } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import { RampError } from "./errors.ts";
import { type Incident, MEETINGS, type Meeting } from "./model.ts";
import { onIncident, requireLeader } from "./run.ts";
import { addMinutes, formatDateTime } from "./time.ts";
import { meetingPlace } from "./views/meeting.ts";

export async function changeMeeting(
  ctx: EngineContext,
  actor: Actor,
  incidentId: string,
  meeting: Meeting,
  reason?: string | null,
): Promise<Incident> {
  requireLeader(ctx, actor, { nl: "het contactadres wijzigen", en: "change the meeting address" });
  if (!MEETINGS.includes(meeting)) throw invalidMeeting(String(meeting));
  const why = reason?.trim().slice(0, 500) || null;
  return onIncident(ctx, incidentId, async (work, incident, tx) => {
    const { dir } = ctx;
    if (incident.meeting === meeting)
      throw new RampError("meeting-unchanged", { place: meetingPlace(dir, meeting) });
    const arriveBy = addMinutes(work.now, dir.plan.meeting.arriveWithin);
    await tx.incidents.update(incidentId, { meeting, arriveBy });
    const place = dir.plan.meeting[meeting];
    work.record({
      type: "meeting.changed",
      actorId: actorId(actor),
      source: actor.source,
      data: {
        from: incident.meeting,
        to: meeting,
        name: place.name,
        address: place.address,
        arriveBy: arriveBy.toISOString(),
        reason: why,
      },
    });
    const pages = await tx.pages.listForIncident(incidentId);
    const text = noticeText(ctx, incident, meeting, arriveBy, why);
    const told = new Set<string>();
    for (const page of pages) {
      if (page.status === "declined" || page.personId === actor.personId) continue;
      if (told.has(page.personId)) continue;
      told.add(page.personId);
      work.notify(
        { kind: "person", personId: page.personId },
        { kind: "meeting-changed", text },
        `meeting:${page.personId}`,
      );
    }
    for (const page of pages)
      work.refreshIfShown(
        { kind: "page", pageId: page.id },
        { kind: "person", personId: page.personId },
      );
    work.refresh({ kind: "incident", incidentId });
    return { ...incident, meeting, arriveBy };
  });
}

export function invalidMeeting(value: string): RampError {
  return new RampError("invalid-input", {
    field: "contactadres",
    nl: `"${value}" is geen contactadres van het plan; kies primair of uitwijk.`,
    en: `"${value}" is not a meeting address of the plan; choose primary or fallback.`,
  });
}

function noticeText(
  ctx: EngineContext,
  incident: Incident,
  meeting: Meeting,
  arriveBy: Date,
  reason: string | null,
): string {
  const { dir } = ctx;
  const place = meetingPlace(dir, meeting);
  reason = reason?.replace(/[.!?]+$/, "") ?? null;
  const by = formatDateTime(arriveBy, dir.locale, dir.timeZone);
  return dir.locale === "nl"
    ? `Nieuw contactadres voor incident ${incident.number}: kom naar ${place}, tegen ${by}.${reason ? ` Reden: ${reason}.` : ""}`
    : `New meeting address for incident ${incident.number}: come to ${place}, by ${by}.${reason ? ` Reason: ${reason}.` : ""}`;
}
