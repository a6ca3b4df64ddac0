// POST /actions: every button (page answers, task actions, decisions) from the board and the
// local chat. Checked for CSRF, run as the signed-in person; the views are read again from the
// database, so the click itself changes nothing on the page but what the engine did.
import type { Request, Response, Router } from "express";
import type { Actor } from "../../../core/actor.ts";
import { performAction } from "../../../core/chat/act.ts";
import type { CrisisEngine } from "../../../core/engine.ts";
import { DatabaseUnavailableError } from "../../../core/errors.ts";
import { InboxAlreadyProcessed } from "../../../core/inbox-scope.ts";
import type { Meeting } from "../../../core/model.ts";
import { ACTIONS, type ActionKind } from "../../../core/views/types.ts";
import type { Session } from "../auth.ts";
import type { WordKey } from "../render/words.ts";
import {
  failureText,
  formBody,
  origins,
  reader,
  safeBack,
  type WebContext,
  wantsJson,
} from "./context.ts";
import { formKey, processForm, storeForm, WEB_INBOX_KINDS } from "./inbox.ts";

/** The confirmation shown next to the button that was pressed. */
const DONE: Record<ActionKind, WordKey> = {
  "page.coming": "doneComing",
  "page.declined": "doneDeclined",
  "task.claim": "doneClaim",
  "task.release": "doneRelease",
  "task.complete": "doneComplete",
  "task.block": "doneBlock",
  "task.unblock": "doneUnblock",
  "decision.decide": "doneDecide",
  "meeting.change": "doneMeeting",
  "test.received": "doneTestReceived",
  "test.stop": "doneTestStop",
};

interface ParsedAction {
  action: ActionKind;
  subjectId: string;
  situation: "A" | "B" | null;
  locationId: string | null;
  meeting: Meeting | null;
}

export function parseAction(value: unknown): ParsedAction | null {
  if (typeof value !== "string") return null;
  const [action = "", subjectId = "", situation = "", locationId = "", meeting = ""] =
    value.split("|");
  if (!(ACTIONS as readonly string[]).includes(action) || !subjectId) return null;
  return {
    action: action as ActionKind,
    subjectId,
    situation: situation === "A" || situation === "B" ? situation : null,
    locationId: locationId || null,
    meeting: meeting === "primary" || meeting === "fallback" ? meeting : null,
  };
}

export function perform(
  engine: CrisisEngine,
  actor: Actor,
  a: ParsedAction,
  reason: string | undefined,
  confirmed = false,
): Promise<void> {
  return performAction(engine, actor, { ...a, reason, confirmed });
}

/** 403 unless the request carries the session's CSRF token and comes from this site. */
export function checkPost(c: WebContext, req: Request, res: Response): Session | null {
  const session = c.local ? c.sessions.read(req) : reader(c, req, res);
  if (!c.sessions.allows(req, session, origins(c, req))) {
    c.logger.warn({ path: req.path, origin: req.headers.origin }, "web: refused POST (CSRF)");
    res.status(403).type("text").send(c.w("forbidden"));
    return null;
  }
  return session;
}

/** After a form: JSON for the script, a redirect (with the message kept for the next page) without. */
export function answer(
  c: WebContext,
  req: Request,
  res: Response,
  session: Session,
  outcome:
    | { ok: true; message?: string }
    | {
        ok: false;
        message: string;
        status?: number /** Already shown in the chat. */;
        inFeed?: boolean;
        /** The id of the card whose button was pressed, on the page it returns to. */
        near?: string;
      },
): void {
  if (wantsJson(req)) {
    res
      .status(outcome.ok ? 200 : (outcome.status ?? 409))
      .json(
        outcome.ok
          ? { ok: true, message: outcome.message ?? "" }
          : { ok: false, message: outcome.message, inFeed: outcome.inFeed === true },
      );
    return;
  }
  const back = safeBack((req.body as Record<string, unknown>)?.back);
  if (!outcome.ok && !outcome.inFeed) c.flash.set(session, outcome.message, outcome.near ?? null);
  // Back to the card, not to the top of a long board.
  const near = !outcome.ok && outcome.near && back !== "/chat" ? `#${outcome.near}` : "";
  res.redirect(303, `${back}${near}`);
}

interface ActionPayload {
  personId: string;
  action: ParsedAction;
  reason: string | undefined;
  confirmed: boolean;
}

type ActionOutcome =
  | { ok: true }
  | { ok: false; failure: ReturnType<typeof failureText>; unavailable: boolean };

export function registerActionHandler(c: WebContext): void {
  c.inbox.handle(WEB_INBOX_KINDS.action, async (payload, _live, item) => {
    const { personId, action, reason, confirmed } = payload as ActionPayload;
    let outcome: ActionOutcome;
    try {
      const actor = c.engine.identify({ personId }, "web");
      await perform(c.engine, actor, action, reason, confirmed);
      outcome = { ok: true };
    } catch (error) {
      if (error instanceof InboxAlreadyProcessed) throw error;
      outcome = {
        ok: false,
        failure: failureText(c, error, action.action),
        unavailable: error instanceof DatabaseUnavailableError,
      };
    }
    // After a restart nobody waits: the board shows the state, whatever the outcome.
    c.answers.get(item.id)?.(outcome);
  });
}

export function registerActions(router: Router, c: WebContext): void {
  router.post("/actions", formBody, async (req, res) => {
    const session = checkPost(c, req, res);
    if (!session) return;
    const body = req.body as Record<string, unknown>;
    const parsed = parseAction(body.do);
    if (!parsed) return answer(c, req, res, session, { ok: false, message: "?", status: 400 });
    if (!session.personId) {
      return answer(c, req, res, session, { ok: false, message: c.w("whoAreYou"), status: 401 });
    }
    const payload: ActionPayload = {
      personId: session.personId,
      action: parsed,
      reason: typeof body.reason === "string" ? body.reason : undefined,
      confirmed: body.confirmed === "yes",
    };
    const item = await storeForm(c, req, res, {
      key: formKey(body, String(body.do)),
      kind: WEB_INBOX_KINDS.action,
      payload,
    });
    if (item === "failed") return;
    if (!item) return answer(c, req, res, session, { ok: true, message: c.w("alreadySent") });
    const outcome = await processForm<ActionOutcome>(c, item, { ok: true });
    if (outcome.ok) {
      return answer(c, req, res, session, { ok: true, message: c.w(DONE[parsed.action]) });
    }
    const { failure, unavailable } = outcome;
    // The script shows the reason next to the button that was pressed. Without it, in the
    // local chat the reason shows up in the conversation, only for this person.
    const inFeed = c.local && safeBack(body.back) === "/chat" && !wantsJson(req);
    if (inFeed) c.chatLog.failed(session.personId, failure.view);
    const near = parsed.action.startsWith("task.") ? `t-${parsed.subjectId}` : undefined;
    answer(c, req, res, session, {
      ok: false,
      message: failure.text,
      ...(unavailable ? { status: 503 } : {}),
      inFeed,
      ...(near ? { near } : {}),
    });
  });
}
