// Which inbox row the command now running came from. The row is marked processed inside the
// transaction of the state change it causes (run.ts, declare.ts, report.ts call
// completeInboxIn), so a crash before the commit leaves it to be processed again and a crash
// after it leaves it done: either way the change happens once. Carried in an AsyncLocalStorage
// so that no engine command needs an extra parameter for it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Repositories } from "./ports.ts";

interface InboxScope {
  id: string;
  /** A transaction of this command already marked the row (a later one must not try again). */
  completed: boolean;
  /** Called after the transaction that marked the row committed (a test's failpoint). */
  afterCommit?: () => void;
}

const current = new AsyncLocalStorage<InboxScope>();

/** Someone else (another replica, or an earlier run) already processed this row: roll back. */
export class InboxAlreadyProcessed extends Error {
  override name = "InboxAlreadyProcessed";
  constructor(readonly inboxId: string) {
    super(`inbox item ${inboxId} was already processed`);
  }
}

export function inInboxScope<T>(scope: InboxScope, run: () => Promise<T>): Promise<T> {
  return current.run(scope, run);
}

/**
 * Inside a transaction that changes state: marks the inbox row of the running command processed,
 * conditionally; when it already was, throws InboxAlreadyProcessed so the whole change rolls back.
 */
export async function completeInboxIn(tx: Repositories, now: Date): Promise<void> {
  const scope = current.getStore();
  if (!scope || scope.completed) return;
  if (!(await tx.inbox.complete(scope.id, now))) throw new InboxAlreadyProcessed(scope.id);
  scope.completed = true;
}

/** After the commit of a transaction that may have marked the row. */
export function inboxCommitted(): void {
  const scope = current.getStore();
  if (scope?.completed && scope.afterCommit) {
    const hook = scope.afterCommit;
    delete scope.afterCommit;
    hook();
  }
}
