import type { Report, Source } from "../../core/model.ts";
import type { ReportRepository } from "../../core/ports.ts";
import type { Tx } from "./client.ts";

export class PrismaReports implements ReportRepository {
  constructor(private readonly db: Tx) {}

  async insert(report: Report): Promise<void> {
    await this.db.report.create({ data: report });
  }

  async listOpen(organisation: string, since: Date): Promise<Report[]> {
    const rows = await this.db.report.findMany({
      where: { organisation, incidentId: null, reportedAt: { gte: since } },
      orderBy: { reportedAt: "asc" },
    });
    return rows.map((row) => ({ ...row, source: row.source as Source }));
  }

  async attach(ids: string[], incidentId: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db.report.updateMany({ where: { id: { in: ids } }, data: { incidentId } });
  }
}
