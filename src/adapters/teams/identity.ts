// Who is writing or clicking in Teams: the plan person whose teamsUserId matches the Entra
// object id, or else the user principal name / e-mail Teams gives for the member.
import type { TurnContext } from "botbuilder";
import type { Actor } from "../../core/actor.ts";
import type { CrisisEngine } from "../../core/engine.ts";
import { KEYS, type TeamsConversations } from "./conversations.ts";
import { rosterMember } from "./roster.ts";

export async function identify(
  context: TurnContext,
  engine: CrisisEngine,
  conversations: TeamsConversations,
): Promise<Actor> {
  const from = context.activity.from;
  const known = from?.id ? await conversations.raw(KEYS.user(from.id)) : null;
  if (known && engine.directory.person(known)) return { personId: known, source: "teams" };
  const candidates: Array<string | undefined> = [from?.aadObjectId];
  // Outside Teams (the emulator) there is no roster; the object id is all there is.
  if (
    !engine.directory.personByTeamsId(from?.aadObjectId) &&
    from?.id &&
    context.activity.channelId === "msteams"
  ) {
    // Throws "could not check who you are" when Teams does not answer: never "not in the plan".
    const member = await rosterMember(context, from.id);
    if (member) candidates.push(member.aadObjectId, member.userPrincipalName, member.email);
  }
  const actor = engine.identify({ teamsUserIds: candidates }, "teams");
  if (from?.id) await conversations.put(KEYS.user(from.id), actor.personId);
  return actor;
}
