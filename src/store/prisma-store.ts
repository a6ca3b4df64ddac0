// The core's Store on Prisma: repositories bound to the client, or to one transaction.
import { ConflictError, type Repositories, type Store } from "../core/ports.ts";
import type { PrismaClient } from "./generated/sqlite/client.ts";
import { PrismaAmendments } from "./repositories/amendments.ts";
import type { LeaseEnds } from "./repositories/client.ts";
import { isUniqueViolation, type Tx } from "./repositories/client.ts";
import { PrismaContactChecks } from "./repositories/contact-checks.ts";
import { PrismaDecisions } from "./repositories/decisions.ts";
import { PrismaInbox } from "./repositories/inbox.ts";
import { PrismaIncidents } from "./repositories/incidents.ts";
import { PrismaJobs } from "./repositories/jobs.ts";
import { PrismaOutbox } from "./repositories/outbox.ts";
import { PrismaPages } from "./repositories/pages.ts";
import { PrismaPlanCopies } from "./repositories/plan-copies.ts";
import { PrismaReachability } from "./repositories/reachability.ts";
import { PrismaReports } from "./repositories/reports.ts";
import { PrismaServices } from "./repositories/services.ts";
import { PrismaSms } from "./repositories/sms.ts";
import { PrismaTasks } from "./repositories/tasks.ts";
import { PrismaTimeline } from "./repositories/timeline.ts";

function repositories(db: Tx, leaseEnds: LeaseEnds): Repositories {
  return {
    incidents: new PrismaIncidents(db),
    reports: new PrismaReports(db),
    pages: new PrismaPages(db),
    decisions: new PrismaDecisions(db),
    tasks: new PrismaTasks(db),
    services: new PrismaServices(db),
    jobs: new PrismaJobs(db, leaseEnds),
    outbox: new PrismaOutbox(db),
    timeline: new PrismaTimeline(db),
    planCopies: new PrismaPlanCopies(db),
    contactChecks: new PrismaContactChecks(db),
    amendments: new PrismaAmendments(db),
    reachability: new PrismaReachability(db),
    inbox: new PrismaInbox(db),
    sms: new PrismaSms(db),
  };
}

export function createPrismaStore(client: PrismaClient): Store {
  // Per store, so two databases opened in one process (tests) never shift each other's leases.
  const leaseEnds: LeaseEnds = new Map();
  return {
    ...repositories(client, leaseEnds),
    async transaction(work) {
      try {
        // Generous limits: commands on one incident queue behind its lock.
        return await client.$transaction((tx) => work(repositories(tx, leaseEnds)), {
          maxWait: 30_000,
          timeout: 60_000,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError((error as Error).message);
        throw error;
      }
    },
  };
}
