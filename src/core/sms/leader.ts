// START, BESLIS and SLUIT by SMS: only with the person's PIN (a sender number can be spoofed).
// The PIN is checked before anything else is looked at; the core then applies its own rules
// (only the coordinator or a deputy declares, decides and closes).
import type { Actor } from "../actor.ts";
import { splitLocationAndReason } from "../decision-location.ts";
import { activatesPlan } from "../declare.ts";
import type { CrisisEngine } from "../engine.ts";
import { RampError } from "../errors.ts";
import { formatTime } from "../time.ts";
import { meetingPlace } from "../views/meeting.ts";
import type { SmsReply } from "./answer.ts";
import { checkPin, MAX_PIN_FAILURES } from "./pin.ts";
import type { SmsNote } from "./timeline.ts";
import type { SmsCommand } from "./words.ts";

type LeaderCommand = Extract<SmsCommand, { kind: "declare" | "decide" | "close" }>;

/** A refusal for a PIN: the reply, and what goes on the timeline (no PIN in it). */
export class PinRefused extends Error {
  constructor(
    readonly reply: string,
    readonly note: SmsNote,
  ) {
    super(`sms: PIN refused (${note.outcome})`);
  }
}

export async function requirePin(
  engine: CrisisEngine,
  actor: Actor,
  number: string,
  command: LeaderCommand,
): Promise<void> {
  const nl = engine.directory.locale === "nl";
  const check = await checkPin(engine.ctx, actor.personId, number, command.pin);
  if (check.ok) return;
  if (check.reason === "no-pin") {
    throw new PinRefused(
      nl
        ? "Voor START, BESLIS en SLUIT per sms is een PIN nodig en u hebt er geen. De coördinator stelt hem in op het crisisbord."
        : "DECLARE, DECIDE and CLOSE by SMS need a PIN and you have none. The coordinator sets it on the crisis board.",
      { command: command.kind, outcome: "no-pin" },
    );
  }
  const { failures, lockedUntil } = check;
  const until = lockedUntil
    ? formatTime(lockedUntil, engine.directory.locale, engine.directory.timeZone)
    : null;
  const left = MAX_PIN_FAILURES - failures;
  throw new PinRefused(
    until
      ? nl
        ? `Foute PIN. Te veel foute pogingen: sms-acties van dit nummer zijn vergrendeld tot ${until}. Gebruik Slack, Teams of het crisisbord.`
        : `Wrong PIN. Too many wrong tries: SMS actions from this number are locked until ${until}. Use Slack, Teams or the crisis board.`
      : nl
        ? `Foute PIN: niets gedaan. Nog ${left} ${left === 1 ? "poging" : "pogingen"} voor dit nummer vergrendeld wordt.`
        : `Wrong PIN: nothing done. ${left} more ${left === 1 ? "try" : "tries"} before this number is locked.`,
    {
      command: command.kind,
      outcome: "wrong-pin",
      failures,
      ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}),
    },
  );
}

export async function declareBySms(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<SmsCommand, { kind: "declare" }>,
): Promise<SmsReply> {
  const { dir } = engine.ctx;
  const nl = dir.locale === "nl";
  // Declared by text to page people: the lowest level that pages the crisis staff, unless typed.
  const classification = command.classification ?? dir.plan.classification.activatesPlanFrom;
  const description = command.description ?? (await engine.openReports()).at(-1)?.text ?? undefined;
  if (!description) {
    return {
      text: nl
        ? "Zeg wat er gebeurt: START <pin> [zwak|klein|groot|crisis] <omschrijving>. Er is niets gestart."
        : "Say what is happening: DECLARE <pin> [level] <description>. Nothing was declared.",
      incidentId: null,
    };
  }
  const incident = await engine.declare(actor, { classification, description });
  const paged = activatesPlan(engine.ctx, classification);
  const by = incident.arriveBy ? formatTime(incident.arriveBy, dir.locale, dir.timeZone) : null;
  const place = meetingPlace(dir, incident.meeting);
  return {
    text: nl
      ? `Incident ${incident.number} gestart (${classification}).${paged ? ` De crisisstaf wordt opgeroepen naar ${place}${by ? `, tegen ${by}` : ""}.` : ""} STATUS voor de stand.`
      : `Incident ${incident.number} declared (${classification}).${paged ? ` The crisis staff is paged to ${place}${by ? `, by ${by}` : ""}.` : ""} STATUS for the state.`,
    incidentId: incident.id,
  };
}

