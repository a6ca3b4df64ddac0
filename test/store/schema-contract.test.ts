// What the store's layers above may rely on from the schema, on both providers.
import { afterEach, beforeAll, expect, it } from "vitest";
import type { Database, Db } from "../../src/store/database.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { rawQuery } from "../support/raw-sql.ts";

let serial = 0;
const uid = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

const at = (iso: string) => new Date(iso);

async function createIncident(client: Db, id = uid("incident")) {
  return client.incident.create({
    data: {
      id,
      organisation: "gemeente-zonnedorp",
      number: uid("2026"),
      planHash: "sha256:plan",
      classification: "ransomware",
      scope: "all",
      description: "Servers versleuteld",
      declaredById: "jan-peeters",
      declaredAt: at("2026-03-01T07:45:00.000Z"),
    },
  });
}

/** The Prisma error code of a rejected promise (P2002: unique constraint). */
async function prismaCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return (error as { code?: string } | undefined)?.code;
}

describeEachDatabase("schema contract", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });

  it("stores an incident with its pages, decisions, tasks, services, jobs, timeline and outbox", async () => {
    const id = uid("incident");
    await db.client.incident.create({
      data: {
        id,
        organisation: "gemeente-zonnedorp",
        number: "2026-003",
        planHash: "sha256:plan",
        classification: "ransomware",
        scope: "all",
        description: "Servers versleuteld",
        officeHours: true,
        declaredById: "jan-peeters",
        declaredAt: at("2026-03-01T07:45:00.000Z"),
        pages: {
          create: [
            {
              id: uid("page"),
              personId: "jan-peeters",
              functionId: "coordinator",
              sentAt: at("2026-03-01T07:46:00.000Z"),
              ackDueAt: at("2026-03-01T07:56:00.000Z"),
            },
            {
              id: uid("page"),
              personId: "els-maes",
              functionId: "coordinator",
              attempt: 1,
              sentAt: at("2026-03-01T07:56:00.000Z"),
              ackDueAt: at("2026-03-01T08:06:00.000Z"),
            },
          ],
        },
        decisions: {
          create: {
            id: uid("decision"),
            seq: 1,
            situation: "A",
            locationId: "brandweerkazerne",
            decidedById: "jan-peeters",
            decidedAt: at("2026-03-01T08:30:00.000Z"),
          },
        },
        tasks: {
          create: {
            id: uid("task"),
            planTaskId: "A-01",
            situation: "A",
            phase: "herstel",
            title: "Uitwijklocatie openen",
            priority: 1,
            deadlineAt: at("2026-03-01T10:30:00.000Z"),
          },
        },
        services: {
          create: {
            id: uid("service"),
            serviceId: "burgerzaken",
            situation: "A",
            priority: 1,
            rtoHours: 24,
            deadlineAt: at("2026-03-02T08:30:00.000Z"),
          },
        },
        jobs: {
          create: {
            id: uid("job"),
            kind: "page-timeout",
            subjectId: "page-1",
            dueAt: at("2026-03-01T07:56:00.000Z"),
          },
        },
        timeline: {
          create: {
            id: uid("entry"),
            seq: 1,
            at: at("2026-03-01T07:45:00.000Z"),
            actorId: "jan-peeters",
            source: "slack",
            type: "incident.declared",
            data: JSON.stringify({ classification: "ransomware" }),
            prevHash: "0".repeat(64),
            hash: "a".repeat(64),
          },
        },
        outbox: {
          create: {
            id: uid("outbox"),
            dedupeKey: uid("dedupe"),
            platform: "slack",
            targetKind: "person",
            targetId: "jan-peeters",
            payload: JSON.stringify({ text: "Je wordt opgeroepen" }),
            nextAttemptAt: at("2026-03-01T07:46:00.000Z"),
            createdAt: at("2026-03-01T07:46:00.000Z"),
          },
        },
      },
    });
    await db.client.conversationRef.create({
      data: {
        id: uid("ref"),
        platform: "slack",
        key: `person:${id}`,
        reference: JSON.stringify({ channel: "D123" }),
        updatedAt: at("2026-03-01T07:46:00.000Z"),
      },
    });

    const stored = await db.client.incident.findUniqueOrThrow({
      where: { id },
      include: {
        pages: { orderBy: { attempt: "asc" } },
        decisions: true,
        tasks: true,
        services: true,
        jobs: true,
        timeline: true,
        outbox: true,
      },
    });
    // Defaults come from the schema, not from the caller.
    expect(stored.status).toBe("active");
    expect(stored.version).toBe(0);
    expect(stored.officeHours).toBe(true);
    expect(stored.pages.map((p) => [p.personId, p.attempt, p.status])).toEqual([
      ["jan-peeters", 0, "sent"],
      ["els-maes", 1, "sent"],
    ]);
    expect(stored.decisions).toHaveLength(1);
    expect(stored.tasks[0]).toMatchObject({
      planTaskId: "A-01",
      status: "open",
      version: 0,
      ownerId: null,
    });
    expect(stored.services[0]).toMatchObject({
      serviceId: "burgerzaken",
      rtoHours: 24,
      restoredAt: null,
    });
    expect(stored.jobs[0]).toMatchObject({ kind: "page-timeout", status: "pending", attempts: 0 });
    expect(stored.timeline[0]).toMatchObject({ seq: 1, type: "incident.declared", tags: "" });
    expect(stored.outbox[0]).toMatchObject({ status: "pending", attempts: 0, sentAt: null });
    expect(
      await db.client.conversationRef.findUnique({
        where: { platform_key: { platform: "slack", key: `person:${id}` } },
      }),
    ).toMatchObject({ reference: JSON.stringify({ channel: "D123" }) });
  });

  it("numbers an incident's timeline uniquely: (incidentId, seq)", async () => {
    const first = await createIncident(db.client);
    const second = await createIncident(db.client);
    const entry = (incidentId: string, seq: number) => ({
      id: uid("entry"),
      incidentId,
      seq,
      at: at("2026-03-01T08:00:00.000Z"),
      source: "web",
      type: "note",
      data: "{}",
      prevHash: "p",
      hash: "h",
    });
    await db.client.timelineEntry.create({ data: entry(first.id, 1) });
    expect(await prismaCode(db.client.timelineEntry.create({ data: entry(first.id, 1) }))).toBe(
      "P2002",
    );
    // The same number in another incident is fine.
    await db.client.timelineEntry.create({ data: entry(second.id, 1) });
    expect(await db.client.timelineEntry.count({ where: { incidentId: first.id } })).toBe(1);
  });

  it("queues an outbox message once per dedupe key", async () => {
    const incident = await createIncident(db.client);
    const dedupeKey = uid("page-sent");
    const message = () => ({
      id: uid("outbox"),
      incidentId: incident.id,
      dedupeKey,
      platform: "teams",
      targetKind: "channel",
      targetId: "crisis",
      payload: "{}",
      nextAttemptAt: at("2026-03-01T08:00:00.000Z"),
      createdAt: at("2026-03-01T08:00:00.000Z"),
    });
    await db.client.outboxMessage.create({ data: message() });
    expect(await prismaCode(db.client.outboxMessage.create({ data: message() }))).toBe("P2002");
    expect(await db.client.outboxMessage.count({ where: { dedupeKey } })).toBe(1);
  });

  it("makes a plan task live once per incident and situation", async () => {
    const incident = await createIncident(db.client);
    const task = (situation: string) => ({
      id: uid("task"),
      incidentId: incident.id,
      planTaskId: "B-07",
      situation,
      phase: "herstel",
      title: "Back-ups controleren",
      priority: 2,
      deadlineAt: at("2026-03-01T12:00:00.000Z"),
    });
    await db.client.task.create({ data: task("B") });
    expect(await prismaCode(db.client.task.create({ data: task("B") }))).toBe("P2002");
    // After a switch of situation the same plan task may go live again.
    await db.client.task.create({ data: task("A") });
    expect(await db.client.task.count({ where: { incidentId: incident.id } })).toBe(2);
  });

  it("lets exactly one of several concurrent claimers take an open task", async () => {
    // Each claimer opens the database itself, like a replica. On PostgreSQL each
    // gets a pool of its own; on SQLite they share this process's one connection
    // (see src/store/sqlite-client.ts), like simultaneous button presses.
    const claimers = await Promise.all([1, 2, 3, 4].map(() => target.open({ migrate: false })));
    const incident = await createIncident(db.client);
    for (let round = 0; round < 5; round++) {
      const task = await db.client.task.create({
        data: {
          id: uid("task"),
          incidentId: incident.id,
          planTaskId: `T-${round}`,
          situation: "A",
          phase: "herstel",
          title: "Claim me",
          priority: 1,
          deadlineAt: at("2026-03-01T12:00:00.000Z"),
        },
      });
      const results = await Promise.all(
        claimers.map((claimer, i) =>
          claimer.client.task.updateMany({
            where: { id: task.id, status: "open", version: task.version },
            data: {
              status: "claimed",
              ownerId: `claimer-${i}`,
              claimedAt: new Date(),
              version: { increment: 1 },
            },
          }),
        ),
      );
      const winners = results.flatMap((result, i) => (result.count === 1 ? [i] : []));
      expect(results.map((result) => result.count).sort()).toEqual([0, 0, 0, 1]);
      const after = await db.client.task.findUniqueOrThrow({ where: { id: task.id } });
      expect(after).toMatchObject({
        status: "claimed",
        ownerId: `claimer-${winners[0]}`,
        version: task.version + 1,
      });
    }
  });

  it("deletes an incident's rows with it, and nothing else", async () => {
    const doomed = await createIncident(db.client);
    const kept = await createIncident(db.client);
    for (const incident of [doomed, kept]) {
      await db.client.incident.update({
        where: { id: incident.id },
        data: {
          pages: {
            create: {
              id: uid("page"),
              personId: "jan",
              functionId: "f",
              sentAt: at("2026-03-01T08:00:00.000Z"),
              ackDueAt: at("2026-03-01T08:10:00.000Z"),
            },
          },
          decisions: {
            create: {
              id: uid("decision"),
              seq: 1,
              situation: "B",
              decidedById: "jan",
              decidedAt: at("2026-03-01T08:00:00.000Z"),
            },
          },
          tasks: {
            create: {
              id: uid("task"),
              planTaskId: "B-01",
              situation: "B",
              phase: "p",
              title: "t",
              priority: 1,
              deadlineAt: at("2026-03-01T09:00:00.000Z"),
            },
          },
          services: {
            create: {
              id: uid("service"),
              serviceId: "s",
              situation: "B",
              priority: 1,
              rtoHours: 4,
              deadlineAt: at("2026-03-01T12:00:00.000Z"),
            },
          },
          jobs: {
            create: {
              id: uid("job"),
              kind: "reminder",
              subjectId: uid("subject"),
              dueAt: at("2026-03-01T09:00:00.000Z"),
            },
          },
          timeline: {
            create: {
              id: uid("entry"),
              seq: 1,
              at: at("2026-03-01T08:00:00.000Z"),
              source: "web",
              type: "note",
              data: "{}",
              prevHash: "p",
              hash: "h",
            },
          },
          outbox: {
            create: {
              id: uid("outbox"),
              dedupeKey: uid("dedupe"),
              platform: "slack",
              targetKind: "channel",
              targetId: "c",
              payload: "{}",
              nextAttemptAt: at("2026-03-01T08:00:00.000Z"),
              createdAt: at("2026-03-01T08:00:00.000Z"),
            },
          },
        },
      });
    }
    const unrelated = await db.client.outboxMessage.create({
      data: {
        id: uid("outbox"),
        dedupeKey: uid("dedupe"),
        platform: "web",
        targetKind: "person",
        targetId: "els",
        payload: "{}",
        nextAttemptAt: at("2026-03-01T08:00:00.000Z"),
        createdAt: at("2026-03-01T08:00:00.000Z"),
      },
    });

    await db.client.incident.delete({ where: { id: doomed.id } });

    const counts = async (incidentId: string) => [
      await db.client.page.count({ where: { incidentId } }),
      await db.client.decision.count({ where: { incidentId } }),
      await db.client.task.count({ where: { incidentId } }),
      await db.client.incidentService.count({ where: { incidentId } }),
      await db.client.scheduledJob.count({ where: { incidentId } }),
      await db.client.timelineEntry.count({ where: { incidentId } }),
      await db.client.outboxMessage.count({ where: { incidentId } }),
    ];
    expect(await counts(doomed.id)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await counts(kept.id)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(
      await db.client.outboxMessage.findUnique({ where: { id: unrelated.id } }),
    ).not.toBeNull();
  });

  it("refuses rows that point at no incident (foreign keys are on)", async () => {
    const orphan = db.client.page.create({
      data: {
        id: uid("page"),
        incidentId: "no-such-incident",
        personId: "jan",
        functionId: "f",
        sentAt: at("2026-03-01T08:00:00.000Z"),
        ackDueAt: at("2026-03-01T08:10:00.000Z"),
      },
    });
    expect(await prismaCode(orphan)).toBe("P2003");
  });

  describeDateTimes();

  function describeDateTimes() {
    const originalTz = process.env.TZ;
    afterEach(() => {
      process.env.TZ = originalTz;
    });

    it("round-trips DateTime values in UTC, whatever the time zones of process and server", async () => {
      // A local time zone with DST, for the process and (PostgreSQL) the sessions:
      // a value must come back as the same instant and be stored as UTC wall time.
      process.env.TZ = "Europe/Brussels";
      const url = await target.createDatabase();
      if (target.provider === "postgresql") {
        const name = new URL(url).pathname.slice(1);
        await rawQuery(url, `ALTER DATABASE "${name}" SET timezone TO 'America/New_York'`);
      }
      const zoned = await target.open({}, url);
      // 01:30 UTC on the night Brussels springs forward (02:00 → 03:00 local).
      const instant = at("2026-03-29T01:30:00.123Z");
      const incident = await createIncident(zoned.client);
      await zoned.client.incident.update({
        where: { id: incident.id },
        data: { declaredAt: instant, closedAt: at("2026-12-31T23:59:59.999Z") },
      });

      const back = await zoned.client.incident.findUniqueOrThrow({ where: { id: incident.id } });
      expect(back.declaredAt.toISOString()).toBe("2026-03-29T01:30:00.123Z");
      expect(back.closedAt?.toISOString()).toBe("2026-12-31T23:59:59.999Z");
      expect(
        await zoned.client.incident.count({
          where: { id: incident.id, declaredAt: { gte: instant, lte: instant } },
        }),
      ).toBe(1);

      const stored =
        target.provider === "sqlite"
          ? await rawQuery(url, `SELECT "declaredAt" AS v FROM "Incident" WHERE id = $1`, [
              incident.id,
            ])
          : await rawQuery(
              url,
              `SELECT to_char("declaredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS v FROM "Incident" WHERE id = $1`,
              [incident.id],
            );
      expect(String(stored[0]?.v)).toMatch(/^2026-03-29T01:30:00\.123/);
    });
  }

  it.runIf(target.provider === "sqlite")(
    "runs SQLite with WAL, a 2 s busy timeout (Slack wants an answer within 3 s) and foreign keys",
    async () => {
      const pragma = async (name: string) =>
        Object.values(
          (await db.client.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0] ?? {},
        )[0];
      expect(await pragma("journal_mode")).toBe("wal");
      expect(Number(await pragma("busy_timeout"))).toBe(2000);
      expect(Number(await pragma("foreign_keys"))).toBe(1);
    },
  );
});
