// What every flow of the engine works with.
import type { PlanDirectory } from "./directory.ts";
import type { Clock, CoreLogger, IdGenerator, Store } from "./ports.ts";

export interface EngineContext {
  store: Store;
  dir: PlanDirectory;
  clock: Clock;
  ids: IdGenerator;
  log: CoreLogger;
  /** Delivery channels in use ("slack", "teams", "web"); every delivery is queued once per channel. */
  channels: string[];
  /** Called after a command committed, so deliveries can go out now instead of at the next tick. */
  onCommitted?: () => void;
  /** Where a person opens the crisis board (set by the web adapter): `/ramp bord` answers with it. */
  boardLink?: (personId: string) => BoardLink;
  /** A signed link to one holder's copy of one plan version, where they confirm it (web adapter). */
  planCopyLink?: (planHash: string, personId: string) => string;
}

/** A personal, expiring sign-in link; in local mode (no sign-in) just the board's address. */
export interface BoardLink {
  url: string;
  personal: boolean;
  expiresAt: Date | null;
}
