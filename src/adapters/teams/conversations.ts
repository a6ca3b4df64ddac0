// Where Teams can reach people and channels: conversation references stored when the app is
// installed or used, so that proactive pages and reminders can be sent later.
import { type ConversationReference, TurnContext as Turn, type TurnContext } from "botbuilder";
import type { ConversationRefRepository } from "../../core/ports.ts";

export const PLATFORM = "teams";

export const KEYS = {
  person: (personId: string) => `person:${personId}`,
  incident: (incidentId: string) => `incident:${incidentId}`,
  /**
   * The crisis team's channel or group chat, where incidents go unless one was declared
   * elsewhere: the plan's chat.teams.channel, else the first where Ramp was installed or used.
   */
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

/** A channel's id without the thread part (`19:…@thread.tacv2;messageid=…`). */
export const channelIdOf = (conversationId: string | undefined): string =>
  (conversationId ?? "").split(";")[0]!;

export class TeamsConversations {
  /** @param crisisChannel the plan's chat.teams.channel, if it names one */
  constructor(
    private readonly refs: ConversationRefRepository,
    private readonly crisisChannel: string | undefined,
  ) {}

  /**
   * Keeps where Ramp can reach someone later: a person's personal chat, and the crisis team's
   * channel. A channel is only taken as the crisis team's when the plan names it, or, without
   * one in the plan, when Ramp is installed there or none was known yet: a group chat where
   * someone merely used Ramp must not start receiving every incident's details.
   */
  async remember(
    context: TurnContext,
    personId: string | null,
    how: "installed" | "used",
  ): Promise<void> {
    const now = new Date();
    if (isPersonal(context)) {
      if (!personId) return;
      await this.refs.put(
        PLATFORM,
        KEYS.person(personId),
        JSON.stringify(referenceOf(context)),
        now,
      );
      return;
    }
    if (this.crisisChannel) {
      if (channelIdOf(context.activity.conversation?.id) !== this.crisisChannel) return;
    } else if (how === "used" && (await this.refs.get(PLATFORM, KEYS.defaultChannel))) {
      return;
    }
    // The channel itself, not the thread or message it came from: an incident declared
    // elsewhere starts a new post there, not a reply to whatever was said last.
    const { activityId: _reply, ...channel } = referenceOf(context);
    if (channel.conversation) {
      channel.conversation = { ...channel.conversation, id: channelIdOf(channel.conversation.id) };
    }
    await this.refs.put(PLATFORM, KEYS.defaultChannel, JSON.stringify(channel), now);
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
