// Store first: every Teams message and card action is written to the inbox under Teams' own key
// (the activity id, within its conversation) before Ramp acts on it; a redelivered activity is
// answered without acting again. Teams acknowledges a message or an invoke with the HTTP answer
// to the turn, so a message is processed within its turn; an invoke waits a short while for
// its processing and otherwise answers "wordt verwerkt" (Teams gives an invoke a few seconds).
import type { ConversationReference, TurnContext } from "botbuilder";
import type { InboxItem } from "../../../core/ports.ts";
import { referenceOf } from "../conversations.ts";
import type { TeamsContext } from "./context.ts";

export const TEAMS_PLATFORM = "teams";

/** The inbox could not store an activity: the turn fails, Teams gets no success for it. */
export class TeamsInboxUnavailable extends Error {
  override name = "TeamsInboxUnavailable";
}

export const TEAMS_INBOX_KINDS = {
  message: "teams.message",
  action: "teams.action",
  start: "teams.start",
} as const;

/** Teams' unique key of an activity: its id, unique within its conversation. */
export function activityKey(context: TurnContext): string {
  const { activity } = context;
  return `${activity.conversation?.id ?? ""}:${activity.id ?? ""}`;
}

/** What every Teams inbox row carries: where to answer after a restart. */
export interface TeamsPayload {
  reference: Partial<ConversationReference>;
}

export function teamsPayload<T extends object>(context: TurnContext, rest: T): T & TeamsPayload {
  return { ...rest, reference: referenceOf(context) };
}

/**
 * Stores the activity: the row, null for a redelivery. Throws when the database cannot take it:
 * the turn then fails (an error answer to Teams), never acknowledged as done.
 */
export async function store(
  ctx: TeamsContext,
  context: TurnContext,
  kind: string,
  payload: TeamsPayload,
): Promise<InboxItem | null> {
  try {
    return await ctx.inbox.receive(TEAMS_PLATFORM, activityKey(context), kind, payload);
  } catch (error) {
    ctx.logger.error({ err: error, kind }, "Teams activity not stored; not acknowledged");
    throw new TeamsInboxUnavailable("the inbox could not store the activity", { cause: error });
  }
}

/**
 * A turn to answer in: the live one while it lasts, else (after a restart) a proactive turn in
 * the stored conversation, as Teams allows with a conversation reference.
 */
export async function inTurn(
  ctx: TeamsContext,
  live: TurnContext | undefined,
  reference: Partial<ConversationReference>,
  run: (turn: TurnContext) => Promise<void>,
): Promise<void> {
  if (live) return run(live);
  let failure: unknown = null;
  await ctx.adapter.continueConversationAsync(ctx.appId, reference, async (turn) => {
    try {
      await run(turn);
    } catch (error) {
      failure = error;
    }
  });
  if (failure) throw failure;
}
