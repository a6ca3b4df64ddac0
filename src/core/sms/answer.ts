// 1/JA and 2/NEE by SMS: the person's own page ("Ik kom" / "Ik kan niet", with the rest of the
// text as the reason), or else their reachability test ("Ontvangen": any answer proves it).
import type { Actor } from "../actor.ts";
import { answerContactCheck } from "../contacts/answer.ts";
import type { CrisisEngine } from "../engine.ts";
import type { Incident, Page } from "../model.ts";
import { formatTime } from "../time.ts";
import { meetingPlace } from "../views/meeting.ts";

export interface SmsReply {
  text: string;
  /** The incident the reply is about, for the review's count; null for none. */
  incidentId: string | null;
}

export async function answerBySms(
  engine: CrisisEngine,
  actor: Actor,
  answer: "coming" | "declined",
  reason: string | undefined,
): Promise<SmsReply | null> {
  const nl = engine.directory.locale === "nl";
  const incidents = await engine.activeIncidents();
  const mine: Array<{ page: Page; incident: Incident }> = [];
  for (const incident of incidents) {
    for (const page of await engine.ctx.store.pages.listForIncident(incident.id))
      if (page.personId === actor.personId) mine.push({ page, incident });
  }
  mine.sort((a, b) => a.page.sentAt.getTime() - b.page.sentAt.getTime());
  const open = mine.filter((m) => m.page.status === "sent");
  // No open page: the newest one answered, silent or declined may still be changed.
  const targets = open.length > 0 ? open : mine.slice(-1);
  if (targets.length === 0) return null;
  const incident = targets[0]!.incident;
  let changed = false;
  for (const { page } of targets) {
    // "Ik kom" on one page covers the functions on the same card: answer what is still open.
    const current = await engine.ctx.store.pages.get(page.id);
    if (!current || current.status === answer) continue;
    if (open.length > 0 && current.status !== "sent") continue;
    await engine.answerPage(actor, page.id, answer, reason);
    changed = true;
  }
  const fresh = (await engine.ctx.store.incidents.get(incident.id)) ?? incident;
  const place = meetingPlace(engine.directory, fresh.meeting);
  const by = fresh.arriveBy
    ? formatTime(fresh.arriveBy, engine.directory.locale, engine.directory.timeZone)
    : null;
  const again = changed ? "" : nl ? "Dat had u al geantwoord. " : "You had already answered so. ";
  const text =
    answer === "coming"
      ? nl
        ? `${again}Genoteerd: u komt (incident ${fresh.number}). Naar ${place}${by ? `, tegen ${by}` : ""}.`
        : `${again}Noted: you are coming (incident ${fresh.number}). Go to ${place}${by ? `, by ${by}` : ""}.`
      : nl
        ? `${again}Genoteerd: u kunt niet komen (incident ${fresh.number}). Uw vervanger wordt opgeroepen.`
        : `${again}Noted: you cannot come (incident ${fresh.number}). Your alternate is paged.`;
  return { text, incidentId: fresh.id };
}

/** A reachability test open for the person: "Ontvangen". Null when there is none to answer. */
export async function answerTestBySms(
  engine: CrisisEngine,
  actor: Actor,
): Promise<SmsReply | null> {
  const { store } = engine.ctx;
  const [latest] = await store.reachability.list(engine.directory.plan.organisation.id, 1);
  if (latest?.status !== "open") return null;
  const recipient = (await store.reachability.recipients(latest.id)).find(
    (r) => r.personId === actor.personId,
  );
  if (!recipient) return null;
  await engine.answerTest(actor, recipient.id);
  const nl = engine.directory.locale === "nl";
  return {
    text: nl
      ? `Ontvangen, dank u: u bent bereikbaar (bereikbaarheidstest ${latest.number}). Er is geen incident.`
      : `Received, thank you: you are reachable (reachability test ${latest.number}). There is no incident.`,
    incidentId: null,
  };
}

/**
 * "Klopt dit nog?" open for the person: JA confirms their details; NEE sends them to the form
 * (new values do not fit a text safely). Null when no request of theirs is open.
 */
export async function answerContactCheckBySms(
  engine: CrisisEngine,
  actor: Actor,
  answer: "yes" | "no",
): Promise<SmsReply | null> {
  const { ctx } = engine;
  if (!actor.personId) return null;
  const open = (await ctx.store.contactChecks.listLatest()).find(
    (c) => c.personId === actor.personId && c.answeredAt === null,
  );
  if (!open) return null;
  const nl = engine.directory.locale === "nl";
  if (answer === "no") {
    const link = ctx.contactCheckLink?.(open.id, open.personId);
    return {
      text: nl
        ? `Geef uw nieuwe gegevens door via ${link ?? "het crisisbord"}.`
        : `Send your new details through ${link ?? "the crisis board"}.`,
      incidentId: null,
    };
  }
  await answerContactCheck(ctx, actor.personId, open.id, { kind: "confirmed" });
  return {
    text: nl
      ? "Genoteerd: uw gegevens kloppen. Dank u."
      : "Noted: your details are correct. Thank you.",
    incidentId: null,
  };
}
