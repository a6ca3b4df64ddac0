// A reply's personal part (a sign-in link, numbers to call) for someone who typed the command in
// a channel or group chat: it goes to their personal chat with Ramp, never where others read it.
import { CardFactory, MessageFactory, type TurnContext } from "botbuilder";
import { KEYS } from "./conversations.ts";
import type { AdaptiveCard } from "./render/elements.ts";
import type { TeamsContext } from "./routes/context.ts";

/**
 * Sends the card to the person's personal chat with Ramp, proactively, during the turn of their
 * message elsewhere. False when Ramp knows no personal chat with them (the app not installed
 * personally) or Teams refused it: then the card is not sent at all.
 */
export async function sendToPersonalChat(
  context: TurnContext,
  ctx: TeamsContext,
  personId: string,
  card: AdaptiveCard,
): Promise<boolean> {
  const reference = await ctx.conversations.get(KEYS.person(personId));
  if (!reference) return false;
  // A failure inside the proactive turn would reach the adapter's onTurnError, which logs and
  // swallows it; it is caught here so the reply can say the part was not sent.
  let failure: unknown = null;
  try {
    await context.adapter.continueConversationAsync(ctx.appId, reference, async (turn) => {
      try {
        await turn.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      } catch (error) {
        failure = error;
      }
    });
  } catch (error) {
    failure = error;
  }
  if (failure) {
    ctx.logger.warn({ err: failure, personId }, "Teams: personal chat not reachable");
    return false;
  }
  return true;
}
