// `ramp` command line: tools for the people who maintain the plan and run Ramp.
import type { Writable } from "node:stream";
import { checkPlanCommand } from "./plan-check.ts";

const USAGE = `Gebruik / usage:
  ramp plan check [bestand] [--lang nl|en]   controleer een crisisplan / check a crisis plan
  ramp help                                   deze hulp / this help

Zonder bestand: RAMP_PLAN, anders het voorbeeldplan plans/ocmw-zonnebeke.yaml.
Without a file: RAMP_PLAN, else the sample plan plans/ocmw-zonnebeke.yaml.`;

export async function runCli(argv: string[], out: Writable, err: Writable): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === undefined || group === "help" || group === "--help" || group === "-h") {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (group === "plan" && command === "check") return checkPlanCommand(rest, out, err);
  err.write(`Onbekend commando / unknown command: ${argv.join(" ")}\n\n${USAGE}\n`);
  return 2;
}
