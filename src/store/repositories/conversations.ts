import type { ConversationRefRepository } from "../../core/ports.ts";
import type { Tx } from "./client.ts";

export class PrismaConversationRefs implements ConversationRefRepository {
  constructor(
    private readonly db: Tx,
    private readonly ids: () => string,
  ) {}

  async get(platform: string, key: string): Promise<string | null> {
    // Raw, as in client.ts: read before every message a person or channel is sent.
    const [row] = await this.db.$queryRaw<Array<{ reference: string }>>`
      SELECT "reference" FROM "ConversationRef" WHERE "platform" = ${platform} AND "key" = ${key}`;
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
