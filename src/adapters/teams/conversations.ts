// Where Teams can reach people and channels: conversation references stored when the app is
// installed or used, so that proactive pages and reminders can be sent later.
import { type ConversationReference, TurnContext as Turn, type TurnContext } from "botbuilder";
import type { ConversationRefRepository } from "../../core/ports.ts";

export const PLATFORM = "teams";

export const KEYS = {
  person: (personId: string) => `person:${personId}`,
  incident: (incidentId: string) => `incident:${incidentId}`,
  /** The team channel or group chat where Ramp was last installed or used: the crisis team's. */
  defaultChannel: "channel:default",
  /** A Teams user id (29:…) already matched to a plan person. */
  user: (teamsUserId: string) => `user:${teamsUserId}`,
  message: (cardKey: string, conversationId: string) => `msg:${cardKey}:${conversationId}`,
};

export function referenceOf(context: TurnContext): Partial<ConversationReference> {
  return Turn.getConversationReference(context.activity);
}

export function isPersonal(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === "personal";
}

export class TeamsConversations {
  constructor(private readonly refs: ConversationRefRepository) {}

  async remember(context: TurnContext, personId: string | null): Promise<void> {
    const reference = JSON.stringify(referenceOf(context));
    const now = new Date();
    if (isPersonal(context)) {
      if (personId) await this.refs.put(PLATFORM, KEYS.person(personId), reference, now);
    } else {
      await this.refs.put(PLATFORM, KEYS.defaultChannel, reference, now);
    }
  }

  async rememberIncident(context: TurnContext, incidentId: string): Promise<void> {
    await this.refs.put(
      PLATFORM,
      KEYS.incident(incidentId),
      JSON.stringify(referenceOf(context)),
      new Date(),
    );
  }

  async get(key: string): Promise<Partial<ConversationReference> | null> {
    const raw = await this.refs.get(PLATFORM, key);
    return raw ? (JSON.parse(raw) as Partial<ConversationReference>) : null;
  }

  put(key: string, value: string): Promise<void> {
    return this.refs.put(PLATFORM, key, value, new Date());
  }

  raw(key: string): Promise<string | null> {
    return this.refs.get(PLATFORM, key);
  }
}
