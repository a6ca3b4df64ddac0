import type { InboxItem, InboxRepository } from "../../core/ports.ts";
import { isUniqueViolation, type Tx } from "./client.ts";

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
    try {
      const row = await this.db.inboxItem.create({
        data: { ...item, status: "pending", leasedBy: owner, leasedUntil: leaseUntil, attempts: 1 },
      });
      return toItem(row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async complete(
    id: string,
    at: Date,
    status: "done" | "failed" = "done",
    error?: string,
  ): Promise<boolean> {
    const { count } = await this.db.inboxItem.updateMany({
      where: { id, status: "pending" },
      data: {
        status,
        processedAt: at,
        leasedBy: null,
        leasedUntil: null,
        ...(error ? { lastError: error.slice(0, 1000) } : {}),
      },
    });
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
