// What every Teams route needs.
import type { CrisisEngine } from "../../../core/engine.ts";
import type { Logger } from "../../../logging.ts";
import type { TeamsConversations } from "../conversations.ts";

export interface TeamsContext {
  /** The bot's app id ("" unauthenticated), to write to a personal chat during another turn. */
  appId: string;
  engine: CrisisEngine;
  conversations: TeamsConversations;
  logger: Logger;
  nl: boolean;
}

/** How people call Ramp in Teams, for the help text. */
export const TEAMS_PREFIX = "@Ramp";
