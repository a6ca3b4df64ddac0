// What Ramp keeps for SMS: a person's PIN (its hash only) and the wrong PINs per sending number.

/** A person's SMS PIN for declaring, deciding and closing by text; set by the coordinator. */
export interface SmsPin {
  personId: string;
  /** scrypt of the PIN with `salt`, hex. */
  hash: string;
  salt: string;
  setById: string;
  setAt: Date;
}

/** Wrong PINs from one number (international form); `lockedUntil`: every SMS action refused until then. */
export interface SmsLock {
  number: string;
  failures: number;
  firstFailedAt: Date;
  lockedUntil: Date | null;
}

export interface SmsRepository {
  pin(personId: string): Promise<SmsPin | null>;
  /** Sets or replaces a person's PIN. */
  setPin(pin: SmsPin): Promise<void>;
  /** Who has a PIN, and who set it when (never the hash). */
  listPins(): Promise<Array<Omit<SmsPin, "hash" | "salt">>>;
  lock(number: string): Promise<SmsLock | null>;
  putLock(lock: SmsLock): Promise<void>;
  clearLock(number: string): Promise<void>;
}
