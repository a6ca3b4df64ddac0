import type { IncidentService } from "../../core/model.ts";
import type { ServiceRepository } from "../../core/ports.ts";
import { insertRows, type Tx } from "./client.ts";

type Row = Awaited<ReturnType<Tx["incidentService"]["findFirstOrThrow"]>>;
const toService = (row: Row): IncidentService => row as IncidentService;

export class PrismaServices implements ServiceRepository {
  constructor(private readonly db: Tx) {}

  async insertMany(services: IncidentService[]): Promise<void> {
    await insertRows(this.db, "IncidentService", services);
  }

  async carryOver(
    id: string,
    changes: Pick<IncidentService, "situation" | "priority" | "rtoHours" | "deadlineAt">,
  ): Promise<IncidentService> {
    return toService(await this.db.incidentService.update({ where: { id }, data: changes }));
  }

  async listForIncident(incidentId: string): Promise<IncidentService[]> {
    const rows = await this.db.$queryRaw<Row[]>`
      SELECT * FROM "IncidentService" WHERE "incidentId" = ${incidentId}
      ORDER BY "situation", "priority"`;
    return rows.map(toService);
  }

  async get(id: string): Promise<IncidentService | null> {
    const row = await this.db.incidentService.findUnique({ where: { id } });
    return row ? toService(row) : null;
  }

  async markRestored(
    id: string,
    at: Date,
    byId: string | null,
    by: "coordinator" | "tasks",
  ): Promise<boolean> {
    const { count } = await this.db.incidentService.updateMany({
      where: { id, restoredAt: null },
      data: { restoredAt: at, restoredById: byId, restoredBy: by },
    });
    return count === 1;
  }
}
