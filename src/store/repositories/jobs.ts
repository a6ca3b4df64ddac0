import type { Job } from "../../core/model.ts";
import type { JobRepository } from "../../core/ports.ts";
import { chunks, insertRows, type LeaseEnds, type Tx, uniqueLeaseEnd } from "./client.ts";

type Row = Awaited<ReturnType<Tx["scheduledJob"]["findFirstOrThrow"]>>;
const toJob = (row: Row): Job => ({
  id: row.id,
  incidentId: row.incidentId,
  kind: row.kind as Job["kind"],
  subjectId: row.subjectId,
  dueAt: row.dueAt,
  status: row.status as Job["status"],
  attempts: row.attempts,
});

/** Due and free: pending and due, or leased with an expired lease (its holder died or failed it). */
const available = (now: Date) => ({
  OR: [
    { status: "pending", dueAt: { lte: now } },
    { status: "leased", leasedUntil: { lt: now } },
  ],
});

/** A job's identity in the unique index (kind, subject, due time). */
const jobKey = (job: { kind: string; subjectId: string; dueAt: Date }) =>
  `${job.kind}|${job.subjectId}|${job.dueAt.getTime()}`;

export class PrismaJobs implements JobRepository {
  constructor(
    private readonly db: Tx,
    private readonly leaseEnds: LeaseEnds,
  ) {}

  async schedule(jobs: Array<Omit<Job, "status" | "attempts">>): Promise<void> {
    for (const batch of chunks(jobs)) {
      // One look-up per batch: the rows already there for these subjects, matched on the key.
      const rows = await this.db.scheduledJob.findMany({
        where: {
          subjectId: { in: [...new Set(batch.map((job) => job.subjectId))] },
          kind: { in: [...new Set(batch.map((job) => job.kind))] },
        },
        select: { id: true, kind: true, subjectId: true, dueAt: true, status: true },
      });
      const existing = new Map(rows.map((row) => [jobKey(row), row]));
      const fresh = new Map<string, Omit<Job, "status" | "attempts">>();
      const revived: string[] = [];
      for (const job of batch) {
        const key = jobKey(job);
        const row = existing.get(key);
        if (!row) fresh.set(key, job);
        // A job cancelled earlier (decision changed and back) comes back; one already done stays done.
        else if (row.status === "cancelled") revived.push(row.id);
      }
      await insertRows(
        this.db,
        "ScheduledJob",
        [...fresh.values()].map((job) => ({ ...job, status: "pending" })),
      );
      if (revived.length > 0)
        await this.db.scheduledJob.updateMany({
          where: { id: { in: revived } },
          data: { status: "pending", leasedBy: null, leasedUntil: null },
        });
    }
  }

  async cancelForSubjects(subjectIds: string[]): Promise<number> {
    if (subjectIds.length === 0) return 0;
    const { count } = await this.db.scheduledJob.updateMany({
      where: { subjectId: { in: subjectIds }, status: { in: ["pending", "leased"] } },
      data: { status: "cancelled" },
    });
    return count;
  }

  async leaseDue(now: Date, owner: string, leaseUntil: Date, limit: number): Promise<Job[]> {
    const candidates = await this.db.scheduledJob.findMany({
      where: available(now),
      orderBy: { dueAt: "asc" },
      take: limit,
      select: { id: true },
    });
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => c.id);
    // One conditional update for the batch: a row another scheduler leased meanwhile no longer
    // matches `available` (PostgreSQL re-checks it after the other's commit; SQLite writes one at
    // a time), so each job goes to one scheduler. The rows won are those now leased to `owner`
    // until this very moment, made unique to this call (see uniqueLeaseEnd).
    const until = uniqueLeaseEnd(this.leaseEnds, owner, leaseUntil);
    await this.db.scheduledJob.updateMany({
      where: { id: { in: ids }, ...available(now) },
      data: {
        status: "leased",
        leasedBy: owner,
        leasedUntil: until,
        attempts: { increment: 1 },
      },
    });
    const won = await this.db.scheduledJob.findMany({
      where: { id: { in: ids }, status: "leased", leasedBy: owner, leasedUntil: until },
      orderBy: { dueAt: "asc" },
    });
    return won.map(toJob);
  }

  async complete(id: string, owner: string, at: Date): Promise<boolean> {
    const { count } = await this.db.scheduledJob.updateMany({
      where: { id, status: "leased", leasedBy: owner },
      data: { status: "done", doneAt: at, leasedUntil: null },
    });
    return count === 1;
  }

  async completeMany(ids: string[], owner: string, at: Date): Promise<number> {
    let done = 0;
    for (const batch of chunks(ids)) {
      const { count } = await this.db.scheduledJob.updateMany({
        where: { id: { in: batch }, status: "leased", leasedBy: owner },
        data: { status: "done", doneAt: at, leasedUntil: null },
      });
      done += count;
    }
    return done;
  }

  async fail(id: string, owner: string, error: string, retryAt: Date): Promise<void> {
    // Stays leased by nobody until retryAt, when leaseDue sees an expired lease and picks it up.
    await this.db.scheduledJob.updateMany({
      where: { id, status: "leased", leasedBy: owner },
      data: { leasedBy: null, leasedUntil: retryAt, lastError: error.slice(0, 1000) },
    });
  }

  async renew(ids: string[], owner: string, leaseUntil: Date): Promise<void> {
    await this.db.scheduledJob.updateMany({
      where: { id: { in: ids }, status: "leased", leasedBy: owner },
      data: { leasedUntil: leaseUntil },
    });
  }

  async takeOver(ownerPrefix: string, owner: string): Promise<number> {
    const { count } = await this.db.scheduledJob.updateMany({
      where: { status: "leased", leasedBy: { startsWith: ownerPrefix, not: owner } },
      data: { leasedUntil: new Date(0) },
    });
    return count;
  }

  async listForIncident(incidentId: string): Promise<Job[]> {
    const rows = await this.db.scheduledJob.findMany({
      where: { incidentId },
      orderBy: { dueAt: "asc" },
    });
    return rows.map(toJob);
  }
}
