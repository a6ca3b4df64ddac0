// The incident channel: the plan's fixed channel, or one created per incident
// (e.g. #ramp-2026-11-22-brand-in-het-administratief-centrum) with the crisis staff invited.
import type { WebClient } from "@slack/web-api";
import type { PlanDirectory } from "../../core/directory.ts";
import type { Incident } from "../../core/model.ts";
import type { Logger } from "../../logging.ts";
import { slackErrorCode } from "./errors.ts";
import { findCreatedChannel } from "./reconcile.ts";

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

/**
 * Creates the channel (or returns the plan's fixed one); the caller records it before inviting.
 * Private unless the plan says otherwise; an installation from before Ramp asked for
 * groups:write cannot create one, and gets a public channel rather than no channel at all.
 * `attemptedAt`: an earlier attempt's outcome is unknown (a crash or a timeout after the request
 * left), so the channel it may have created is looked up by name before creating another.
 */
export async function createIncidentChannel(
  client: WebClient,
  dir: PlanDirectory,
  incident: Incident,
  logger: Logger,
  attemptedAt: Date | null = null,
): Promise<string> {
  const { channel: fixed, channelPrefix: prefix, private: wantPrivate } = dir.plan.chat.slack;
  if (fixed) return fixed;
  const suffixes = ["", `-${incident.number.split("-").at(-1)}`, `-${incident.id.slice(0, 6)}`];
  if (attemptedAt) {
    const names = suffixes.map((suffix) => channelName(prefix, incident, dir.timeZone, suffix));
    const found = await findCreatedChannel(client, names, attemptedAt);
    if (found) {
      logger.info({ channel: found }, "the incident channel an earlier attempt created was found");
      return found;
    }
  }
  let isPrivate = wantPrivate;
  const createNamed = async (name: string): Promise<string> => {
    try {
      return await create(client, name, isPrivate);
    } catch (error) {
      if (!isPrivate || slackErrorCode(error) !== "missing_scope") throw error;
      logger.warn(
        { channel: name },
        "Slack refused a private incident channel (missing groups:write): the channel is public; reinstall the app to grant the scope",
      );
      isPrivate = false;
      return create(client, name, false);
    }
  };
  for (const suffix of suffixes) {
    try {
      return await createNamed(channelName(prefix, incident, dir.timeZone, suffix));
    } catch (error) {
      if (slackErrorCode(error) !== "name_taken") throw error;
    }
  }
  throw new Error(`no free channel name for incident ${incident.number}`);
}

async function create(client: WebClient, name: string, isPrivate: boolean): Promise<string> {
  const created = await client.conversations.create({ name, is_private: isPrivate });
  const id = created.channel?.id;
  if (!id) throw new Error(`Slack created no channel ${name}`);
  return id;
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
