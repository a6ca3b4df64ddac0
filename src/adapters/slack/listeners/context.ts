// What every Slack listener needs.
import type { CrisisEngine } from "../../../core/engine.ts";
import type { Logger } from "../../../logging.ts";

export interface SlackContext {
  engine: CrisisEngine;
  logger: Logger;
  /** Whether the plan speaks Dutch. */
  nl: boolean;
}
