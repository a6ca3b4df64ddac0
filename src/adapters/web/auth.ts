// Sign-in links and sessions: HMAC-SHA256 over a small JSON payload, with one key per purpose
// (derived from RAMP_SECRET) so a link can never pass for a session cookie or the other way round.
// Stateless on purpose: any replica with the same secret accepts them, a restart loses none.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

type Purpose = "link" | "session" | "csrf" | "review" | "copy" | "contact";

export interface LinkClaims {
  personId: string;
  expiresAt: Date;
}

export interface Session {
  /** Null in local mode until the reader picks who they are. */
  personId: string | null;
  /** Random per session; the CSRF token is derived from it. */
  sid: string;
  expiresAt: Date;
}

export const LINK_HOURS = 12;
const LOCAL_SESSION_DAYS = 30;

const b64 = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export class Signer {
  private readonly keys: Record<Purpose, Buffer>;

  constructor(secret: string) {
    const derive = (purpose: Purpose) =>
      createHmac("sha256", secret).update(`ramp:${purpose}:v1`).digest();
    this.keys = {
      link: derive("link"),
      session: derive("session"),
      csrf: derive("csrf"),
      review: derive("review"),
      copy: derive("copy"),
      contact: derive("contact"),
    };
  }

  /** A process-local secret for local mode, where nothing has to survive a restart. */
  static ephemeral(): Signer {
    return new Signer(randomBytes(32).toString("hex"));
  }

  private mac(purpose: Purpose, body: string): Buffer {
    return createHmac("sha256", this.keys[purpose]).update(body).digest();
  }

  sign(purpose: Exclude<Purpose, "csrf">, payload: Record<string, unknown>): string {
    const body = b64(JSON.stringify(payload));
    return `${body}.${b64(this.mac(purpose, body))}`;
  }

  /** The payload when the signature is ours and the expiry (`exp`, ms) is in the future. */
  verify(
    purpose: Exclude<Purpose, "csrf">,
    token: string,
    now: number,
  ): Record<string, unknown> | null {
    const [body, signature, ...rest] = token.split(".");
    if (!body || !signature || rest.length > 0) return null;
    const expected = this.mac(purpose, body);
    const given = Buffer.from(signature, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as unknown;
      if (typeof payload !== "object" || payload === null) return null;
      const exp = (payload as { exp?: unknown }).exp;
      if (typeof exp !== "number" || exp <= now) return null;
      return payload as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  csrf(sid: string): string {
    return b64(this.mac("csrf", sid));
  }

  checkCsrf(sid: string, token: unknown): boolean {
    if (typeof token !== "string" || token.length === 0) return false;
    const expected = Buffer.from(this.csrf(sid));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

export function createLinkToken(
  signer: Signer,
  personId: string,
  now: number,
  hours = LINK_HOURS,
): { token: string; expiresAt: Date } {
  const exp = now + hours * 3_600_000;
  return { token: signer.sign("link", { p: personId, exp }), expiresAt: new Date(exp) };
}

export function readLinkToken(signer: Signer, token: string, now: number): LinkClaims | null {
  const payload = signer.verify("link", token, now);
  if (!payload || typeof payload.p !== "string") return null;
  return { personId: payload.p, expiresAt: new Date(payload.exp as number) };
}

/**
 * How long a shared review link works: the review is written in the days after the incident.
 * A link is only for one incident's review; it cannot sign anyone in.
 */
export const REVIEW_LINK_DAYS = 30;

export function createReviewToken(
  signer: Signer,
  incidentId: string,
  now: number,
  days = REVIEW_LINK_DAYS,
): { token: string; expiresAt: Date } {
  const exp = now + days * 86_400_000;
  return { token: signer.sign("review", { i: incidentId, exp }), expiresAt: new Date(exp) };
}

/** The incident whose review the link opens, or null for a forged or expired link. */
export function readReviewToken(signer: Signer, token: string, now: number): string | null {
  const payload = signer.verify("review", token, now);
  return payload && typeof payload.i === "string" ? payload.i : null;
}

/** A link to one holder's copy of one plan version (plan hash + person), for the copy's message. */
export function createCopyToken(
  signer: Signer,
  planHash: string,
  personId: string,
  now: number,
  days = COPY_LINK_DAYS,
): string {
  return signer.sign("copy", { h: planHash, p: personId, exp: now + days * 86_400_000 });
}

export function readCopyToken(
  signer: Signer,
  token: string,
  now: number,
): { planHash: string; personId: string } | null {
  const payload = signer.verify("copy", token, now);
  return payload && typeof payload.h === "string" && typeof payload.p === "string"
    ? { planHash: payload.h, personId: payload.p }
    : null;
}

/** A link to one person's "Klopt dit nog?" request: answered by that person only, for a term. */
export function createContactToken(
  signer: Signer,
  checkId: string,
  personId: string,
  now: number,
  days = COPY_LINK_DAYS,
): string {
  return signer.sign("contact", { c: checkId, p: personId, exp: now + days * 86_400_000 });
}

export function readContactToken(
  signer: Signer,
  token: string,
  now: number,
): { checkId: string; personId: string } | null {
  const payload = signer.verify("contact", token, now);
  return payload && typeof payload.c === "string" && typeof payload.p === "string"
    ? { checkId: payload.c, personId: payload.p }
    : null;
}

/** Long enough to be found again after a holiday; the plan's next version brings a new link. */
const COPY_LINK_DAYS = 90;

export function newSession(personId: string | null, expiresAt?: Date, now = Date.now()): Session {
  return {
    personId,
    sid: randomBytes(16).toString("base64url"),
    expiresAt: expiresAt ?? new Date(now + LOCAL_SESSION_DAYS * 86_400_000),
  };
}

export function sessionToken(signer: Signer, session: Session): string {
  return signer.sign("session", {
    p: session.personId,
    s: session.sid,
    exp: session.expiresAt.getTime(),
  });
}

export function readSessionToken(signer: Signer, token: string, now: number): Session | null {
  const payload = signer.verify("session", token, now);
  if (!payload || typeof payload.s !== "string") return null;
  if (payload.p !== null && typeof payload.p !== "string") return null;
  return {
    personId: payload.p as string | null,
    sid: payload.s,
    expiresAt: new Date(payload.exp as number),
  };
}
