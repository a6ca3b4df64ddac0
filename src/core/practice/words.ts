// Words for reachability tests and the practice schedule, in the plan's language.
import type { PlanDirectory } from "../directory.ts";
import type { Source } from "../model.ts";
import type { PracticeRole } from "./model.ts";
import type { Undelivered } from "./result.ts";

const CHANNELS: Record<string, { nl: string; en: string }> = {
  slack: { nl: "Slack", en: "Slack" },
  teams: { nl: "Teams", en: "Teams" },
  sms: { nl: "sms", en: "SMS" },
  web: { nl: "crisisbord", en: "crisis board" },
  cli: { nl: "opdrachtregel", en: "command line" },
  system: { nl: "Ramp", en: "Ramp" },
};

export function channelName(channel: string | Source, nl: boolean): string {
  const words = CHANNELS[channel];
  return words ? (nl ? words.nl : words.en) : channel;
}

const REASONS: Record<Undelivered, { nl: string; en: string }> = {
  "no-slack-id": { nl: "geen Slack-id in het plan", en: "no Slack id in the plan" },
  "no-teams-id": { nl: "geen Teams-identiteit in het plan", en: "no Teams identity in the plan" },
  "no-mobile": { nl: "geen gsm-nummer in het plan", en: "no mobile number in the plan" },
  "teams-not-installed": {
    nl: "Ramp is niet geïnstalleerd in Teams (geen gesprek)",
    en: "Ramp is not installed in Teams (no conversation)",
  },
  "sms-refused": {
    nl: "nummer geweigerd door de sms-dienst",
    en: "number refused by the SMS gateway",
  },
  "platform-error": { nl: "fout van het platform", en: "platform error" },
  pending: { nl: "nog niet afgeleverd", en: "not delivered yet" },
};

export function reasonText(reason: Undelivered, nl: boolean): string {
  return nl ? REASONS[reason].nl : REASONS[reason].en;
}

export function roleText(dir: PlanDirectory, role: PracticeRole, nl: boolean): string {
  switch (role.role) {
    case "coordinator":
      return nl ? "coördinator" : "coordinator";
    case "deputy":
      return nl ? "plaatsvervanger" : "deputy";
    case "holder":
      return dir.functionName(role.functionId);
    case "alternate":
      return nl
        ? `${dir.functionName(role.functionId)} (vervanger ${role.rank})`
        : `${dir.functionName(role.functionId)} (alternate ${role.rank})`;
  }
}

export const TEST_MARK = { nl: "TEST — er is geen incident", en: "TEST — there is no incident" };
export const RECEIVED = { nl: "Ontvangen", en: "Received" };
