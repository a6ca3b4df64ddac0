// `melding`: a staff member's report of what may be an incident, and what they hear back.
import type { Actor } from "../actor.ts";
import type { CrisisEngine } from "../engine.ts";
import type { ChatReply } from "./reply.ts";

/** `melding`: what the reporter hears back: who was alerted, or where the report went. */
export async function reportReply(
  engine: CrisisEngine,
  actor: Actor,
  text: string,
): Promise<ChatReply> {
  const nl = engine.directory.locale === "nl";
  const result = await engine.report(actor, text);
  if (result.kind === "logged") {
    const { number } = result.incident;
    return {
      kind: "text",
      text: nl
        ? `Er loopt al een incident (${number}): uw melding staat in het logboek, de crisisstaf ziet ze op het crisisbord.`
        : `An incident is active (${number}): your report is in its log, where the crisis staff sees it on the board.`,
    };
  }
  const names = result.alerted.map((id) => engine.directory.name(id)).join(", ");
  return {
    kind: "text",
    text: nl
      ? `Uw melding is doorgegeven aan ${names || "de coördinator"}. Wie beslist, start zo nodig het incident; u hoort het dan.`
      : `Your report was passed on to ${names || "the coordinator"}. They decide whether to start an incident; you will hear if they do.`,
  };
}
