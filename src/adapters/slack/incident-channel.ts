// The incident channel: the plan's fixed channel, or one created per incident
// (e.g. #ramp-2026-11-22-brand-in-het-administratief-centrum) with the crisis staff invited.
import type { WebClient } from "@slack/web-api";
import type { ChatProblem } from "../../core/chat-problem.ts";
import type { PlanDirectory } from "../../core/directory.ts";
import type { Incident } from "../../core/model.ts";
import type { Logger } from "../../logging.ts";
import { channelFallbackProblem, slackReason } from "./channel-problems.ts";
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
  // An exercise's channel says so in its name and never looks like an incident's.
  const start = incident.exercise
    ? `oefening-${incident.number.toLowerCase()}`
    : `${prefix}-${date}`;
  const base = `${start}-${slug}`.slice(0, 80 - suffix.length).replace(/-+$/, "");
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

/** The incident's place in Slack, and what the coordinator must hear about it. */
export interface IncidentChannel {
  /** Null when Slack gave none and the plan names none (the incident is on the board only). */
  id: string | null;
  /** The channel's name, when Ramp created it. */
  name: string | null;
  /** Ramp created it, so it invites the crisis staff. */
  created: boolean;
  /** Not the channel the plan asks for: on the timeline and to the coordinator. */
  problem: ChatProblem | null;
}

/**
 * Refusals of conversations.create that no retry fixes: the app lacks the scope, the workspace
 * forbids apps to create channels, or no name is free. Anything else (rate limit, Slack down)
 * is thrown for the outbox to retry.
 */
const CANNOT_CREATE = new Set([
  "missing_scope",
  "restricted_action",
  "no_permission",
  "ekm_access_denied",
  "name_taken",
  "invalid_name",
  "invalid_name_specials",
  "invalid_name_maxlength",
  "invalid_name_punctuation",
  "invalid_name_required",
]);

/**
 * Creates the channel (or returns the plan's fixed one); the caller records it before inviting.
 * Private unless the plan says otherwise. An installation without groups:write gets a public
 * channel rather than none; one that may create no channel at all falls back to the plan's
 * chat.slack.fallbackChannel, else the coordinator's DM with Ramp. Either way the coordinator
 * is told (the returned problem). `attemptedAt`: an earlier attempt's outcome is unknown (a crash
 * or a timeout after the request left), so the channel it may have created is looked up by name
 * before creating another.
 */
export async function openIncidentChannel(
  client: WebClient,
  dir: PlanDirectory,
  incident: Incident,
  logger: Logger,
  attemptedAt: Date | null = null,
): Promise<IncidentChannel> {
  const { channel: fixed, private: wantPrivate } = dir.plan.chat.slack;
  if (fixed) return { id: fixed, name: null, created: false, problem: null };
  if (attemptedAt) {
    const names = channelSuffixes(incident).map((suffix) =>
      channelName(dir.plan.chat.slack.channelPrefix, incident, dir.timeZone, suffix),
    );
    const found = await findCreatedChannel(client, names, attemptedAt);
    if (found) {
      logger.info(
        { channel: found.id },
        "the incident channel an earlier attempt created was found",
      );
      // Still "created": the invitations may not have gone out before the crash.
      return { ...found, created: true, problem: null };
    }
  }
  let refusal: SlackRefusal;
  try {
    const made = await createFree(client, dir, incident, wantPrivate);
    return { ...made, created: true, problem: null };
  } catch (error) {
    refusal = refusalOf(error);
  }
  if (wantPrivate && refusal.code === "missing_scope") {
    logger.warn(
      { incident: incident.number },
      "Slack refused a private incident channel (missing groups:write): the channel is public; reinstall the app to grant the scope",
    );
    try {
      const made = await createFree(client, dir, incident, false);
      const reason = slackReason(refusal.code, refusal.needed);
      const place = { kind: "public", channel: made.id, name: made.name } as const;
      return {
        ...made,
        created: true,
        problem: channelFallbackProblem(true, refusal.code, reason, place),
      };
    } catch (error) {
      refusal = refusalOf(error);
    }
  }
  if (!CANNOT_CREATE.has(refusal.code)) throw refusal.error;
  logger.warn(
    { incident: incident.number, error: refusal.code },
    "Slack created no incident channel; following the incident in the fallback channel or the coordinator's DM",
  );
  const reason = slackReason(refusal.code, refusal.needed);
  const fallback = dir.plan.chat.slack.fallbackChannel;
  if (fallback) {
    const place = { kind: "plan-channel", channel: fallback } as const;
    const problem = channelFallbackProblem(wantPrivate, refusal.code, reason, place);
    return { id: fallback, name: null, created: false, problem };
  }
  const coordinator = dir.person(dir.plan.coordination.coordinator)?.slackUserId;
  if (coordinator) {
    const opened = await client.conversations.open({ users: coordinator });
    const id = opened.channel?.id;
    if (!id) throw new Error("Slack opened no DM with the coordinator");
    const place = { kind: "coordinator-dm", channel: id } as const;
    const problem = channelFallbackProblem(wantPrivate, refusal.code, reason, place);
    return { id, name: null, created: false, problem };
  }
  const problem = channelFallbackProblem(wantPrivate, refusal.code, reason, { kind: "none" });
  return { id: null, name: null, created: false, problem };
}

