// Whether Ramp's messages reached their recipients: the outbox keeps, per channel and recipient,
// whether the platform took the message, is still being retried, or refused it for good. A
// review that only counted what Ramp queued would hide the page that never arrived.
import type { PlanDirectory } from "../directory.ts";
import type { OutboxItem } from "../model.ts";
import type { Say } from "./format.ts";

export interface Reach {
  /** Deliveries Ramp queued; none when the person has no account on any platform in use. */
  queued: number;
  sent: number;
  /** When the last recipient got it. */
  lastSentAt: Date | null;
  /** Given up: the platform refused it for good, or kept refusing it for a day. */
  failed: Array<{ to: string; platform: string; error: string | null }>;
  /** Queued or being retried when the review was drafted. */
  waiting: Array<{ to: string; platform: string; error: string | null }>;
}

const PLATFORMS: Record<string, string> = {
  slack: "Slack",
  teams: "Microsoft Teams",
  web: "web",
  sms: "sms",
};

export const platformName = (channel: string): string => PLATFORMS[channel] ?? channel;

export function reachOf(items: OutboxItem[], dir: PlanDirectory, say: Say): Reach {
  const reach: Reach = { queued: items.length, sent: 0, lastSentAt: null, failed: [], waiting: [] };
  for (const item of items) {
    const outcome = item.outcome;
    if (outcome?.status === "sent") {
      reach.sent += 1;
      const at = outcome.sentAt ?? item.createdAt;
      if (!reach.lastSentAt || at > reach.lastSentAt) reach.lastSentAt = at;
      continue;
    }
    const to =
      item.audience.kind === "person"
        ? dir.name(item.audience.personId)
        : say("het incidentkanaal", "the incident channel");
    const miss = { to, platform: platformName(item.channel), error: outcome?.lastError ?? null };
    if (outcome?.status === "dead") reach.failed.push(miss);
    else reach.waiting.push(miss);
  }
  return reach;
}

/**
 * "ja", "ja (na 4 min)", "niet aan Johan Maes via Microsoft Teams (…)", "nog niet aan Bart
 * Lannoo en het incidentkanaal via Slack (…)", or "—" for what people logged themselves.
 */
export function reachText(
  reach: Reach | null,
  queuedAt: Date,
  say: Say,
  span: (ms: number) => string,
): string {
  if (!reach) return "—";
  if (reach.queued === 0)
    return say(
      "niet verstuurd (geen account of gsm-nummer voor de gebruikte kanalen)",
      "not sent (no account or mobile number for the channels in use)",
    );
  if (reach.failed.length === 0 && reach.waiting.length === 0) {
    const delay = reach.lastSentAt ? reach.lastSentAt.getTime() - queuedAt.getTime() : 0;
    // A minute or more means the platform was slow or down: worth knowing afterwards.
    return delay >= 60_000
      ? say(`ja (na ${span(delay)})`, `yes (after ${span(delay)})`)
      : say("ja", "yes");
  }
  const parts: string[] = [];
  if (reach.failed.length > 0)
    parts.push(say(`niet aan ${misses(reach.failed, say)}`, `not to ${misses(reach.failed, say)}`));
  if (reach.waiting.length > 0)
    parts.push(
      say(`nog niet aan ${misses(reach.waiting, say)}`, `not yet to ${misses(reach.waiting, say)}`),
    );
  if (reach.sent > 0)
    parts.push(say(`wel ${reach.sent} andere afleveringen`, `${reach.sent} other deliveries made`));
  return parts.join("; ");
}

/** Recipients grouped by platform and reason: "Bart Lannoo en het incidentkanaal via Slack (…)". */
function misses(list: Reach["failed"], say: Say): string {
  const groups = new Map<string, { to: string[]; platform: string; error: string | null }>();
  for (const miss of list) {
    const key = `${miss.platform}|${miss.error ?? ""}`;
    const group = groups.get(key) ?? { to: [], platform: miss.platform, error: miss.error };
    group.to.push(miss.to);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => {
      const to =
        g.to.length > 1
          ? `${g.to.slice(0, -1).join(", ")}${say(" en ", " and ")}${g.to.at(-1)}`
          : g.to[0];
      const why = g.error ? ` (${g.error.slice(0, 120)})` : "";
      return `${to} ${say("via", "through")} ${g.platform}${why}`;
    })
    .join("; ");
}
