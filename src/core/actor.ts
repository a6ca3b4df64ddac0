// Who acts: a person from the plan, and where the command came from.
import type { Source } from "./model.ts";

export interface Actor {
  personId: string;
  source: Source;
}

/** The engine itself (scheduler ticks): reminders, escalations, automatic restorations. */
export const SYSTEM: Actor = { personId: "", source: "system" };
export const actorId = (actor: Actor): string | null =>
  actor.source === "system" ? null : actor.personId;
