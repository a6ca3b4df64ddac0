// What a chat platform would not do for an incident: Ramp could not create the incident's own
// channel and used another, or could not add someone to it. An adapter reports it here; it goes
// on the timeline (so the review shows it) and to the coordinator privately, with what to do.
import type { Locale } from "../plan/schema.ts";
import type { EngineContext } from "./context.ts";
import type { Source } from "./model.ts";
import { onIncident } from "./run.ts";

export interface ChatProblem {
  platform: Extract<Source, "slack" | "teams">;
  /** "channel-fallback": the incident is followed elsewhere; "not-invited": people are missing. */
  kind: "channel-fallback" | "not-invited";
  /** The sentence for the timeline and the coordinator, in both languages (the platform's words). */
  nl: string;
  en: string;
  /** Kept with the entry: the channel, the people and the platform's reasons. */
  details: Record<string, unknown>;
}

/** The entry's sentence in the plan's language (timeline, review, notice). */
export function chatProblemText(data: Record<string, unknown>, locale: Locale): string {
  return String((locale === "nl" ? data.nl : data.en) ?? data.nl ?? "");
}

export async function reportChatProblem(
  ctx: EngineContext,
  incidentId: string,
  problem: ChatProblem,
): Promise<void> {
  await onIncident(
    ctx,
    incidentId,
    async (work, incident) => {
      work.record({
        type: "chat.problem",
        actorId: null,
        source: problem.platform,
        data: {
          platform: problem.platform,
          kind: problem.kind,
          nl: problem.nl,
          en: problem.en,
          ...problem.details,
        },
      });
      const text = problem[ctx.dir.locale === "nl" ? "nl" : "en"];
      // The coordinator, and whoever declared if that was a deputy: they run the incident.
      const to = new Set([ctx.dir.plan.coordination.coordinator, incident.declaredById]);
      for (const personId of to) {
        if (!ctx.dir.isLeader(personId)) continue;
        work.notify(
          { kind: "person", personId },
          { kind: "chat-problem", text },
          `chat-problem:${problem.platform}:${problem.kind}:${personId}`,
        );
      }
    },
    { allowClosed: true },
  );
}
