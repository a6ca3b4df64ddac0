// One structured logger (pino, JSON lines) for the whole process.
import { pino } from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: "ramp" }, timestamp: pino.stdTimeFunctions.isoTime });
}
