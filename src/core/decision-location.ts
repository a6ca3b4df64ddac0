// Which fallback location a decision for situation A means: its id, its name or an unambiguous
// start of either, given on its own or typed in front of the reason.
import type { EngineContext } from "./context.ts";
import { RampError } from "./errors.ts";
import { resolveByName, resolveLeadingName } from "./resolve-name.ts";

/** The location's id, its name or an unambiguous start of either. */
export function requireLocation(ctx: EngineContext, location: string | null | undefined): string {
  const locations = ctx.dir.plan.fallbackLocations;
  if (!location?.trim()) {
    if (locations.length === 1) return locations[0]!.id;
    throw new RampError("location-required", { known: locationList(ctx) });
  }
  return resolveByName(
    locations,
    location,
    LOCATION,
    (known) => new RampError("unknown-location", { id: location.trim(), known }),
  ).id;
}

const LOCATION = { nl: "uitwijklocatie", en: "fallback location" };

function locationList(ctx: EngineContext): string {
  return ctx.dir.plan.fallbackLocations.map((l) => `${l.name} (${l.id})`).join("; ");
}

/**
 * `besluit A <locatie> [reden]` as typed: the location named by the first words (its name or id,
 * several words allowed), the rest the reason.
 */
export function splitLocationAndReason(
  ctx: EngineContext,
  text: string,
): { locationId: string; reason: string | null } {
  const { item, rest } = resolveLeadingName(
    ctx.dir.plan.fallbackLocations,
    text,
    LOCATION,
    (query, known) => new RampError("unknown-location", { id: query, known }),
  );
  return { locationId: item.id, reason: rest || null };
}
