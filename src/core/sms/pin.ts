// The SMS PIN: sender numbers can be spoofed, so declaring, deciding and closing by text need a
// per-person PIN that is not in the plan file. Only its scrypt hash is stored; wrong PINs are
// counted per sending number, and too many lock every SMS action from that number for a while
// (stored, so a restart does not reset the count).
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { Actor } from "../actor.ts";
import type { EngineContext } from "../context.ts";
import { RampError } from "../errors.ts";
import { requireLeader } from "../run.ts";

const scryptAsync = promisify(scrypt) as (
  pin: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;
const KEY_BYTES = 32;

/** Wrong PINs from one number within LOCK_WINDOW_MS before it is locked for LOCK_MS. */
export const MAX_PIN_FAILURES = 5;
export const LOCK_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/** 4 to 8 digits: typed on a phone's keypad, under stress. */
export const PIN_PATTERN = /^[0-9]{4,8}$/;

/** The coordinator (or a deputy) sets someone's PIN on the board; it replaces any earlier one. */
export async function setSmsPin(
  ctx: EngineContext,
  actor: Actor,
  personId: string,
  pin: string,
): Promise<void> {
  requireLeader(ctx, actor, { nl: "een sms-PIN instellen", en: "set an SMS PIN" });
  if (!ctx.dir.person(personId)) throw new RampError("person-not-found", { id: personId });
  if (!PIN_PATTERN.test(pin)) {
    throw new RampError("invalid-input", {
      field: "PIN",
      nl: "4 tot 8 cijfers, bv. 482913 (geen letters of spaties).",
      en: "4 to 8 digits, e.g. 482913 (no letters or spaces).",
    });
  }
  const salt = randomBytes(16);
  const hash = await scryptAsync(pin, salt, KEY_BYTES);
  await ctx.store.sms.setPin({
    personId,
    hash: hash.toString("hex"),
    salt: salt.toString("hex"),
    setById: actor.personId,
    setAt: ctx.clock.now(),
  });
  ctx.log.info({ personId, by: actor.personId }, "sms: PIN set");
}

export type PinCheck =
  | { ok: true }
  /** The person has no PIN yet: nothing counted, the coordinator sets one. */
  | { ok: false; reason: "no-pin" }
  /** Wrong: counted; `locked` when this failure locked the number. */
  | { ok: false; reason: "wrong"; failures: number; lockedUntil: Date | null };

/** Checks a typed PIN for the person; a wrong one counts against the sending number. */
export async function checkPin(
  ctx: EngineContext,
  personId: string,
  number: string,
  typed: string,
): Promise<PinCheck> {
  const stored = await ctx.store.sms.pin(personId);
  if (!stored) return { ok: false, reason: "no-pin" };
  const expected = Buffer.from(stored.hash, "hex");
  const actual = await scryptAsync(typed, Buffer.from(stored.salt, "hex"), expected.length);
  if (timingSafeEqual(actual, expected)) {
    await ctx.store.sms.clearLock(number);
    return { ok: true };
  }
  const now = ctx.clock.now();
  const previous = await ctx.store.sms.lock(number);
  const fresh = !previous || now.getTime() - previous.firstFailedAt.getTime() > LOCK_WINDOW_MS;
  const failures = fresh ? 1 : previous.failures + 1;
  const lockedUntil = failures >= MAX_PIN_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
  await ctx.store.sms.putLock({
    number,
    failures,
    firstFailedAt: fresh ? now : previous.firstFailedAt,
    lockedUntil,
  });
  ctx.log.warn({ personId, number, failures, lockedUntil }, "sms: wrong PIN");
  return { ok: false, reason: "wrong", failures, lockedUntil };
}

/** Until when the number's SMS actions are locked; null when they are not. */
export async function lockedUntil(ctx: EngineContext, number: string): Promise<Date | null> {
  const lock = await ctx.store.sms.lock(number);
  if (!lock?.lockedUntil) return null;
  return lock.lockedUntil.getTime() > ctx.clock.now().getTime() ? lock.lockedUntil : null;
}
