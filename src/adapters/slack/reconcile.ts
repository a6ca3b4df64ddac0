// Finding out whether an attempt whose outcome is unknown (Ramp crashed, or Slack answered after
// Ramp's timeout) arrived, before trying again: every message Ramp posts carries its outbox id
// in the message metadata, so it can be found in the conversation's recent history; an incident
// channel is found by its name among the channels created since the attempt.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../logging.ts";
import { slackErrorCode } from "./errors.ts";

/** The metadata event type of Ramp's posts (Slack: lower case, letters and underscores). */
export const OUTBOX_EVENT = "ramp_outbox";

export function outboxMetadata(outboxId: string) {
  return { event_type: OUTBOX_EVENT, event_payload: { outbox_id: outboxId } };
}

/** Looked at from this long before the recorded attempt: Ramp's and Slack's clocks differ a little. */
const SKEW_MS = 60_000;
/** Pages of history read at most (200 messages each): the window is minutes, not days. */
const MAX_PAGES = 5;

/**
 * The ts of the message posted for `outboxId` in `channel` since `attemptedAt`, or null. When
 * Slack will not show the history (Ramp posts in a fixed channel it is not a member of), Ramp
 * cannot tell and posts again: at least once rather than not at all.
 */
export async function findPosted(
  client: WebClient,
  channel: string,
  outboxId: string,
  attemptedAt: Date,
  logger: Logger,
): Promise<string | null> {
  const oldest = ((attemptedAt.getTime() - SKEW_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    let result: Awaited<ReturnType<WebClient["conversations"]["history"]>>;
    try {
      result = await client.conversations.history({
        channel,
        oldest,
        include_all_metadata: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
    } catch (error) {
      const code = slackErrorCode(error);
      if (!code) throw error;
      logger.warn(
        { channel, outboxId, error: code },
        "cannot read the conversation to check an earlier attempt; posting again (at least once)",
      );
      return null;
    }
    for (const message of result.messages ?? []) {
      const { metadata } = message as {
        metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
      };
      if (metadata?.event_type === OUTBOX_EVENT && metadata.event_payload?.outbox_id === outboxId)
        return message.ts ?? null;
    }
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!cursor) return null;
  }
  return null;
}

/** The id of a channel named one of `names`, created since `attemptedAt`, or null. */
export async function findCreatedChannel(
  client: WebClient,
  names: string[],
  attemptedAt: Date,
): Promise<{ id: string; name: string } | null> {
  const since = (attemptedAt.getTime() - SKEW_MS) / 1000;
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await client.conversations.list({
      types: "public_channel,private_channel",
      exclude_archived: true,
      limit: 1000,
      ...(cursor ? { cursor } : {}),
    });
    const found = (result.channels ?? []).find(
      (c) => c.name !== undefined && names.includes(c.name) && (c.created ?? 0) >= since,
    );
    if (found?.id && found.name) return { id: found.id, name: found.name };
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!cursor) return null;
  }
  return null;
}
