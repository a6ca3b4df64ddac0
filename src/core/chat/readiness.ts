// `/ramp gereed`: the board's readiness page in the chat. The view goes without phone numbers
// (a Teams channel may read the reply); the coordinator and the deputies get the numbers of
// those Ramp cannot reach, or who did not answer the last test, as the reply's personal part.
import type { Actor } from "../actor.ts";
import type { CrisisEngine } from "../engine.ts";
import type { PersonalPart } from "../views/personal.ts";
import { shareableReadiness } from "../views/readiness/build.ts";
import type { ReadinessView } from "../views/readiness/model.ts";
import type { ChatReply } from "./reply.ts";

export async function readinessReply(engine: CrisisEngine, actor: Actor): Promise<ChatReply> {
  const leader = engine.directory.isLeader(actor.personId);
  const view = await engine.readiness({ personId: actor.personId, leader });
  const personal = leader ? phonesToCall(view, engine.directory.locale === "nl") : null;
  return { kind: "readiness", view: shareableReadiness(view), ...(personal ? { personal } : {}) };
}

/** The numbers of the people a coordinator would have to call tonight, once each. */
function phonesToCall(view: ReadinessView, nl: boolean): PersonalPart | null {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const section of view.sections)
    for (const row of section.rows)
      for (const line of row.lines) {
        if (!line.phone || !line.level || line.level === "ok") continue;
        const entry = `• ${row.label} — ${line.person ?? line.text}: ${line.phone}`;
        if (seen.has(entry)) continue;
        seen.add(entry);
        lines.push(entry);
      }
  if (lines.length === 0) return null;
  const title = nl
    ? "Te bellen (Ramp bereikt hen niet of zij antwoordden niet op de test; alleen voor u):"
    : "To call (Ramp cannot reach them or they did not answer the test; for you only):";
  return { what: "phone-numbers", text: [title, ...lines].join("\n") };
}
