// NEEM/KLAAR/BLOK <nr> and TAKEN by SMS: tasks by their short number in the running incident,
// through the same core operations (and refusals) as the buttons on the cards.
import type { Actor } from "../actor.ts";
import type { CrisisEngine } from "../engine.ts";
import { RampError } from "../errors.ts";
import type { Incident, Task } from "../model.ts";
import type { SmsReply } from "./answer.ts";

const UNFINISHED = new Set(["open", "claimed", "blocked"]);

export async function taskBySms(
  engine: CrisisEngine,
  actor: Actor,
  action: "claim" | "complete" | "block",
  number: number,
  reason?: string,
): Promise<SmsReply> {
  const nl = engine.directory.locale === "nl";
  const incident = await engine.resolveIncident();
  const task = (await engine.ctx.store.tasks.listForIncident(incident.id)).find(
    (t) => t.number === number && t.status !== "cancelled",
  );
  if (!task) {
    return {
      text: nl
        ? `Taak #${number} bestaat niet in incident ${incident.number}. Stuur TAKEN voor de lijst.`
        : `Task #${number} does not exist in incident ${incident.number}. Send TASKS for the list.`,
      incidentId: incident.id,
    };
  }
  const after = await engine.task(actor, task.id, action, reason);
  const name = `#${number} ${short(after.title, 60)}`;
  const text = {
    claim: nl
      ? `${name}: opgenomen door u. Klaar? Stuur KLAAR ${number}.`
      : `${name}: taken by you. Done? Send DONE ${number}.`,
    complete: nl ? `${name}: klaar. Dank u.` : `${name}: done. Thank you.`,
    block: nl
      ? `${name}: geblokkeerd (${after.blockedReason ?? reason}). De coördinator is verwittigd.`
      : `${name}: blocked (${after.blockedReason ?? reason}). The coordinator has been told.`,
  }[action];
  return { text, incidentId: incident.id };
}

/** TAKEN: the person's unfinished tasks, then the unclaimed ones, by number. */
export async function tasksBySms(engine: CrisisEngine, actor: Actor): Promise<SmsReply> {
  const nl = engine.directory.locale === "nl";
  const incident = await engine.resolveIncident();
  if (!incident.situation) throw new RampError("no-decision");
  const tasks = (await engine.ctx.store.tasks.listForIncident(incident.id))
    .filter((t) => t.situation === incident.situation && UNFINISHED.has(t.status))
    .sort(byNumber);
  const mine = tasks.filter((t) => t.ownerId === actor.personId);
  const free = tasks.filter((t) => t.status === "open" && !t.ownerId);
  const status = (t: Task) =>
    t.status === "blocked" ? (nl ? " (geblokkeerd)" : " (blocked)") : "";
  const list = (ts: Task[], extra: (t: Task) => string = () => "") =>
    ts.map((t) => `#${t.number ?? "?"} ${short(t.title, 28)}${extra(t)}`).join("; ");
  const parts = [
    mine.length > 0
      ? `${nl ? "Uw taken" : "Your tasks"}: ${list(mine, status)}.`
      : nl
        ? "U hebt geen taken."
        : "You have no tasks.",
    free.length > 0
      ? `${nl ? "Vrij" : "Free"}: ${list(free)}.`
      : nl
        ? "Geen vrije taken."
        : "No free tasks.",
  ];
  const hint = nl ? "NEEM <nr> om op te nemen." : "TAKE <no> to take one.";
  return { text: `${incidentLabel(incident)} ${hint} ${parts.join(" ")}`, incidentId: incident.id };
}

export function incidentLabel(incident: Incident): string {
  return `${incident.exercise ? "OEFENING " : ""}${incident.number}:`;
}

const byNumber = (a: Task, b: Task) => (a.number ?? 1e9) - (b.number ?? 1e9);

export function short(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
