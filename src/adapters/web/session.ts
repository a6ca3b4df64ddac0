// The session cookie (HttpOnly, SameSite=Lax, Secure on https), CSRF checks for every POST,
// and one-shot messages for the next page (forms that post and redirect without JavaScript).
import type { Request, Response } from "express";
import { newSession, readSessionToken, type Session, type Signer, sessionToken } from "./auth.ts";

export const SESSION_COOKIE = "ramp_session";
export const CSRF_FIELD = "csrf";
export const CSRF_HEADER = "x-csrf-token";

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      // A malformed cookie is no cookie.
    }
  }
  return cookies;
}

export class WebSessions {
  constructor(
    private readonly signer: Signer,
    private readonly options: {
      /** Cookies only over https when Ramp's public address is https. */
      secure: boolean;
      /** Whether a person id is (still) in the plan. */
      known: (personId: string) => boolean;
    },
  ) {}

  read(req: Request): Session | null {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (!token) return null;
    const session = readSessionToken(this.signer, token, Date.now());
    if (!session) return null;
    if (session.personId !== null && !this.options.known(session.personId)) return null;
    return session;
  }

  write(res: Response, session: Session): void {
    const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
    res.append(
      "Set-Cookie",
      `${SESSION_COOKIE}=${sessionToken(this.signer, session)}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${this.options.secure ? "; Secure" : ""}`,
    );
  }

  clear(res: Response): void {
    res.append(
      "Set-Cookie",
      `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${this.options.secure ? "; Secure" : ""}`,
    );
  }

  /** Local mode: every visitor gets a session (no person yet), so its forms carry a CSRF token. */
  ensure(req: Request, res: Response): Session {
    const existing = this.read(req);
    if (existing) return existing;
    const session = newSession(null);
    this.write(res, session);
    return session;
  }

  csrf(session: Session): string {
    return this.signer.csrf(session.sid);
  }

  /**
   * A state-changing request must carry the session's CSRF token (form field or header) and,
   * when the browser sends one, an Origin of this site.
   */
  allows(req: Request, session: Session | null, origins: string[]): boolean {
    if (!session) return false;
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.includes(origin)) return false;
    if (req.headers["sec-fetch-site"] === "cross-site") return false;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = body[CSRF_FIELD] ?? req.headers[CSRF_HEADER];
    return this.signer.checkCsrf(session.sid, token);
  }
}

/** One-shot messages keyed by session, shown on the next page; in memory, so per process. */
export class Flash {
  private readonly messages = new Map<string, { text: string; near: string | null; at: number }>();

  /** `near`: the element id of the card whose button caused it, to show it there. */
  set(session: Session, text: string, near: string | null = null): void {
    this.messages.set(session.sid, { text, near, at: Date.now() });
    if (this.messages.size > 1000) {
      const cutoff = Date.now() - 10 * 60_000;
      for (const [sid, m] of this.messages) if (m.at < cutoff) this.messages.delete(sid);
    }
  }

  take(session: Session | null): string | null {
    return this.takeNote(session)?.text ?? null;
  }

  takeNote(session: Session | null): { text: string; near: string | null } | null {
    if (!session) return null;
    const message = this.messages.get(session.sid);
    this.messages.delete(session.sid);
    return message ? { text: message.text, near: message.near } : null;
  }
}