interface SlackRefusal {
  code: string;
  needed?: string;
  error: unknown;
}

function refusalOf(error: unknown): SlackRefusal {
  const needed = (error as { data?: { needed?: unknown } }).data?.needed;
  return {
    code: slackErrorCode(error) ?? "unreachable",
    ...(typeof needed === "string" ? { needed } : {}),
    error,
  };
}

/** The names tried in order: the plain one, then with the incident's number, then its id. */
function channelSuffixes(incident: Incident): string[] {
  return ["", `-${incident.number.split("-").at(-1)}`, `-${incident.id.slice(0, 6)}`];
}

/** Creates the channel under the first free name: the plain one, then with the incident's number. */
async function createFree(
  client: WebClient,
  dir: PlanDirectory,
  incident: Incident,
  isPrivate: boolean,
): Promise<{ id: string; name: string }> {
  const prefix = dir.plan.chat.slack.channelPrefix;
  let taken: unknown;
  for (const suffix of channelSuffixes(incident)) {
    const name = channelName(prefix, incident, dir.timeZone, suffix);
    try {
      const created = await client.conversations.create({ name, is_private: isPrivate });
      const id = created.channel?.id;
      if (!id) throw new Error(`Slack created no channel ${name}`);
      return { id, name };
    } catch (error) {
      if (slackErrorCode(error) !== "name_taken") throw error;
      taken = error;
    }
  }
  throw taken;
}

/** Slack refusals that mean "this person is already in": nothing to report. */
const ALREADY_IN = new Set(["already_in_channel", "cant_invite_self"]);

/**
 * Invites the crisis staff (with force: Slack adds everyone it can). Returns whom Slack did not
 * add and why: per user from the answer's `errors`, or everyone when the whole call failed.
 */
export async function inviteCrisisStaff(
  client: WebClient,
  dir: PlanDirectory,
  channelId: string,
): Promise<Array<{ user: string; error: string }>> {
  const users = crisisStaffSlackIds(dir);
  if (users.length === 0) return [];
  try {
    await client.conversations.invite({ channel: channelId, users: users.join(","), force: true });
    return [];
  } catch (error) {
    const data = (error as { data?: { errors?: Array<{ user?: string; error?: string }> } }).data;
    const perUser = (data?.errors ?? []).filter((e): e is { user: string; error: string } =>
      Boolean(e.user && e.error),
    );
    if (perUser.length > 0) return perUser.filter((e) => !ALREADY_IN.has(e.error));
    const code = refusalOf(error).code;
    if (ALREADY_IN.has(code)) return [];
    return users.map((user) => ({ user, error: code }));
  }
}
