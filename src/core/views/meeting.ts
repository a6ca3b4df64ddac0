// The plan's two meeting addresses (contactadres) as people choose between them: each with its
// name and street, so that "the burning building" and the other one cannot be mixed up.
import type { PlanDirectory } from "../directory.ts";
import { MEETINGS, type Meeting } from "../model.ts";

export interface MeetingOption {
  meeting: Meeting;
  /** "Primair contactadres" / "Uitwijk-contactadres". */
  kind: string;
  name: string;
  address: string;
  room?: string;
  /** "Primair contactadres — Administratief Centrum Heidehof, Marktplein 1, …": for a choice. */
  label: string;
}

export function meetingKind(dir: PlanDirectory, meeting: Meeting): string {
  const nl = dir.locale === "nl";
  if (meeting === "primary") return nl ? "Primair contactadres" : "Primary meeting address";
  return nl ? "Uitwijk-contactadres" : "Fallback meeting address";
}

export function meetingOption(dir: PlanDirectory, meeting: Meeting): MeetingOption {
  const place = dir.plan.meeting[meeting];
  return {
    meeting,
    kind: meetingKind(dir, meeting),
    name: place.name,
    address: place.address,
    ...(place.room ? { room: place.room } : {}),
    label: `${meetingKind(dir, meeting)} — ${place.name}, ${place.address}`,
  };
}

/** Both addresses, the primary one first (and preselected by every form). */
export function meetingOptions(dir: PlanDirectory): MeetingOption[] {
  return MEETINGS.map((meeting) => meetingOption(dir, meeting));
}

/** "Woonzorgcentrum Ter Heide, Kerkstraat 41, 8981 Zonnebeke-Heide (Vergaderlokaal …)". */
export function meetingPlace(dir: PlanDirectory, meeting: Meeting): string {
  const place = dir.plan.meeting[meeting];
  return `${place.name}, ${place.address}${place.room ? ` (${place.room})` : ""}`;
}
