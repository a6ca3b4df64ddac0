// Runs a typed chat command for a person and answers with a platform-neutral reply,
// so Slack, Teams and the local chat only parse their transport and render the reply.
import type { Actor } from "../actor.ts";
import type { CrisisEngine } from "../engine.ts";
import { RampError } from "../errors.ts";
import { boardReply } from "./board.ts";
import { decideReply, restoredReply, tasksReply } from "./decision.ts";
import { exerciseReply } from "./exercise.ts";
import { helpText, invalidCommand } from "./help.ts";
import {
  meetingReply,
  reclassifyReply,
  scopeReply,
  startForm,
  startReply,
  statusReply,
  stopReply,
} from "./incident.ts";
import { evaluateReply, logReply } from "./log.ts";
import type { ChatCommand } from "./parse.ts";
import { readinessReply } from "./readiness.ts";
import type { ChatReply } from "./reply.ts";
import { reportReply } from "./report.ts";
import { reviewReply } from "./review.ts";
import { testReply } from "./test.ts";

export type { PersonalPart } from "../views/personal.ts";
export { statusReply } from "./incident.ts";
export type { ChatReply } from "./reply.ts";

export async function runChatCommand(
  engine: CrisisEngine,
  actor: Actor,
  command: ChatCommand,
  prefix: string,
): Promise<ChatReply> {
  const locale = engine.directory.locale;
  try {
    switch (command.kind) {
      case "help":
        // A bare `/ramp` from the coordinator or a deputy while no incident is active is an
        // incident to declare: the form. Anyone else, or during an incident: the help.
        if (
          command.bare &&
          engine.directory.isLeader(actor.personId) &&
          (await engine.activeIncidents()).length === 0
        )
          return await startForm(engine, "primary");
        return { kind: "help", text: helpText(locale, prefix) };
      case "board":
        return boardReply(engine, actor);
      case "review":
        return await reviewReply(engine, actor, command.incident);
      case "report":
        return await reportReply(engine, actor, command.text);
      case "test":
        return await testReply(engine, actor, command.stop);
      case "readiness":
        return await readinessReply(engine, actor);
      case "exercise":
        return await exerciseReply(engine, actor, command, prefix);
      case "invalid":
        return {
          kind: "help",
          text: helpText(locale, prefix),
          error: invalidCommand(command, prefix),
        };
      case "start":
        return await startReply(engine, actor, command, prefix);
      case "meeting":
        return await meetingReply(engine, actor, command);
      case "status": {
        const incident = await engine.resolveIncident(command.incident);
        return await statusReply(engine, incident.id);
      }
      case "tasks":
        return await tasksReply(engine, actor, command);
      case "evaluate":
        return await evaluateReply(engine, actor, command);
      case "decide":
        return await decideReply(engine, actor, command, prefix);
      case "log":
        return await logReply(engine, actor, command);
      case "restored":
        return await restoredReply(engine, actor, command);
      case "reclassify":
        return await reclassifyReply(engine, actor, command);
      case "scope":
        return await scopeReply(engine, actor, command);
      case "stop":
        return await stopReply(engine, actor, command, prefix);
    }
  } catch (error) {
    if (error instanceof RampError) return { kind: "error", error: error.view() };
    throw error;
  }
}
