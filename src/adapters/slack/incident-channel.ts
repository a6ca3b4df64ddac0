// The incident channel: the plan's fixed channel, or one created per incident
// (e.g. #ramp-2026-11-22-brand-in-het-administratief-centrum) with the crisis staff invited.
import type { WebClient } from "@slack/web-api";
import type { PlanDirectory } from "../../core/directory.ts";
import type { Incident } from "../../core/model.ts";
import { slackErrorCode } from "./errors.ts";

export function channelName(
  prefix: string,
  incident: Incident,
  timeZone: string,
  suffix = "",
): string {
  const date = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(incident.declaredAt);
  const slug = incident.description
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const base = `${prefix}-${date}-${slug}`.slice(0, 80 - suffix.length).replace(/-+$/, "");
  return `${base}${suffix}`;
}

/** Slack user ids of everyone who may be paged: holders and alternates of the crisis staff, and the leaders. */
export function crisisStaffSlackIds(dir: PlanDirectory): string[] {
  const ids = new Set<string>();
  const add = (personId: string) => {
    const slackId = dir.person(personId)?.slackUserId;
    if (slackId) ids.add(slackId);
  };
  for (const functionId of dir.plan.coordination.crisisStaff) {
    const fn = dir.fn(functionId);
    if (fn) [fn.holder, ...fn.alternates].forEach(add);
  }
  dir.leaders.forEach(add);
  return [...ids];
}

/** Creates the channel (or returns the plan's fixed one); the caller records it before inviting. */
export async function createIncidentChannel(
  client: WebClient,
  dir: PlanDirectory,
  incident: Incident,
): Promise<string> {
  const fixed = dir.plan.chat.slack.channel;
  if (fixed) return fixed;
  const prefix = dir.plan.chat.slack.channelPrefix;
  let channelId: string | undefined;
  for (const suffix of [
    "",
    `-${incident.number.split("-").at(-1)}`,
    `-${incident.id.slice(0, 6)}`,
  ]) {
    try {
      const created = await client.conversations.create({
        name: channelName(prefix, incident, dir.timeZone, suffix),
      });
      channelId = created.channel?.id;
      break;
    } catch (error) {
      if (slackErrorCode(error) !== "name_taken") throw error;
    }
  }
  if (!channelId) throw new Error(`no free channel name for incident ${incident.number}`);
  return channelId;
}

/** Invites the crisis staff; returns the Slack error code when Slack refused (logged by the caller). */
export async function inviteCrisisStaff(
  client: WebClient,
  dir: PlanDirectory,
  channelId: string,
): Promise<string | null> {
  const users = crisisStaffSlackIds(dir);
  if (users.length === 0) return null;
  try {
    await client.conversations.invite({ channel: channelId, users: users.join(","), force: true });
    return null;
  } catch (error) {
    return slackErrorCode(error) ?? String(error);
  }
}
