import type { InboxItem, InboxRepository } from "../../core/ports.ts";
import type { Tx } from "./client.ts";

type Row = Awaited<ReturnType<Tx["inboxItem"]["findFirstOrThrow"]>>;
const toItem = (row: Row): InboxItem => ({
  id: row.id,
  platform: row.platform,
  key: row.key,
  kind: row.kind,
  payload: row.payload,
  receivedAt: row.receivedAt,
  status: row.status as InboxItem["status"],
  attempts: row.attempts,
});

/** Unprocessed, and nobody holds it: the lease of whoever received or took it last expired. */
const expired = (now: Date) => ({
  status: "pending",
  OR: [{ leasedUntil: null }, { leasedUntil: { lt: now } }],
});

export class PrismaInbox implements InboxRepository {
  constructor(private readonly db: Tx) {}

  async receive(
    item: Omit<InboxItem, "status" | "attempts">,
    owner: string,
    leaseUntil: Date,
  ): Promise<InboxItem | null> {
    // A key seen before (Slack's retry of the same interaction) inserts nothing and returns no row.
    const [row] = await this.db.$queryRaw<Row[]>`
      INSERT INTO "InboxItem"
        ("id", "platform", "key", "kind", "payload", "receivedAt", "status", "leasedBy", "leasedUntil", "attempts")
      VALUES (${item.id}, ${item.platform}, ${item.key}, ${item.kind}, ${item.payload}, ${item.receivedAt},
        'pending', ${owner}, ${leaseUntil}, 1)
      ON CONFLICT ("platform", "key") DO NOTHING
      RETURNING *`;
    return row ? toItem(row) : null;
  }

  async complete(
    id: string,
    at: Date,
    status: "done" | "failed" = "done",
    error?: string,
  ): Promise<boolean> {
    const lastError = error ? error.slice(0, 1000) : null;
    const count = await this.db.$executeRaw`
      UPDATE "InboxItem" SET "status" = ${status}, "processedAt" = ${at}, "leasedBy" = NULL,
        "leasedUntil" = NULL, "lastError" = COALESCE(${lastError}, "lastError")
      WHERE "id" = ${id} AND "status" = 'pending'`;
    return count === 1;
  }

  async leaseExpired(
    now: Date,
    owner: string,
    leaseUntil: Date,
    limit: number,
  ): Promise<InboxItem[]> {
    const candidates = await this.db.inboxItem.findMany({
      where: expired(now),
      orderBy: { receivedAt: "asc" },
      take: limit,
    });
    const taken: InboxItem[] = [];
    for (const candidate of candidates) {
      const { count } = await this.db.inboxItem.updateMany({
        where: { id: candidate.id, ...expired(now) },
        data: { leasedBy: owner, leasedUntil: leaseUntil, attempts: { increment: 1 } },
      });
      if (count === 1) taken.push({ ...toItem(candidate), attempts: candidate.attempts + 1 });
    }
    return taken;
  }

  async release(id: string, owner: string, error: string, retryAt: Date): Promise<void> {
    await this.db.inboxItem.updateMany({
      where: { id, status: "pending", leasedBy: owner },
      data: { leasedBy: null, leasedUntil: retryAt, lastError: error.slice(0, 1000) },
    });
  }

  async renew(id: string, owner: string, leaseUntil: Date): Promise<boolean> {
    const { count } = await this.db.inboxItem.updateMany({
      where: { id, status: "pending", leasedBy: owner },
      data: { leasedUntil: leaseUntil },
    });
    return count === 1;
  }

  async get(id: string): Promise<InboxItem | null> {
    const row = await this.db.inboxItem.findUnique({ where: { id } });
    return row ? toItem(row) : null;
  }
}
