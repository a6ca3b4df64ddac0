// What every Slack listener needs.
import type { webApi } from "@slack/bolt";
import type { CrisisEngine } from "../../../core/engine.ts";
import type { Inbox } from "../../../core/inbox.ts";
import type { Logger } from "../../../logging.ts";

export interface SlackContext {
  engine: CrisisEngine;
  logger: Logger;
  /** Whether the plan speaks Dutch. */
  nl: boolean;
  inbox: Inbox;
  /** The bot token's client: a recovered interaction has no listener's client. */
  client: webApi.WebClient;
}

/**
 * Called right after ack(): lets the requests already waiting on the socket be read and
 * acknowledged before this one's command runs. On SQLite a command's queries complete without
 * returning to the event loop, so a burst of clicks (the whole crisis staff answering a page)
 * would otherwise wait for each other's commands before Slack hears its 200, past Slack's 3 s.
 */
export const afterAck = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
