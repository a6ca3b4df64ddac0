import type { ConversationRefRepository } from "../../core/ports.ts";
import type { Tx } from "./client.ts";

export class PrismaConversationRefs implements ConversationRefRepository {
  constructor(
    private readonly db: Tx,
    private readonly ids: () => string,
  ) {}

  async get(platform: string, key: string): Promise<string | null> {
    const row = await this.db.conversationRef.findUnique({
      where: { platform_key: { platform, key } },
    });
    return row?.reference ?? null;
  }

  async put(platform: string, key: string, reference: string, at: Date): Promise<void> {
    await this.db.conversationRef.upsert({
      where: { platform_key: { platform, key } },
      create: { id: this.ids(), platform, key, reference, updatedAt: at },
      update: { reference, updatedAt: at },
    });
  }
}
