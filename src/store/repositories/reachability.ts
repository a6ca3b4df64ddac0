import type { Source } from "../../core/model.ts";
import type {
  PracticeRole,
  ReachabilityRecipient,
  ReachabilityRepository,
  ReachabilityTest,
  RecipientChannel,
  TestDelivery,
} from "../../core/practice/model.ts";
import type { Tx } from "./client.ts";

type TestRow = Awaited<ReturnType<Tx["reachabilityTest"]["findFirstOrThrow"]>>;
type RecipientRow = Awaited<ReturnType<Tx["reachabilityRecipient"]["findFirstOrThrow"]>>;

const toTest = (row: TestRow): ReachabilityTest => ({
  ...row,
  status: row.status as ReachabilityTest["status"],
});

const toRecipient = (row: RecipientRow): ReachabilityRecipient => ({
  ...row,
  roles: JSON.parse(row.roles) as PracticeRole[],
  channels: JSON.parse(row.channels) as RecipientChannel[],
  answerSource: row.answerSource as Source | null,
});

export class PrismaReachability implements ReachabilityRepository {
  constructor(private readonly db: Tx) {}

  async insert(test: ReachabilityTest, recipients: ReachabilityRecipient[]): Promise<void> {
    await this.db.reachabilityTest.create({ data: test });
    for (const r of recipients) {
      await this.db.reachabilityRecipient.create({
        data: { ...r, roles: JSON.stringify(r.roles), channels: JSON.stringify(r.channels) },
      });
    }
  }

  async get(id: string): Promise<ReachabilityTest | null> {
    const row = await this.db.reachabilityTest.findUnique({ where: { id } });
    return row ? toTest(row) : null;
  }

  async list(organisation: string, limit: number): Promise<ReachabilityTest[]> {
    const rows = await this.db.reachabilityTest.findMany({
      where: { organisation },
      orderBy: { startedAt: "desc" },
      take: limit,
    });
    return rows.map(toTest);
  }

  countNumbersWithPrefix(organisation: string, prefix: string): Promise<number> {
    return this.db.reachabilityTest.count({
      where: { organisation, number: { startsWith: prefix } },
    });
  }

  async close(id: string, at: Date, byId: string | null): Promise<boolean> {
    const { count } = await this.db.reachabilityTest.updateMany({
      where: { id, status: "open" },
      data: { status: "closed", closedAt: at, closedById: byId },
    });
    return count === 1;
  }

  async recipients(testId: string): Promise<ReachabilityRecipient[]> {
    const rows = await this.db.reachabilityRecipient.findMany({
      where: { testId },
      orderBy: { id: "asc" },
    });
    return rows.map(toRecipient);
  }

  async recipient(id: string): Promise<ReachabilityRecipient | null> {
    const row = await this.db.reachabilityRecipient.findUnique({ where: { id } });
    return row ? toRecipient(row) : null;
  }

  async answer(recipientId: string, at: Date, source: Source): Promise<boolean> {
    const { count } = await this.db.reachabilityRecipient.updateMany({
      where: { id: recipientId, answeredAt: null },
      data: { answeredAt: at, answerSource: source },
    });
    return count === 1;
  }

  async deliveries(testId: string): Promise<TestDelivery[]> {
    const rows = await this.db.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: `test:${testId}:` } },
      select: { targetId: true, platform: true, status: true, sentAt: true, lastError: true },
    });
    return rows.map((row) => ({
      personId: row.targetId,
      channel: row.platform,
      status: row.status as TestDelivery["status"],
      sentAt: row.sentAt,
      lastError: row.lastError,
    }));
  }
}
