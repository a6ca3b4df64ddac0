import type { Task, TaskStatus } from "../../core/model.ts";
import type { TaskCarryOver, TaskRepository } from "../../core/ports.ts";
import type { SituationId } from "../../plan/schema.ts";
import { Prisma } from "../generated/sqlite/client.ts";
import { insertRows, type Tx } from "./client.ts";

type Row = Awaited<ReturnType<Tx["task"]["findFirstOrThrow"]>>;
const toTask = (row: Row): Task => row as Task;
const UNFINISHED: TaskStatus[] = ["open", "claimed", "blocked"];

export class PrismaTasks implements TaskRepository {
  constructor(private readonly db: Tx) {}

  async insertMany(tasks: Task[]): Promise<void> {
    await insertRows(this.db, "Task", tasks);
  }

  async get(id: string): Promise<Task | null> {
    const [row] = await this.db.$queryRaw<Row[]>`SELECT * FROM "Task" WHERE "id" = ${id}`;
    return row ? toTask(row) : null;
  }

  async listForIncident(incidentId: string): Promise<Task[]> {
    const rows = await this.db.$queryRaw<Row[]>`
      SELECT * FROM "Task" WHERE "incidentId" = ${incidentId}
      ORDER BY "priority", "deadlineAt", "planTaskId"`;
    return rows.map(toTask);
  }

  async transition(
    id: string,
    expect: { status: readonly TaskStatus[]; version: number },
    changes: Partial<
      Pick<Task, "status" | "ownerId" | "claimedAt" | "completedAt" | "blockedReason">
    >,
  ) {
    // Raw, as in client.ts: the claim click's write, with the row it wrote in the same statement.
    const sets = Object.entries(changes)
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`);
    const [row] = await this.db.$queryRaw<Row[]>`
      UPDATE "Task" SET ${Prisma.join([...sets, Prisma.sql`"version" = "version" + 1`])}
      WHERE "id" = ${id} AND "status" IN (${Prisma.join(expect.status)}) AND "version" = ${expect.version}
      RETURNING *`;
    return row ? { won: true, task: toTask(row) } : { won: false, task: await this.get(id) };
  }

  async cancelUnfinished(incidentId: string, situation: SituationId): Promise<Task[]> {
    return this.move(incidentId, situation, UNFINISHED, { status: "cancelled" });
  }

  async reopenCancelled(incidentId: string, situation: SituationId): Promise<Task[]> {
    return this.move(incidentId, situation, ["cancelled"], {
      status: "open",
      ownerId: null,
      claimedAt: null,
      blockedReason: null,
    });
  }

  async carryOver(id: string, changes: TaskCarryOver): Promise<Task> {
    const row = await this.db.task.update({
      where: { id },
      data: { ...changes, version: { increment: 1 } },
    });
    return toTask(row);
  }

  private async move(
    incidentId: string,
    situation: SituationId,
    from: TaskStatus[],
    data: Partial<Task>,
  ) {
    const where = { incidentId, situation, status: { in: from } };
    const ids = (await this.db.task.findMany({ where, select: { id: true } })).map((r) => r.id);
    if (ids.length === 0) return [];
    await this.db.task.updateMany({
      where: { id: { in: ids } },
      data: { ...data, version: { increment: 1 } },
    });
    const rows = await this.db.task.findMany({
      where: { id: { in: ids } },
      orderBy: { priority: "asc" },
    });
    return rows.map(toTask);
  }
}
