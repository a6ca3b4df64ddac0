import type { TimelineEntry, TimelineType } from "../../core/model.ts";
import type { TimelineRepository } from "../../core/ports.ts";
import { Prisma } from "../generated/sqlite/client.ts";
import { insertRows, type Tx } from "./client.ts";

type Row = Awaited<ReturnType<Tx["timelineEntry"]["findFirstOrThrow"]>>;

const toEntry = (row: Row): TimelineEntry => ({
  ...row,
  source: row.source as TimelineEntry["source"],
  type: row.type as TimelineEntry["type"],
  data: JSON.parse(row.data) as Record<string, unknown>,
  tags: row.tags === "" ? [] : row.tags.split(","),
});

const toRow = (entry: TimelineEntry) => ({
  ...entry,
  data: JSON.stringify(entry.data),
  tags: entry.tags.join(","),
});

export class PrismaTimeline implements TimelineRepository {
  constructor(private readonly db: Tx) {}

  async last(incidentId: string): Promise<TimelineEntry | null> {
    const [row] = await this.db.$queryRaw<Row[]>`
      SELECT * FROM "TimelineEntry" WHERE "incidentId" = ${incidentId} ORDER BY "seq" DESC LIMIT 1`;
    return row ? toEntry(row) : null;
  }

  insert(entry: TimelineEntry): Promise<void> {
    return this.insertMany([entry]);
  }

  async insertMany(entries: TimelineEntry[]): Promise<void> {
    await insertRows(this.db, "TimelineEntry", entries.map(toRow));
  }

  async list(incidentId: string): Promise<TimelineEntry[]> {
    const rows = await this.db.timelineEntry.findMany({
      where: { incidentId },
      orderBy: { seq: "asc" },
    });
    return rows.map(toEntry);
  }

  async listOfTypes(incidentId: string, types: readonly TimelineType[]): Promise<TimelineEntry[]> {
    if (types.length === 0) return [];
    const rows = await this.db.$queryRaw<Row[]>`
      SELECT * FROM "TimelineEntry"
      WHERE "incidentId" = ${incidentId} AND "type" IN (${Prisma.join(types)}) ORDER BY "seq"`;
    return rows.map(toEntry);
  }

  async get(id: string): Promise<TimelineEntry | null> {
    const row = await this.db.timelineEntry.findUnique({ where: { id } });
    return row ? toEntry(row) : null;
  }
}
