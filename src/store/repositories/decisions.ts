import type { Decision } from "../../core/model.ts";
import type { DecisionRepository } from "../../core/ports.ts";
import type { Tx } from "./client.ts";

export class PrismaDecisions implements DecisionRepository {
  constructor(private readonly db: Tx) {}

  async insert(decision: Decision): Promise<void> {
    await this.db.decision.create({ data: decision });
  }

  async listForIncident(incidentId: string): Promise<Decision[]> {
    return this.db.$queryRaw<Decision[]>`
      SELECT * FROM "Decision" WHERE "incidentId" = ${incidentId} ORDER BY "seq"`;
  }
}
