// Composition root: reads the environment once, starts Ramp, stops it cleanly on a signal.
import { existsSync } from "node:fs";
import { startRamp } from "./app.ts";
import { ConfigError, readConfig } from "./config/env.ts";
import { createLogger } from "./logging.ts";
import { guardProcess } from "./process-guards.ts";

if (existsSync(".env")) process.loadEnvFile(".env");

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const logger = createLogger(config.logLevel);
// Listening for signals before starting: /healthz answers as soon as Ramp listens, which is
// before start-up has finished (the practice schedule, the scheduler), and a stop asked for
// then must still close the database cleanly rather than kill the process mid-write.
let starting: ReturnType<typeof startRamp> | null = null;
let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  const ramp = await starting?.catch(() => null);
  await ramp?.close();
  process.exit(code);
};
const stop = (signal: string) => {
  logger.info({ signal }, "stopping");
  void shutdown(0);
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
guardProcess(process, logger, shutdown);
try {
  // RAMP_FAILPOINTS: test-only fault injection for the crash tests (src/failpoints.ts).
  const failpoints = process.env.RAMP_FAILPOINTS;
  starting = startRamp(config, logger, failpoints ? { failpoints } : {});
  await starting;
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  process.stderr.write(`\n${(error as Error).message}\n`);
  process.exit(1);
}
