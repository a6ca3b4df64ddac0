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
  /**
   * The SMS provider reports whether each text reached the phone (Twilio's delivery receipts);
   * without it, the review counts texts the gateway took, not texts that arrived.
   */
  smsReceipts?: boolean;
  /** Called after a command committed, so deliveries can go out now instead of at the next tick. */
  onCommitted?: () => void;
  /** Where a person opens the crisis board (set by the web adapter): `/ramp bord` answers with it. */
  boardLink?: (personId: string) => BoardLink;
  /** A signed link to one holder's copy of one plan version, where they confirm it (web adapter). */
  planCopyLink?: (planHash: string, personId: string) => string;
  /** A signed link to one person's "Klopt dit nog?" request, where they answer it (web adapter). */
  contactCheckLink?: (checkId: string, personId: string) => string;
  /** The plan file on disk, for proposed amendments (set where Ramp runs on a file). */
  planFile?: PlanFileAccess;
}

/** The live plan file is only read; a patched copy is written beside it, never over it. */
export interface PlanFileAccess {
  path: string;
  read(): Promise<string>;
  /** Writes the patched copy (same name for the same content); returns its path. */
  writeAmended(text: string): Promise<string>;
}

/** A personal, expiring sign-in link; in local mode (no sign-in) just the board's address. */
export interface BoardLink {
  url: string;
  personal: boolean;
  expiresAt: Date | null;
}
