// `ramp` command line: tools for the people who maintain the plan and run Ramp.
import type { Writable } from "node:stream";
import { planAmendmentsCommand } from "./plan-amendments.ts";
import { checkPlanCommand } from "./plan-check.ts";
import { planDocumentCommand } from "./plan-document.ts";
import { reviewCommand } from "./review.ts";

const USAGE = `Gebruik / usage:
  ramp plan check [bestand] [--lang nl|en]   controleer een crisisplan / check a crisis plan
  ramp plan document [bestand] [--format md|html|docx] [--holder <persoon-id>] [--out bestand]
                                              het plan als document, het exemplaar van een houder
                                              / the plan as a document, one holder's copy
  ramp plan card [bestand] [--format md|html|docx] [--holder <persoon-id>] [--out bestand]
                                              de zakkaart van één pagina / the one-page crisis card
  ramp plan amendments [--plan bestand] [--dismiss <id>]
                                              voorgestelde wijzigingen van het plan als diff
                                              / proposed plan amendments as a diff
  ramp review <incident> [--format md|html|docx] [--out bestand]
                                              post-incident review van een incident (id of nummer)
                                              / post-incident review of an incident (id or number)
  ramp help                                   deze hulp / this help

Zonder bestand: RAMP_PLAN, anders het voorbeeldplan plans/ocmw-zonnebeke.yaml.
Without a file: RAMP_PLAN, else the sample plan plans/ocmw-zonnebeke.yaml.
review leest DATABASE_URL (standaard file:./data/ramp.db); md en html zonder --out naar stdout.
review reads DATABASE_URL (default file:./data/ramp.db); md and html go to stdout without --out.`;

export async function runCli(argv: string[], out: Writable, err: Writable): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === undefined || group === "help" || group === "--help" || group === "-h") {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (group === "plan" && command === "check") return checkPlanCommand(rest, out, err);
  if (group === "plan" && command === "document")
    return planDocumentCommand("plan", rest, out, err);
  if (group === "plan" && command === "card") return planDocumentCommand("card", rest, out, err);
  if (group === "plan" && command === "amendments") return planAmendmentsCommand(rest, out, err);
  if (group === "review") return reviewCommand(argv.slice(1), out, err);
  err.write(`Onbekend commando / unknown command: ${argv.join(" ")}\n\n${USAGE}\n`);
  return 2;
}
