// STATUS by SMS: the incident in one or two texts — paging, the decision, what is late or blocked.
import type { CrisisEngine } from "../engine.ts";
import type { SmsReply } from "./answer.ts";
import { incidentLabel } from "./tasks.ts";

export async function statusBySms(engine: CrisisEngine): Promise<SmsReply> {
  const { dir, store, clock } = engine.ctx;
  const nl = dir.locale === "nl";
  const incident = await engine.resolveIncident();
  const now = clock.now().getTime();
  const pages = await store.pages.listForIncident(incident.id);
  let coming = 0;
  let waiting = 0;
  let nobody = 0;
  for (const functionId of dir.plan.coordination.crisisStaff) {
    const own = pages.filter((p) => p.functionId === functionId);
    if (own.some((p) => p.status === "coming")) coming += 1;
    else if (own.some((p) => p.status === "sent")) waiting += 1;
    else nobody += 1;
  }
  const staff = dir.plan.coordination.crisisStaff.length;
  const paging = nl
    ? `Oproep: ${coming}/${staff} komen, ${waiting} wachten op antwoord${nobody ? `, ${nobody} niemand` : ""}.`
    : `Paging: ${coming}/${staff} coming, ${waiting} awaiting an answer${nobody ? `, ${nobody} nobody` : ""}.`;
  const location = incident.locationId
    ? dir.plan.fallbackLocations.find((l) => l.id === incident.locationId)?.name
    : undefined;
  const decision = incident.situation
    ? `${nl ? "Beslissing" : "Decision"}: ${incident.situation}${location ? ` (${location})` : ""}.`
    : nl
      ? "Nog geen beslissing A/B."
      : "No decision A/B yet.";
  const tasks = (await store.tasks.listForIncident(incident.id)).filter(
    (t) => t.situation === incident.situation,
  );
  const unfinished = tasks.filter((t) => ["open", "claimed", "blocked"].includes(t.status));
  const numbers = (ts: typeof tasks) => ts.map((t) => `#${t.number ?? "?"}`).join(" ");
  const overdue = unfinished.filter((t) => t.deadlineAt.getTime() < now);
  const blocked = unfinished.filter((t) => t.status === "blocked");
  const done = tasks.filter((t) => t.status === "done").length;
  const work = incident.situation
    ? [
        nl
          ? `Taken: ${done} klaar, ${unfinished.length} open.`
          : `Tasks: ${done} done, ${unfinished.length} open.`,
        overdue.length > 0 ? `${nl ? "Te laat" : "Overdue"}: ${numbers(overdue)}.` : "",
        blocked.length > 0 ? `${nl ? "Geblokkeerd" : "Blocked"}: ${numbers(blocked)}.` : "",
      ]
    : [];
  const head = `${incidentLabel(incident)} ${incident.classification}${incident.status === "closed" ? (nl ? ", afgesloten" : ", closed") : ""}.`;
  return {
    text: [head, paging, decision, ...work].filter(Boolean).join(" "),
    incidentId: incident.id,
  };
}
