import type { ContactCheck, ContactForm } from "../../core/contacts/model.ts";
import type { ContactCheckRepository } from "../../core/ports.ts";
import type { Tx } from "./client.ts";

type Row = Omit<ContactCheck, "answer" | "answerData"> & {
  answer: string | null;
  answerData: string | null;
};

const toCheck = (row: Row): ContactCheck => ({
  ...row,
  answer: row.answer as ContactCheck["answer"],
  answerData: row.answerData ? (JSON.parse(row.answerData) as ContactForm) : null,
});

export class PrismaContactChecks implements ContactCheckRepository {
  constructor(private readonly db: Tx) {}

  async claim(check: ContactCheck): Promise<boolean> {
    // Checked first rather than caught: a failed insert would abort a PostgreSQL transaction.
    // Two replicas racing past the check meet the unique key; the store turns that into a
    // ConflictError and the caller tries again, then finds the row.
    const exists = await this.db.contactCheck.findUnique({
      where: { personId_round: { personId: check.personId, round: check.round } },
      select: { id: true },
    });
    if (exists) return false;
    await this.db.contactCheck.create({
      data: {
        ...check,
        answerData: check.answerData ? JSON.stringify(check.answerData) : null,
      },
    });
    return true;
  }

  async get(id: string): Promise<ContactCheck | null> {
    const row = await this.db.contactCheck.findUnique({ where: { id } });
    return row ? toCheck(row) : null;
  }

  async listLatest(): Promise<ContactCheck[]> {
    const rows = await this.db.contactCheck.findMany({ orderBy: { round: "desc" } });
    return firstPerPerson(rows.map(toCheck));
  }

  async claimReminder(id: string, previous: Date | null, at: Date): Promise<boolean> {
    const { count } = await this.db.contactCheck.updateMany({
      where: { id, answeredAt: null, remindedAt: previous },
      data: { remindedAt: at },
    });
    return count === 1;
  }

  async listLatestAnswered(): Promise<ContactCheck[]> {
    const rows = await this.db.contactCheck.findMany({
      where: { answeredAt: { not: null } },
      orderBy: { answeredAt: "desc" },
    });
    return firstPerPerson(rows.map(toCheck));
  }

  async answer(
    id: string,
    answer: "confirmed" | "changed",
    data: ContactForm | null,
    at: Date,
  ): Promise<void> {
    await this.db.contactCheck.update({
      where: { id },
      data: { answer, answeredAt: at, answerData: data ? JSON.stringify(data) : null },
    });
  }
}

function firstPerPerson(checks: ContactCheck[]): ContactCheck[] {
  const seen = new Set<string>();
  return checks.filter((check) => !seen.has(check.personId) && seen.add(check.personId));
}
