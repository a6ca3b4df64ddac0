// What the process does when something escapes every handler. Everything Ramp must not lose is in
// the database before it is acknowledged or announced (inbox, outbox, jobs, each under a lease), so:
// - a rejected promise nobody awaited ends only the work it belonged to; its lease runs out and
//   that work is taken up again. Ramp logs it and keeps running, rather than crash-looping in a
//   crisis on one bad message that every restart would meet again;
// - an exception thrown out of a callback leaves the process in an unknown state: Ramp logs it,
//   closes the database and exits with 1 for its supervisor to restart it.
import type { Logger } from "./logging.ts";

/** How long closing may take after an uncaught exception before the process exits anyway. */
export const CLOSE_GRACE_MS = 5000;

export interface ProcessEvents {
  on(event: "unhandledRejection", listener: (reason: unknown) => void): unknown;
  on(event: "uncaughtException", listener: (error: Error) => void): unknown;
}

/**
 * @param shutdown closes Ramp and ends the process with the code given; called once at most
 * @param exit ends the process at once, for a shutdown that does not finish within the grace
 */
export function guardProcess(
  events: ProcessEvents,
  log: Logger,
  shutdown: (code: number) => Promise<void>,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  let rejections = 0;
  events.on("unhandledRejection", (reason) => {
    rejections += 1;
    log.error(
      { err: reason, unhandledRejections: rejections },
      "unhandled promise rejection: the work it belonged to is retried from the database; Ramp keeps running",
    );
  });
  let exiting = false;
  events.on("uncaughtException", (error) => {
    log.fatal({ err: error }, `uncaught exception, Ramp stops: ${error.message}`);
    if (exiting) return;
    exiting = true;
    setTimeout(() => exit(1), CLOSE_GRACE_MS).unref();
    shutdown(1).catch((closing: unknown) => {
      log.error({ err: closing }, "closing after an uncaught exception failed");
      exit(1);
    });
  });
}
