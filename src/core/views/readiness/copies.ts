// The plan on paper: how many holders confirmed their copy of the version that runs now. Who
// holds which copy is for the coordinator and the deputies (as in "Het plan op papier" on the
// board): they see each holder still to confirm; a holder sees their own copy.
import type { PlanCopy } from "../../model.ts";
import { copyHolderIds } from "../../plan-document/holders.ts";
import { channelName } from "../../practice/words.ts";
import { formatDateTime } from "../../time.ts";
import type { ReadinessInput, ReadinessRow, ReadinessSection } from "./model.ts";

export async function copiesSection(input: ReadinessInput): Promise<ReadinessSection> {
  const { ctx, nl, viewer, sources } = input;
  const { dir } = ctx;
  const when = (d: Date) => formatDateTime(d, dir.locale, dir.timeZone);
  const version = dir.plan.document.version;
  const holders = copyHolderIds(dir.plan);
  const byPerson = new Map((await sources.currentCopies()).map((c) => [c.personId, c]));
  const confirmed = holders.filter((id) => byPerson.get(id)?.confirmedAt);
  const sent = holders.filter((id) => byPerson.has(id));
  const state = (copy: PlanCopy | undefined): string => {
    if (!copy) return nl ? "nog niet verstuurd" : "not sent yet";
    if (copy.confirmedAt)
      return `${nl ? "bevestigd op" : "confirmed on"} ${when(copy.confirmedAt)}`;
    if (!copy.channel)
      return nl
        ? "geen kanaal bereikt deze persoon: bezorg het exemplaar zelf"
        : "no channel reaches this person: hand the copy over yourself";
    return nl
      ? `verstuurd via ${channelName(copy.channel, nl)} op ${when(copy.createdAt)}, nog niet bevestigd`
      : `sent by ${channelName(copy.channel, nl)} on ${when(copy.createdAt)}, not confirmed yet`;
  };
  const rows: ReadinessRow[] = viewer.leader
    ? holders
        .filter((id) => !byPerson.get(id)?.confirmedAt)
        .map((id) => ({
          label: dir.name(id),
          value: state(byPerson.get(id)),
          level: "attention",
          lines: [],
        }))
    : [];
  const own =
    viewer.personId && holders.includes(viewer.personId)
      ? [{ label: nl ? "Uw exemplaar" : "Your copy", value: state(byPerson.get(viewer.personId)) }]
      : [];
  const all = confirmed.length === holders.length;
  return {
    id: "copies",
    title: nl ? "Exemplaren van het plan" : "Copies of the plan",
    level: all ? "ok" : "attention",
    summary: nl
      ? `${confirmed.length} van ${holders.length} houders bevestigden hun exemplaar van versie ${version}.`
      : `${confirmed.length} of ${holders.length} holders confirmed their copy of version ${version}.`,
    facts: [
      {
        label: nl ? "Bevestigd" : "Confirmed",
        value: `${confirmed.length} ${nl ? "van" : "of"} ${holders.length}`,
      },
      {
        label: nl ? "Verstuurd" : "Sent",
        value: `${sent.length} ${nl ? "van" : "of"} ${holders.length}`,
      },
      ...own,
    ],
    rows,
    columns: {
      label: nl ? "Nog te bevestigen" : "Still to confirm",
      value: nl ? "Stand" : "State",
    },
  };
}
