// Phone numbers as gateways write them: the plan's `mobile` and an SMS sender compared as one.

import type { Person } from "../../plan/schema.ts";
import type { PlanDirectory } from "../directory.ts";

/**
 * The number in international format, as gateways want it: "+32 470 12 34 56", "0470/12.34.56"
 * and "0032470123456" all become +32470123456. A national number (leading 0) is Belgian.
 */
export function internationalNumber(written: string): string | null {
  const digits = written.replace(/[\s./()-]/g, "");
  const international = digits.startsWith("00")
    ? `+${digits.slice(2)}`
    : digits.startsWith("0")
      ? `+32${digits.slice(1)}`
      : /^32[1-9][0-9]{7,9}$/.test(digits)
        ? `+${digits}` // some gateways drop the plus
        : digits;
  return /^\+[1-9][0-9]{7,14}$/.test(international) ? international : null;
}

/** The person in the plan whose `mobile` is this sender's number, written any way; else undefined. */
export function personByNumber(dir: PlanDirectory, sender: string): Person | undefined {
  const number = internationalNumber(sender);
  if (!number) return undefined;
  return dir.plan.people.find((p) => p.mobile && internationalNumber(p.mobile) === number);
}
