// Who is writing or clicking in Teams: the plan person whose teamsUserId matches the Entra
// object id, or else the user principal name / e-mail Teams gives for the member.
import { TeamsInfo, type TurnContext } from "botbuilder";
import type { Actor } from "../../core/actor.ts";
import type { CrisisEngine } from "../../core/engine.ts";
import { KEYS, type TeamsConversations } from "./conversations.ts";

export async function identify(
  context: TurnContext,
  engine: CrisisEngine,
  conversations: TeamsConversations,
): Promise<Actor> {
  const from = context.activity.from;
  const known = from?.id ? await conversations.raw(KEYS.user(from.id)) : null;
  if (known && engine.directory.person(known)) return { personId: known, source: "teams" };
  const candidates: Array<string | undefined> = [from?.aadObjectId];
  if (!engine.directory.personByTeamsId(from?.aadObjectId) && from?.id) {
    try {
      const member = await TeamsInfo.getMember(context, from.id);
      candidates.push(member.aadObjectId, member.userPrincipalName, member.email);
    } catch {
      // Outside Teams (emulator) there is no roster; the object id is all we have.
    }
  }
  const actor = engine.identify({ teamsUserIds: candidates }, "teams");
  if (from?.id) await conversations.put(KEYS.user(from.id), actor.personId);
  return actor;
}
