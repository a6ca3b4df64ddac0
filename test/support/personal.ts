// What must never reach a conversation others read: a personal sign-in link (or any token that
// signs someone in) and the phone numbers of the plan's people.
import type { Plan } from "../../src/plan/schema.ts";

/**
 * A sign-in link (`/login?token=…`) or a token that signs someone in: link and session tokens are
 * base64url JSON that starts with the person, `{"p":"` (src/adapters/web/auth.ts). A review link's
 * token (`{"i":…}`) opens one review and signs no one in.
 */
export const SIGN_IN = /\/login\?token=|eyJwIjoi/;

/** Every mobile and phone number of the plan's people, as the plan writes them. */
export function peoplesNumbers(plan: Plan): string[] {
  return plan.people.flatMap((p) => [p.mobile, p.phone]).filter((n): n is string => Boolean(n));
}

/** What in `text` must not be there: the sign-in token or number found, or null. */
export function personalIn(text: string, numbers: string[]): string | null {
  const token = SIGN_IN.exec(text);
  if (token) return token[0];
  return numbers.find((n) => text.includes(n)) ?? null;
}
