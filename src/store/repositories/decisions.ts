import type { Decision } from "../../core/model.ts";
import type { DecisionRepository } from "../../core/ports.ts";
import type { Tx } from "./client.ts";

export class PrismaDecisions implements DecisionRepository {
  constructor(private readonly db: Tx) {}

  async insert(decision: Decision): Promise<void> {
    await this.db.decision.create({ data: decision });
  }

  async listForIncident(incidentId: string): Promise<Decision[]> {
    const rows = await this.db.decision.findMany({
      where: { incidentId },
      orderBy: { seq: "asc" },
    });
    return rows as Decision[];
  }
}
