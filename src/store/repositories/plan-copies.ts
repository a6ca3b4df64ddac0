import type { PlanCopy } from "../../core/model.ts";
import type { PlanCopyRepository } from "../../core/ports.ts";
import type { Tx } from "./client.ts";

export class PrismaPlanCopies implements PlanCopyRepository {
  constructor(private readonly db: Tx) {}

  async claim(copy: PlanCopy): Promise<boolean> {
    // Checked first rather than caught: a failed insert would abort a PostgreSQL transaction.
    // Two replicas racing past the check meet the primary key; the store turns that into a
    // ConflictError and the caller tries again, then finds the row.
    const exists = await this.db.planCopy.findUnique({
      where: { planHash_personId: { planHash: copy.planHash, personId: copy.personId } },
      select: { planHash: true },
    });
    if (exists) return false;
    await this.db.planCopy.create({ data: copy });
    return true;
  }

  async confirm(planHash: string, personId: string, at: Date): Promise<boolean> {
    // A second "Ontvangen" keeps the first moment.
    const { count } = await this.db.planCopy.updateMany({
      where: { planHash, personId, confirmedAt: null },
      data: { confirmedAt: at },
    });
    if (count > 0) return true;
    const known = await this.db.planCopy.findUnique({
      where: { planHash_personId: { planHash, personId } },
      select: { planHash: true },
    });
    return known !== null;
  }

  async claimReminder(
    planHash: string,
    personId: string,
    previous: Date | null,
    at: Date,
  ): Promise<boolean> {
    const { count } = await this.db.planCopy.updateMany({
      where: { planHash, personId, confirmedAt: null, remindedAt: previous },
      data: { remindedAt: at },
    });
    return count === 1;
  }

  listForPlan(planHash: string): Promise<PlanCopy[]> {
    return this.db.planCopy.findMany({ where: { planHash }, orderBy: { createdAt: "asc" } });
  }

  async listLatest(): Promise<PlanCopy[]> {
    const rows = await this.db.planCopy.findMany({ orderBy: { createdAt: "desc" } });
    const seen = new Set<string>();
    return rows.filter((row) => !seen.has(row.personId) && seen.add(row.personId));
  }
}
