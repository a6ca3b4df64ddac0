// The error a bad configuration stops Ramp with, every problem named by its variable, and the
// message for a value the schema refused (secrets never shown).
import { z } from "zod";
import { TICK_SECONDS_TEXT } from "./env-schema.ts";

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}\n` +
        "See .env.example for every variable and its meaning.",
    );
    this.name = "ConfigError";
  }
}

export function describe(issue: z.ZodIssue, value: string | undefined): string {
  // Secrets are never echoed into logs.
  const secret = /TOKEN|SECRET|PASSWORD/.test(String(issue.path[0]));
  const shown = value === undefined || secret ? "" : ` (got "${value}")`;
  if (issue.code === z.ZodIssueCode.invalid_enum_value) {
    return `must be one of ${issue.options.join(", ")}${shown}`;
  }
  if (issue.path[0] === "PORT") return `must be a whole number between 1 and 65535${shown}`;
  if (issue.path[0] === "RAMP_TICK_SECONDS")
    return `must be one of ${TICK_SECONDS_TEXT} seconds${shown}`;
  return `${issue.message}${shown}`;
}
