import type { PlanAmendment } from "../../core/contacts/model.ts";
import type { PlanAmendmentRepository } from "../../core/ports.ts";
import type { Tx } from "./client.ts";

type Row = Omit<PlanAmendment, "source" | "field" | "status"> & {
  source: string;
  field: string;
  status: string;
};

const toAmendment = (row: Row): PlanAmendment => row as PlanAmendment;

export class PrismaAmendments implements PlanAmendmentRepository {
  constructor(private readonly db: Tx) {}

  async propose(amendment: PlanAmendment): Promise<boolean> {
    // Checked first (see contact-checks.ts): the unique key settles a race between replicas.
    const exists = await this.db.planAmendment.findUnique({
      where: {
        source_sourceId_personId_field: {
          source: amendment.source,
          sourceId: amendment.sourceId,
          personId: amendment.personId,
          field: amendment.field,
        },
      },
      select: { id: true },
    });
    if (exists) return false;
    await this.db.planAmendment.create({ data: amendment });
    return true;
  }

  async listOpen(): Promise<PlanAmendment[]> {
    const rows = await this.db.planAmendment.findMany({
      where: { status: "open" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toAmendment);
  }

  async list(limit: number): Promise<PlanAmendment[]> {
    const rows = await this.db.planAmendment.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    });
    return rows.map(toAmendment);
  }

  async resolve(id: string, status: "applied" | "dismissed", at: Date): Promise<boolean> {
    const { count } = await this.db.planAmendment.updateMany({
      where: { id, status: "open" },
      data: { status, resolvedAt: at },
    });
    return count === 1;
  }
}
