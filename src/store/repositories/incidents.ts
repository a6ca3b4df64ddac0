import type { Incident } from "../../core/model.ts";
import type { IncidentRepository } from "../../core/ports.ts";
import type { Tx } from "./client.ts";

type Row = Awaited<ReturnType<Tx["incident"]["findFirstOrThrow"]>>;

const toIncident = ({ version: _version, ...row }: Row): Incident => row as Incident;

export class PrismaIncidents implements IncidentRepository {
  constructor(private readonly db: Tx) {}

  async insert(incident: Incident): Promise<void> {
    await this.db.incident.create({ data: incident });
  }

  async get(id: string): Promise<Incident | null> {
    const [row] = await this.db.$queryRaw<Row[]>`SELECT * FROM "Incident" WHERE "id" = ${id}`;
    return row ? toIncident(row) : null;
  }

  async listActive(organisation: string): Promise<Incident[]> {
    const rows = await this.db.$queryRaw<Row[]>`
      SELECT * FROM "Incident" WHERE "organisation" = ${organisation} AND "status" = 'active'
      ORDER BY "declaredAt" DESC`;
    return rows.map(toIncident);
  }

  async list(organisation: string, limit: number): Promise<Incident[]> {
    const rows = await this.db.incident.findMany({
      where: { organisation },
      orderBy: { declaredAt: "desc" },
      take: limit,
    });
    return rows.map(toIncident);
  }

  countNumbersWithPrefix(organisation: string, prefix: string): Promise<number> {
    return this.db.incident.count({ where: { organisation, number: { startsWith: prefix } } });
  }

  async lock(id: string): Promise<Incident | null> {
    // An update takes PostgreSQL's row lock until the transaction ends; on SQLite the write
    // itself takes the database's write lock. One UPDATE … RETURNING: the row comes with the lock.
    const [row] = await this.db.$queryRaw<Row[]>`
      UPDATE "Incident" SET "version" = "version" + 1 WHERE "id" = ${id} RETURNING *`;
    return row ? toIncident(row) : null;
  }

  async update(id: string, changes: Partial<Incident>): Promise<void> {
    await this.db.incident.update({ where: { id }, data: changes });
  }
}
