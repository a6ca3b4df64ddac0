import type { Audience, Delivery, OutboxItem, OutboxOutcome } from "../../core/model.ts";
import type { OutboxFailure, OutboxRepository } from "../../core/ports.ts";
import { Prisma } from "../generated/sqlite/client.ts";
import { chunks, insertRows, type Tx } from "./client.ts";

type Row = Awaited<ReturnType<Tx["outboxMessage"]["findFirstOrThrow"]>>;

const toItem = (row: Row): OutboxItem => ({
  id: row.id,
  incidentId: row.incidentId,
  dedupeKey: row.dedupeKey,
  channel: row.platform,
  audience:
    row.targetKind === "person"
      ? { kind: "person", personId: row.targetId }
      : { kind: "incident", incidentId: row.targetId },
  delivery: JSON.parse(row.payload) as Delivery,
  attempts: row.attempts,
  createdAt: row.createdAt,
  attemptedAt: row.attemptedAt,
  outcome: {
    status: row.status as OutboxOutcome["status"],
    sentAt: row.sentAt,
    lastError: row.lastError,
    handsetAt: row.handsetAt,
  },
});

const target = (audience: Audience) =>
  audience.kind === "person"
    ? { targetKind: "person", targetId: audience.personId }
    : { targetKind: "incident", targetId: audience.incidentId };

const available = (now: Date) => ({
  OR: [
    { status: "pending", nextAttemptAt: { lte: now } },
    { status: "leased", leasedUntil: { lt: now } },
  ],
});

/** An incident's messages before those of none, each in the order they were queued (stable). */
const byIncidentFirst = (rows: Row[]): Row[] =>
  [...rows].sort((a, b) => Number(a.incidentId === null) - Number(b.incidentId === null));

export class PrismaOutbox implements OutboxRepository {
  constructor(private readonly db: Tx) {}

  async enqueue(items: Array<Omit<OutboxItem, "attempts">>): Promise<void> {
    for (const batch of chunks(items)) {
      // Checked first rather than caught: a failed insert would abort a PostgreSQL transaction.
      // One look-up and one insert per batch, not per message (a page to 50 people is 100+ rows).
      const known = await this.db.$queryRaw<Array<{ dedupeKey: string }>>`
        SELECT "dedupeKey" FROM "OutboxMessage"
        WHERE "dedupeKey" IN (${Prisma.join(batch.map((item) => item.dedupeKey))})`;
      const seen = new Set(known.map((row) => row.dedupeKey));
      const data = [];
      for (const item of batch) {
        if (seen.has(item.dedupeKey)) continue;
        seen.add(item.dedupeKey);
        data.push({
          id: item.id,
          incidentId: item.incidentId,
          dedupeKey: item.dedupeKey,
          platform: item.channel,
          ...target(item.audience),
          payload: JSON.stringify(item.delivery),
          nextAttemptAt: item.createdAt,
          createdAt: item.createdAt,
        });
      }
      await insertRows(this.db, "OutboxMessage", data);
    }
  }

  async listDue(now: Date, limit: number, channel?: string): Promise<OutboxItem[]> {
    const where = { ...available(now), ...(channel ? { platform: channel } : {}) };
    const orderBy = [{ createdAt: "asc" as const }, { dedupeKey: "asc" as const }];
    const oldest = await this.db.outboxMessage.findMany({ where, orderBy, take: limit });
    // All that is due fits, or it is all an incident's: one statement, the usual case.
    if (oldest.length < limit || oldest.every((row) => row.incidentId !== null))
      return byIncidentFirst(oldest).map(toItem);
    // A backlog of housekeeping (plan copies, contact checks) must not fill the window ahead of
    // an incident's pages: the incident's oldest first, then the oldest of no incident.
    const incident = await this.db.outboxMessage.findMany({
      where: { ...where, incidentId: { not: null } },
      orderBy,
      take: limit,
    });
    const housekeeping = oldest.filter((row) => row.incidentId === null);
    return [...incident, ...housekeeping].slice(0, limit).map(toItem);
  }

  async listBusy(incidentId: string | null, now: Date): Promise<OutboxItem[]> {
    const rows = await this.db.outboxMessage.findMany({
      where: {
        incidentId,
        OR: [
          { status: "leased", leasedUntil: { gte: now } },
          // Waiting to find out whether an earlier attempt arrived: what follows it waits too.
          { status: "pending", attemptedAt: { not: null }, nextAttemptAt: { gt: now } },
        ],
      },
    });
    return rows.map(toItem);
  }

  async lease(id: string, now: Date, owner: string, leaseUntil: Date): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { id, ...available(now) },
      data: { status: "leased", leasedBy: owner, leasedUntil: leaseUntil },
    });
    return count === 1;
  }

  async renew(ids: string[], owner: string, leaseUntil: Date): Promise<string[]> {
    const mine = { id: { in: ids }, status: "leased", leasedBy: owner };
    await this.db.outboxMessage.updateMany({ where: mine, data: { leasedUntil: leaseUntil } });
    const rows = await this.db.outboxMessage.findMany({ where: mine, select: { id: true } });
    return rows.map((row) => row.id);
  }

  async release(ids: string[], owner: string): Promise<void> {
    await this.db.outboxMessage.updateMany({
      where: { id: { in: ids }, status: "leased", leasedBy: owner },
      data: { status: "pending", leasedBy: null, leasedUntil: null },
    });
  }

  async markAttempt(id: string, owner: string, at: Date): Promise<void> {
    // Raw on the delivery path, as in client.ts: two statements per message sent.
    await this.db.$executeRaw`
      UPDATE "OutboxMessage" SET "attemptedAt" = ${at}
      WHERE "id" = ${id} AND "status" = 'leased' AND "leasedBy" = ${owner}`;
  }

  async markSent(
    id: string,
    owner: string,
    at: Date,
    deliveredRef: string | null,
  ): Promise<boolean> {
    const count = await this.db.$executeRaw`
      UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = ${at}, "deliveredRef" = ${deliveredRef},
        "leasedUntil" = NULL, "attemptedAt" = NULL, "attempts" = "attempts" + 1
      WHERE "id" = ${id} AND "status" = 'leased' AND "leasedBy" = ${owner}`;
    return count === 1;
  }

  async markFailed(id: string, owner: string, failure: OutboxFailure): Promise<void> {
    await this.db.outboxMessage.updateMany({
      where: { id, status: "leased", leasedBy: owner },
      data: {
        status: failure.dead ? "dead" : "pending",
        nextAttemptAt: failure.retryAt,
        leasedBy: null,
        leasedUntil: null,
        lastError: failure.error.slice(0, 1000),
        ...(failure.unknown ? {} : { attemptedAt: null }),
        attempts: { increment: 1 },
      },
    });
  }

  async markHandsetDelivered(id: string, channel: string, at: Date): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { id, platform: channel, handsetAt: null },
      data: { handsetAt: at },
    });
    return count === 1;
  }

  async takeOver(ownerPrefix: string, owner: string): Promise<number> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { status: "leased", leasedBy: { startsWith: ownerPrefix, not: owner } },
      data: { leasedUntil: new Date(0) },
    });
    return count;
  }

  async listForIncident(incidentId: string): Promise<OutboxItem[]> {
    const rows = await this.db.outboxMessage.findMany({
      where: { incidentId },
      orderBy: [{ createdAt: "asc" }, { dedupeKey: "asc" }],
    });
    return rows.map(toItem);
  }
}