export async function decideBySms(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<SmsCommand, { kind: "decide" }>,
): Promise<SmsReply> {
  const { ctx } = engine;
  const nl = ctx.dir.locale === "nl";
  const incident = await engine.resolveIncident();
  const locations = ctx.dir.plan.fallbackLocations;
  let locationId: string | null = null;
  let reason: string | null = command.rest ?? null;
  if (command.situation === "A") {
    if (command.rest) {
      const typed = splitLocationAndReason(ctx, command.rest);
      locationId = typed.locationId;
      reason = typed.reason;
    } else if (locations.length === 1) {
      locationId = locations[0]!.id;
    } else {
      throw new RampError("invalid-input", {
        field: nl ? "Uitwijklocatie" : "Fallback location",
        nl: `zeg welke: BESLIS A <pin> <locatie>, uit ${locations.map((l) => l.name).join(", ")}.`,
        en: `say which: DECIDE A <pin> <location>, from ${locations.map((l) => l.name).join(", ")}.`,
      });
    }
  }
  const input = { situation: command.situation, locationId, reason };
  if (!command.confirmed || !reason) {
    const preview = await engine.previewDecision(actor, incident.id, input);
    if (preview.changing) {
      const from = preview.current?.situation ?? "?";
      return {
        text: nl
          ? `Dit wijzigt de beslissing van ${from} naar ${command.situation}: lopende taken worden geannuleerd of overgezet. Zeker? Stuur BESLIS ${command.situation} <pin> ${command.situation === "A" ? "<locatie> " : ""}<reden> BEVESTIG.`
          : `This changes the decision from ${from} to ${command.situation}: running tasks are cancelled or carried over. Sure? Send DECIDE ${command.situation} <pin> ${command.situation === "A" ? "<location> " : ""}<reason> CONFIRM.`,
        incidentId: incident.id,
      };
    }
  }
  const decision = await engine.decide(actor, incident.id, { ...input, confirmed: true });
  const where = decision.locationId
    ? ` (${locations.find((l) => l.id === decision.locationId)?.name ?? decision.locationId})`
    : "";
  return {
    text: nl
      ? `Beslissing vastgelegd: situatie ${decision.situation}${where}. De taken staan klaar: TAKEN voor de lijst.`
      : `Decision recorded: situation ${decision.situation}${where}. The tasks are out: TASKS for the list.`,
    incidentId: incident.id,
  };
}

export async function closeBySms(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<SmsCommand, { kind: "close" }>,
): Promise<SmsReply> {
  const nl = engine.directory.locale === "nl";
  const incident = await engine.resolveIncident();
  if (!command.confirmed) {
    const open = await engine.openWork(incident.id);
    if (open.length > 0) {
      return {
        text: nl
          ? `Nog ${open.length} ${open.length === 1 ? "taak" : "taken"} open in ${incident.number}. Toch afsluiten? Stuur SLUIT <pin> BEVESTIG.`
          : `${open.length} ${open.length === 1 ? "task" : "tasks"} still open in ${incident.number}. Close anyway? Send CLOSE <pin> CONFIRM.`,
        incidentId: incident.id,
      };
    }
  }
  await engine.close(actor, incident.id, command.note);
  return {
    text: nl
      ? `Incident ${incident.number} is afgesloten. De tijdlijn is verzegeld.`
      : `Incident ${incident.number} is closed. The timeline is sealed.`,
    incidentId: incident.id,
  };
}
