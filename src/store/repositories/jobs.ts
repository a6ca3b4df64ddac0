import type { Job } from "../../core/model.ts";
import type { JobRepository } from "../../core/ports.ts";
import type { Tx } from "./client.ts";

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

export class PrismaJobs implements JobRepository {
  constructor(private readonly db: Tx) {}

  async schedule(jobs: Array<Omit<Job, "status" | "attempts">>): Promise<void> {
    for (const job of jobs) {
      const key = { kind: job.kind, subjectId: job.subjectId, dueAt: job.dueAt };
      const existing = await this.db.scheduledJob.findUnique({
        where: { kind_subjectId_dueAt: key },
      });
      if (!existing) await this.db.scheduledJob.create({ data: { ...job, status: "pending" } });
      // A job cancelled earlier (decision changed and back) comes back; one already done stays done.
      else if (existing.status === "cancelled") {
        await this.db.scheduledJob.update({
          where: { id: existing.id },
          data: { status: "pending", leasedBy: null, leasedUntil: null },
        });
      }
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
    });
    const leased: Job[] = [];
    for (const candidate of candidates) {
      const { count } = await this.db.scheduledJob.updateMany({
        where: { id: candidate.id, ...available(now) },
        data: {
          status: "leased",
          leasedBy: owner,
          leasedUntil: leaseUntil,
          attempts: { increment: 1 },
        },
      });
      if (count === 1)
        leased.push({ ...toJob(candidate), status: "leased", attempts: candidate.attempts + 1 });
    }
    return leased;
  }

  async complete(id: string, owner: string, at: Date): Promise<boolean> {
    const { count } = await this.db.scheduledJob.updateMany({
      where: { id, status: "leased", leasedBy: owner },
      data: { status: "done", doneAt: at, leasedUntil: null },
    });
    return count === 1;
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
