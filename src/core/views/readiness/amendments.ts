// Proposed plan amendments waiting for the plan's maintainer (from "Klopt dit nog?", reachability
// tests and refused numbers). The values are contact data: the coordinator and the deputies see
// each proposal, everyone else how many are open.
import { openAmendments } from "../../contacts/amendments.ts";
import type { ReadinessInput, ReadinessRow, ReadinessSection } from "./model.ts";

export async function amendmentsSection(input: ReadinessInput): Promise<ReadinessSection> {
  const { ctx, nl, viewer } = input;
  const open = await openAmendments(ctx);
  const rows: ReadinessRow[] = viewer.leader
    ? open.map((a) => ({
        label: `${a.name}: ${a.fieldLabel}`,
        value: a.field === "note" ? (a.note ?? "") : `${a.oldValue ?? "—"} → ${a.newValue ?? "—"}`,
        level: "attention",
        lines: [{ text: `${a.sourceLabel}, ${a.proposedAtText}` }],
      }))
    : [];
  return {
    id: "amendments",
    title: nl ? "Voorgestelde wijzigingen aan het plan" : "Proposed plan amendments",
    level: open.length > 0 ? "attention" : "ok",
    summary:
      open.length === 0
        ? nl
          ? "Geen voorgestelde wijzigingen."
          : "No proposed amendments."
        : nl
          ? `${open.length} ${open.length === 1 ? "voorgestelde wijziging wacht" : "voorgestelde wijzigingen wachten"} op de beheerder van het plan.`
          : `${open.length} proposed ${open.length === 1 ? "amendment waits" : "amendments wait"} for the plan's maintainer.`,
    facts:
      open.length === 0
        ? []
        : [
            {
              label: nl ? "Bekijken en toepassen" : "Review and apply",
              value: nl
                ? "npx ramp plan amendments (op de server), dan de versie van het plan verhogen"
                : "npx ramp plan amendments (on the server), then raise the plan's version",
            },
          ],
    rows,
    columns: { label: nl ? "Wijziging" : "Amendment", value: nl ? "Voorstel" : "Proposal" },
  };
}
