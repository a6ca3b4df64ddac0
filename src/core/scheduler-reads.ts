// A chunk of one incident's jobs (core/scheduler.ts) reads the tasks and services its reminders
// and escalations are about: one query for all of the incident's, not one per job (on
// PostgreSQL each is a round trip, a few ms on a busy server; 50 of them were half a chunk).
import type { Job } from "./model.ts";
import type { Repositories } from "./ports.ts";

/** The transaction's repositories, with `tasks.get` and `services.get` answered from one read. */
export async function readSubjectsOnce(
  tx: Repositories,
  incidentId: string,
  jobs: Job[],
): Promise<Repositories> {
  const about = (prefix: string) => jobs.filter((job) => job.kind.startsWith(prefix)).length > 1;
  return {
    ...tx,
    tasks: about("task-")
      ? readOnce(tx.tasks, await tx.tasks.listForIncident(incidentId))
      : tx.tasks,
    services: about("service-")
      ? readOnce(tx.services, await tx.services.listForIncident(incidentId))
      : tx.services,
  };
}

/**
 * `repo` with `get` answered from `rows` (a copy each time) until any other method is called:
 * a write, or a read that may see one, and the rows read earlier may be stale, so from then on
 * every call goes to the database.
 */
function readOnce<T extends { id: string }, R extends { get(id: string): Promise<T | null> }>(
  repo: R,
  rows: T[],
): R {
  let known: Map<string, T> | null = new Map(rows.map((row) => [row.id, row]));
  return new Proxy(repo, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (property === "get")
        return (id: string) => {
          const row = known?.get(id);
          return row ? Promise.resolve({ ...row }) : target.get(id);
        };
      return (...args: unknown[]) => {
        known = null;
        return value.apply(target, args);
      };
    },
  });
}
