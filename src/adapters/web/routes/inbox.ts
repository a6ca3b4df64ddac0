// Store first on the board and in the local chat too: a form post is written to the inbox under
// its nonce (a hidden field new in every rendered form) before Ramp acts on it, so a double
// submit acts once; a post the database cannot take is answered 503, never as done.
import { randomUUID } from "node:crypto";
import type { Request, Response } from "express";
import type { InboxItem } from "../../../core/ports.ts";
import { NONCE_FIELD } from "../render/actions.ts";
import { type WebContext, wantsJson } from "./context.ts";

export const WEB_PLATFORM = "web";

export const WEB_INBOX_KINDS = { action: "web.action", chat: "web.chat" } as const;

/** The form's own key: its nonce and what was pressed (one form holds several buttons). */
export function formKey(body: Record<string, unknown>, what: string): string {
  const nonce = body[NONCE_FIELD];
  // A form from before nonces (a page open across an upgrade) is still stored, just not deduplicated.
  return `form:${typeof nonce === "string" && nonce ? nonce.slice(0, 100) : randomUUID()}:${what}`;
}

/**
 * Stores a form post: the row, null for a double submit, or "failed" when the database could not
 * take it (then the 503 is already sent).
 */
export async function storeForm(
  c: WebContext,
  req: Request,
  res: Response,
  entry: { key: string; kind: string; payload: unknown },
): Promise<InboxItem | null | "failed"> {
  try {
    return await c.inbox.receive(WEB_PLATFORM, entry.key, entry.kind, entry.payload);
  } catch (error) {
    c.logger.error({ err: error, kind: entry.kind }, "web: form not stored; answered 503");
    const message = c.w("notStored");
    res.status(503).set("Retry-After", "5");
    if (wantsJson(req)) res.json({ ok: false, message });
    else res.type("text").send(message);
    return "failed";
  }
}

/** Processes a stored form now, handing its outcome from the handler to the request. */
export async function processForm<T>(c: WebContext, item: InboxItem, fallback: T): Promise<T> {
  let outcome = fallback;
  c.answers.set(item.id, (value) => {
    outcome = value as T;
  });
  try {
    await c.inbox.process(item);
  } finally {
    c.answers.delete(item.id);
  }
  return outcome;
}
