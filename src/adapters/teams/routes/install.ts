// The app installed (personally, in a team or a group chat) or the bot added to a conversation:
// keep the conversation reference, so Ramp can page and remind proactively later.
import type { TurnContext } from "botbuilder";
import { RampError } from "../../../core/errors.ts";
import { isPersonal } from "../conversations.ts";
import { identify } from "../identity.ts";
import type { TeamsContext } from "./context.ts";

export async function onInstalled(context: TurnContext, ctx: TeamsContext): Promise<void> {
  if (
    context.activity.type === "installationUpdate" &&
    context.activity.action?.startsWith("remove")
  )
    return;
  let personId: string | null = null;
  if (isPersonal(context)) {
    try {
      personId = (await identify(context, ctx.engine, ctx.conversations)).personId;
    } catch (error) {
      // Someone outside the plan installed Ramp: nothing to remember for them. (When Teams
      // did not say who it is, the failure is logged rather than taken for that.)
      if (!(error instanceof RampError && error.code === "not-in-plan")) throw error;
      return;
    }
  }
  await ctx.conversations.remember(context, personId, "installed");
}
