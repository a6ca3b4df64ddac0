// What every Teams route needs.
import type { CloudAdapter, TurnContext } from "botbuilder";
import type { CrisisEngine } from "../../../core/engine.ts";
import type { Inbox } from "../../../core/inbox.ts";
import type { Logger } from "../../../logging.ts";
import type { TeamsConversations } from "../conversations.ts";
import type { AdaptiveCard } from "../render/elements.ts";

export interface TeamsContext {
  /** The bot's app id ("" unauthenticated), to write to a personal chat during another turn. */
  appId: string;
  engine: CrisisEngine;
  conversations: TeamsConversations;
  logger: Logger;
  nl: boolean;
  inbox: Inbox;
  /** For a proactive turn: answering an activity processed after a restart. */
  adapter: CloudAdapter;
  /** Turns still open, by inbox id: a row processed live answers in its own turn. */
  turns: Map<string, TurnContext>;
  /** The card answering an invoke, handed from its processing to the waiting invoke, by inbox id. */
  answers: Map<string, (card: AdaptiveCard) => void>;
}

/** How people call Ramp in Teams, for the help text. */
export const TEAMS_PREFIX = "@Ramp";
