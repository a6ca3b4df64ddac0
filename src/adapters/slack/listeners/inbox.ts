// Store first, acknowledge second, work third: every Slack interaction goes through here.
import type { CrisisEngine } from "../../../core/engine.ts";
import { SLACK_PLATFORM } from "../inbox-keys.ts";
import type { SlackMessage } from "../render/index.ts";
import { afterAck, type SlackContext } from "./context.ts";
import { failureMessage } from "./failure.ts";

/** The inbox could not store an interaction: Slack must not get a 200 for it (see app.ts). */
export class InboxUnavailable extends Error {
  override name = "InboxUnavailable";
}

/**
 * Stores the interaction under Slack's own key, then acknowledges it, then processes it. A
 * redelivery (Slack's retry, X-Slack-Retry-Num) finds its key stored: acknowledged, not run.
 *
 * When it cannot be stored (the database is away), `refuse` tells the person to try again —
 * nothing was done, and they know it. Without `refuse` (the forms) Slack gets no 200: it keeps the
 * form open and says it failed, so the person can submit it again.
 */
export async function viaInbox(
  ctx: SlackContext,
  ack: () => Promise<void>,
  entry: { key: string; kind: string; payload: unknown },
  refuse?: (message: SlackMessage) => Promise<void>,
): Promise<void> {
  let item: Awaited<ReturnType<SlackContext["inbox"]["receive"]>>;
  try {
    item = await ctx.inbox.receive(SLACK_PLATFORM, entry.key, entry.kind, entry.payload);
  } catch (error) {
    ctx.logger.error({ err: error, kind: entry.kind }, "Slack interaction not stored");
    if (refuse) return refuse(failureMessage(ctx, error, entry.kind));
    throw new InboxUnavailable("the inbox could not store the interaction", { cause: error });
  }
  await ack();
  if (!item) return;
  await afterAck();
  await ctx.inbox.process(item);
}

/**
 * Answers through a response_url (valid for 30 minutes and 5 answers), as Bolt's respond()
 * does, so that an interaction processed after a restart can still be answered.
 */
export async function respondTo(responseUrl: string, message: object): Promise<void> {
  const response = await fetch(responseUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`response_url answered ${response.status}`);
}

/**
 * For a click the inbox could not store: acknowledged, and only the person who clicked is told
 * (the card stays as it is; its buttons still work).
 */
export const tellClickerOnly =
  (ack: () => Promise<void>, responseUrl: string) => async (message: object) => {
    await ack();
    await respondTo(responseUrl, {
      response_type: "ephemeral",
      replace_original: false,
      ...message,
    });
  };

/** The person, for a handler (throws not-in-plan, answered like every other refusal). */
export const slackActor = (engine: CrisisEngine, userId: string) =>
  engine.identify({ slackUserId: userId }, "slack");

/**
 * What a recovered interaction says instead of opening a form: a form opens only with the
 * trigger_id of the click or command, valid for 3 seconds, long gone after a restart.
 */
export function formExpiredText(nl: boolean): string {
  return nl
    ? "Ramp werd herstart voordat het formulier openging. Klik of typ opnieuw om het te openen."
    : "Ramp restarted before the form opened. Click or type again to open it.";
}
