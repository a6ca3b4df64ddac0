import type { Page, PageStatus, Source } from "../../core/model.ts";
import type { PageRepository } from "../../core/ports.ts";
import { insertRows, type Tx } from "./client.ts";

type Row = Awaited<ReturnType<Tx["page"]["findFirstOrThrow"]>>;
const toPage = (row: Row): Page => row as Page;

export class PrismaPages implements PageRepository {
  constructor(private readonly db: Tx) {}

  async insert(page: Page): Promise<void> {
    await insertRows(this.db, "Page", [page]);
  }

  async get(id: string): Promise<Page | null> {
    const row = await this.db.page.findUnique({ where: { id } });
    return row ? toPage(row) : null;
  }

  async listForIncident(incidentId: string): Promise<Page[]> {
    const rows = await this.db.$queryRaw<Row[]>`
      SELECT * FROM "Page" WHERE "incidentId" = ${incidentId} ORDER BY "sentAt", "attempt"`;
    return rows.map(toPage);
  }

  async transition(
    id: string,
    from: PageStatus,
    to: PageStatus,
    answeredAt: Date | null,
    source: Source | null,
  ) {
    const { count } = await this.db.page.updateMany({
      where: { id, status: from },
      data: { status: to, answeredAt, answerSource: source, version: { increment: 1 } },
    });
    return count === 1;
  }
}
