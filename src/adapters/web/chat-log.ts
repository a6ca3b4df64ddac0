// The local chat's conversation, in the order things happened: what people typed (with the reply
// only they see) and the deliveries to the "web" channel. Deliveries come from the outbox, so they
// survive a restart; typed commands and their replies are, like Slack's ephemeral replies, not kept.
import type { ChatCommand } from "../../core/chat/parse.ts";
import type { ChatReply } from "../../core/chat/run.ts";
import type { ErrorView } from "../../core/errors.ts";
import type { OutboxItem } from "../../core/model.ts";
import type { ReviewShareView } from "../../core/review/share-view.ts";

export const WEB_CHANNEL = "web";
const MAX_ENTRIES = 5000;

export type ChatEntry =
  | {
      seq: number;
      kind: "said";
      personId: string;
      text: string;
      command: ChatCommand | null;
      /** Filled in when the command finished; the entry keeps its place before its deliveries. */
      reply: ChatReply | null;
    }
  | { seq: number; kind: "failed"; personId: string; error: ErrorView }
  | {
      seq: number;
      kind: "delivery";
      item: OutboxItem;
      /** A shared review as drafted when first shown: like a posted message, it stays as it was. */
      review?: ReviewShareView;
    };

export class ChatLog {
  private entries: ChatEntry[] = [];
  private readonly seen = new Set<string>();
  private seq = 0;

  /** Adds deliveries not seen before, in the order given (the outbox's order). */
  absorb(items: OutboxItem[]): number {
    let added = 0;
    for (const item of items) {
      if (item.channel !== WEB_CHANNEL || this.seen.has(item.id)) continue;
      this.seen.add(item.id);
      this.push({ seq: 0, kind: "delivery", item });
      added += 1;
    }
    return added;
  }

  said(
    personId: string,
    text: string,
    command: ChatCommand | null,
  ): Extract<ChatEntry, { kind: "said" }> {
    const entry = { seq: 0, kind: "said" as const, personId, text, command, reply: null };
    this.push(entry);
    return entry;
  }

  failed(personId: string, error: ErrorView): void {
    this.push({ seq: 0, kind: "failed", personId, error });
  }

  private push(entry: ChatEntry): void {
    this.seq += 1;
    entry.seq = this.seq;
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries = this.entries.slice(-MAX_ENTRIES);
  }

  /** What one person sees: their own commands and replies, and deliveries to them or to everyone. */
  forPerson(personId: string, limit = 400): ChatEntry[] {
    return this.entries
      .filter((entry) => {
        if (entry.kind !== "delivery") return entry.personId === personId;
        const audience = entry.item.audience;
        return audience.kind === "incident" || audience.personId === personId;
      })
      .slice(-limit);
  }
}
