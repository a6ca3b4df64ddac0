// Ramp's answer to a text goes back by SMS, through the outbox like every other message: stored
// first, then sent by the SMS channel (retried while the gateway is busy). Never to a chat app.
import type { EngineContext } from "../context.ts";
import { outboxItems, SMS_CHANNEL } from "../work.ts";

/** `key`: the inbox row the text came in as, so the reply is queued once however often it runs. */
export async function queueSmsReply(
  ctx: EngineContext,
  reply: { personId: string; text: string; incidentId: string | null; key: string },
): Promise<boolean> {
  const now = ctx.clock.now();
  const items = outboxItems(
    ctx,
    {
      incidentId: reply.incidentId,
      audience: { kind: "person", personId: reply.personId },
      delivery: {
        type: "notice",
        notice: { kind: "sms-reply", incidentId: reply.incidentId, text: reply.text },
      },
      now,
      sent: true,
    },
    (channel) => `sms-reply:${reply.key}:${channel}`,
  );
  if (items.length === 0) {
    ctx.log.warn(
      { personId: reply.personId, channels: ctx.channels, sms: SMS_CHANNEL },
      "sms: no SMS channel to answer on; reply dropped",
    );
    return false;
  }
  await ctx.store.outbox.enqueue(items);
  ctx.onCommitted?.();
  return true;
}
