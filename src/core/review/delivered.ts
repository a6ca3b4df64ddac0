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
  /** Texts the gateway took, and how many of them the phone confirmed; null without receipts. */
  sms: { sent: number; onPhone: number } | null;
}

const PLATFORMS: Record<string, string> = {
  slack: "Slack",
  teams: "Microsoft Teams",
  web: "web",
  sms: "sms",
};

export const platformName = (channel: string): string => PLATFORMS[channel] ?? channel;

/** The SMS provider confirmed that the recipient's phone got it (a delivery receipt). */
export const onPhone = (item: OutboxItem): boolean => Boolean(item.outcome?.handsetAt);

/** `smsReceipts`: the SMS provider confirms texts on the phone, so texts are counted apart. */
export function reachOf(
  items: OutboxItem[],
  dir: PlanDirectory,
  say: Say,
  smsReceipts = false,
): Reach {
  const texts = items.filter((item) => item.channel === "sms");
  const reach: Reach = {
    queued: items.length,
    sent: 0,
    lastSentAt: null,
    failed: [],
    waiting: [],
    sms:
      smsReceipts && texts.length > 0
        ? {
            sent: texts.filter((item) => item.outcome?.status === "sent" || onPhone(item)).length,
            onPhone: texts.filter(onPhone).length,
          }
        : null,
  };
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
  const sms = smsOnPhone(reach, say);
  if (reach.failed.length === 0 && reach.waiting.length === 0) {
    const delay = reach.lastSentAt ? reach.lastSentAt.getTime() - queuedAt.getTime() : 0;
    // A minute or more means the platform was slow or down: worth knowing afterwards.
    const notes = [
      ...(delay >= 60_000 ? [say(`na ${span(delay)}`, `after ${span(delay)}`)] : []),
      ...(sms ? [sms] : []),
    ];
    return notes.length > 0
      ? say(`ja (${notes.join("; ")})`, `yes (${notes.join("; ")})`)
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
  if (sms) parts.push(sms);
  return parts.join("; ");
}

/** "sms aangekomen op de gsm", "sms: 2 van 3 aangekomen op de gsm"; null without receipts. */
function smsOnPhone(reach: Reach, say: Say): string | null {
  const sms = reach.sms;
  if (!sms || sms.sent === 0) return null;
  if (sms.sent === 1)
    return sms.onPhone === 1
      ? say("sms aangekomen op de gsm", "SMS reached the phone")
      : say("sms enkel aanvaard door de gateway", "SMS only accepted by the gateway");
  return say(
    `sms: ${sms.onPhone} van ${sms.sent} aangekomen op de gsm`,
    `SMS: ${sms.onPhone} of ${sms.sent} reached the phone`,
  );
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
