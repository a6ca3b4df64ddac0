// Who a reachability test reaches out to: everyone the plan may ever page (the coordinator, the
// deputies, every crisis-staff holder and alternate), once per person, on every channel Ramp has.
import type { Person } from "../../plan/schema.ts";
import type { PlanDirectory } from "../directory.ts";
import type { MissingAddress, PracticeRole, RecipientChannel } from "./model.ts";

export interface PlannedRecipient {
  personId: string;
  roles: PracticeRole[];
}

export function pageablePeople(dir: PlanDirectory): PlannedRecipient[] {
  const byPerson = new Map<string, PracticeRole[]>();
  const add = (personId: string, role: PracticeRole) => {
    const roles = byPerson.get(personId) ?? [];
    roles.push(role);
    byPerson.set(personId, roles);
  };
  const { coordination } = dir.plan;
  add(coordination.coordinator, { role: "coordinator", rank: 0 });
  coordination.deputies.forEach((id, i) => {
    add(id, { role: "deputy", rank: i + 1 });
  });
  for (const functionId of coordination.crisisStaff) {
    const fn = dir.fn(functionId);
    if (!fn) continue;
    add(fn.holder, { role: "holder", functionId, rank: 0 });
    fn.alternates.forEach((id, i) => {
      add(id, { role: "alternate", functionId, rank: i + 1 });
    });
  }
  return [...byPerson].map(([personId, roles]) => ({ personId, roles }));
}

/** Each channel in use, and for the chat apps and SMS whether the plan gives an address there. */
export function channelsFor(channels: string[], person: Person | undefined): RecipientChannel[] {
  return channels.map((channel) => ({ channel, missing: missingAddress(channel, person) }));
}

function missingAddress(channel: string, person: Person | undefined): MissingAddress | null {
  if (channel === "slack" && !person?.slackUserId) return "no-slack-id";
  if (channel === "teams" && !person?.teamsUserId) return "no-teams-id";
  if (channel === "sms" && !person?.mobile) return "no-mobile";
  return null;
}
