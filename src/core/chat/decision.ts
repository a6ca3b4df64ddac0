// The situation decision and the work it sets out: `besluit`, `taken` and `hersteld`.
import type { Actor } from "../actor.ts";
import { splitLocationAndReason } from "../decision-location.ts";
import type { CrisisEngine } from "../engine.ts";
import { RampError } from "../errors.ts";
import { decisionChangeText } from "./confirm.ts";
import type { ChatCommand } from "./parse.ts";
import type { ChatReply } from "./reply.ts";

/** `besluit`: record the situation; a change first shows what it does and how to confirm it. */
export async function decideReply(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<ChatCommand, { kind: "decide" }>,
  prefix: string,
): Promise<ChatReply> {
  const nl = engine.directory.locale === "nl";
  const incident = await engine.resolveIncident();
  // A's location may have several words; the reason follows it.
  const typed =
    command.situation === "A" && command.location
      ? splitLocationAndReason(engine.ctx, command.location)
      : null;
  const reason = typed?.reason ?? command.reason ?? undefined;
  const input = {
    situation: command.situation,
    locationId: typed?.locationId ?? null,
    reason: reason ?? null,
  };
  if (!command.confirmed || !reason) {
    // A change first shows what it does; the same command with a reason and "bevestig" makes it.
    const preview = await engine.previewDecision(actor, incident.id, input);
    if (preview.changing)
      return {
        kind: "text",
        text: decisionChangeText(engine.directory, preview, reason, prefix),
      };
  }
  const decision = await engine.decide(actor, incident.id, { ...input, confirmed: true });
  return {
    kind: "text",
    text: nl
      ? `Beslissing vastgelegd: situatie ${decision.situation}. De taken staan in het incidentkanaal.`
      : `Decision recorded: situation ${decision.situation}. The tasks are in the incident channel.`,
  };
}

/** `taken`: the incident's tasks, or only the asker's with `mine`. */
export async function tasksReply(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<ChatCommand, { kind: "tasks" }>,
): Promise<ChatReply> {
  const nl = engine.directory.locale === "nl";
  const incident = await engine.resolveIncident();
  if (!incident.situation) throw new RampError("no-decision");
  let groups = await engine.views.tasks(incident.id);
  if (command.mine) {
    groups = groups.map((g) => ({
      ...g,
      tasks: g.tasks.filter((t) => t.ownerId === actor.personId),
    }));
  }
  const title = command.mine
    ? nl
      ? `Uw taken — incident ${incident.number}`
      : `Your tasks — incident ${incident.number}`
    : nl
      ? `Taken — incident ${incident.number}`
      : `Tasks — incident ${incident.number}`;
  return { kind: "tasks", title, groups };
}

export async function restoredReply(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<ChatCommand, { kind: "restored" }>,
): Promise<ChatReply> {
  const nl = engine.directory.locale === "nl";
  const incident = await engine.resolveIncident();
  const service = await engine.restoreService(actor, incident.id, command.service);
  const name = engine.directory.service(service.situation, service.serviceId)?.name;
  return {
    kind: "text",
    text: nl
      ? `Dienst hersteld gemeld: ${name ?? service.serviceId}.`
      : `Service marked restored: ${name ?? service.serviceId}.`,
  };
}
