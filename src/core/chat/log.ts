// The incident's logbook from the chat: `log` (with #tags) and `evaluatie`.
import type { Actor } from "../actor.ts";
import type { CrisisEngine } from "../engine.ts";
import { LOG_TAGS } from "../model.ts";
import type { ChatCommand } from "./parse.ts";
import type { ChatReply } from "./reply.ts";

export async function logReply(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<ChatCommand, { kind: "log" }>,
): Promise<ChatReply> {
  const nl = engine.directory.locale === "nl";
  const incident = await engine.resolveIncident();
  await engine.log(actor, incident.id, command.text, command.tags);
  const tags = command.tags.length > 0 ? ` (${command.tags.map((t) => `#${t}`).join(" ")})` : "";
  const done = nl ? `In het logboek gezet${tags}.` : `Added to the log${tags}.`;
  return { kind: "text", text: `${done}${unknownTagsNote(command.unknownTags, nl)}` };
}

export async function evaluateReply(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<ChatCommand, { kind: "evaluate" }>,
): Promise<ChatReply> {
  const nl = engine.directory.locale === "nl";
  const incident = await engine.resolveIncident();
  await engine.recordEvaluation(actor, incident.id, command.text);
  return { kind: "text", text: nl ? "Evaluatie vastgelegd." : "Evaluation recorded." };
}

/** Named after a log entry whose #words are no known tag: they stayed text; here is the list. */
function unknownTagsNote(unknown: string[], nl: boolean): string {
  if (unknown.length === 0) return "";
  const known = LOG_TAGS.map((t) => `#${t}`).join(", ");
  const named = unknown.join(", ");
  return nl
    ? ` ${unknown.length === 1 ? `De tag ${named} is` : `De tags ${named} zijn`} niet herkend en ${unknown.length === 1 ? "bleef" : "bleven"} gewone tekst. Bekende tags: ${known}.`
    : ` ${unknown.length === 1 ? `The tag ${named} was` : `The tags ${named} were`} not recognised and stayed plain text. Known tags: ${known}.`;
}
