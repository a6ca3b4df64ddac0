// Contact details that stay true: who confirmed their own details ("Klopt dit nog?") within the
// plan's term, and whose confirmation is out of date or unanswered. Names and dates only; who has
// not answered is for the coordinator and the deputies, a person sees their own state.
import {
  type ContactConfirmationStatus,
  contactConfirmationStatus,
} from "../../contacts/status.ts";
import { formatDateTime } from "../../time.ts";
import type { ReadinessInput, ReadinessRow, ReadinessSection } from "./model.ts";

export async function contactsSection(input: ReadinessInput): Promise<ReadinessSection> {
  const { ctx, nl, viewer, now } = input;
  const { dir } = ctx;
  const when = (d: Date) => formatDateTime(d, dir.locale, dir.timeZone);
  const people = await contactConfirmationStatus(ctx, now);
  const current = people.filter((p) => p.confirmedAt && !p.staleSince);
  const stale = people.filter((p) => p.staleSince);
  const notAsked = people.filter((p) => !p.askedAt && !p.confirmedAt);
  const state = (p: ContactConfirmationStatus): string => {
    if (p.pending && p.askedAt) {
      const reminded = p.remindedAt
        ? nl
          ? `, herinnerd op ${when(p.remindedAt)}`
          : `, reminded on ${when(p.remindedAt)}`
        : "";
      return nl
        ? `gevraagd op ${when(p.askedAt)}${reminded}, nog geen antwoord`
        : `asked on ${when(p.askedAt)}${reminded}, no answer yet`;
    }
    if (p.staleSince)
      return nl
        ? `niet meer bevestigd sinds ${when(p.staleSince)}`
        : `not confirmed since ${when(p.staleSince)}`;
    if (p.confirmedAt) return `${nl ? "bevestigd op" : "confirmed on"} ${when(p.confirmedAt)}`;
    return nl ? "nog niet gevraagd" : "not asked yet";
  };
  const rows: ReadinessRow[] = viewer.leader
    ? stale.map((p) => ({ label: p.name, value: state(p), level: "attention", lines: [] }))
    : [];
  const mine = people.find((p) => p.personId === viewer.personId);
  const own = mine ? [{ label: nl ? "Uw gegevens" : "Your details", value: state(mine) }] : [];
  return {
    id: "contacts",
    title: nl ? "Contactgegevens" : "Contact details",
    level: stale.length > 0 ? "attention" : "ok",
    summary: summary(current.length, stale.length, notAsked.length, people.length, nl),
    facts: [
      {
        label: nl ? "Bevestigd" : "Confirmed",
        value: `${current.length} ${nl ? "van" : "of"} ${people.length}`,
      },
      {
        label: nl ? "Verouderd of onbeantwoord" : "Out of date or unanswered",
        value: `${stale.length}`,
      },
      ...own,
    ],
    rows,
    columns: { label: nl ? "Niet bevestigd" : "Not confirmed", value: nl ? "Stand" : "State" },
  };
}

function summary(current: number, stale: number, notAsked: number, all: number, nl: boolean) {
  const parts = nl
    ? [`${current} van ${all} personen bevestigden hun gegevens binnen de termijn`]
    : [`${current} of ${all} people confirmed their details within the term`];
  if (stale > 0) parts.push(nl ? `${stale} niet (meer)` : `${stale} did not (or no longer)`);
  if (notAsked > 0)
    parts.push(
      nl
        ? `${notAsked} nog niet gevraagd (Ramp vraagt het op het ritme van het plan)`
        : `${notAsked} not asked yet (Ramp asks on the plan's cadence)`,
    );
  return `${parts.join("; ")}.`;
}
