// What to tell the coordinator (and write on the timeline) when Slack would not give an incident
// its own channel, or would not add someone to it: Slack's reason in words a civil servant can
// act on, in Dutch and English (the core picks the plan's language).
import type { ChatProblem } from "../../core/chat-problem.ts";
import type { PlanDirectory } from "../../core/directory.ts";

type Say = { nl: string; en: string };

const REINSTALL = {
  nl: "installeer de app opnieuw (Install App → Reinstall to Workspace) om ze te geven",
  en: "reinstall the app (Install App → Reinstall to Workspace) to grant it",
};

/** Why Slack refused, from its error code (and the scope it needed, for missing_scope). */
export function slackReason(code: string, needed?: string): Say {
  switch (code) {
    case "missing_scope":
      return {
        nl: `de app mist de toestemming ${needed ?? "?"}; ${REINSTALL.nl}`,
        en: `the app lacks the scope ${needed ?? "?"}; ${REINSTALL.en}`,
      };
    case "restricted_action":
    case "no_permission":
    case "ekm_access_denied":
      return {
        nl: "de beheerder van de werkruimte laat apps dat niet toe",
        en: "the workspace's administrator does not allow apps to do that",
      };
    case "user_not_found":
      return {
        nl: "onbekend in Slack (verkeerde slackUserId in het plan, of het account is verwijderd)",
        en: "unknown to Slack (a wrong slackUserId in the plan, or the account was removed)",
      };
    case "cant_invite":
      return {
        nl: "Slack laat niet toe deze persoon uit te nodigen (bv. iemand van een andere organisatie)",
        en: "Slack does not allow inviting this person (e.g. someone from another organisation)",
      };
    case "user_is_restricted":
      return {
        nl: "gastaccount: alleen een beheerder kan een gast in een kanaal zetten",
        en: "a guest account: only an administrator can add a guest to a channel",
      };
    case "user_is_ultra_restricted":
    case "ura_max_channels":
      return {
        nl: "gast met toegang tot één kanaal",
        en: "a single-channel guest",
      };
    case "user_disabled":
    case "account_inactive":
      return { nl: "het account is gedeactiveerd", en: "the account is deactivated" };
    case "not_in_channel":
    case "channel_not_found":
      return {
        nl: "Ramp is zelf geen lid van het kanaal",
        en: "Ramp itself is not a member of the channel",
      };
    case "ratelimited":
    case "unreachable":
      return {
        nl: "Slack was niet bereikbaar of te druk",
        en: "Slack was unreachable or too busy",
      };
    default:
      return { nl: `Slack antwoordde ${code}`, en: `Slack answered ${code}` };
  }
}

/** Where the incident went instead of a channel of its own. */
export type FallbackPlace =
  | { kind: "public"; channel: string; name: string }
  | { kind: "plan-channel"; channel: string }
  | { kind: "coordinator-dm"; channel: string }
  | { kind: "none" };

/** The incident could not get the channel the plan asks for (`code`: Slack's refusal). */
export function channelFallbackProblem(
  wantedPrivate: boolean,
  code: string,
  reason: Say,
  place: FallbackPlace,
): ChatProblem {
  const where: Say =
    place.kind === "public"
      ? {
          nl: `het incidentkanaal #${place.name} is OPENBAAR: iedereen in de werkruimte kan het lezen`,
          en: `the incident channel #${place.name} is PUBLIC: everyone in the workspace can read it`,
        }
      : place.kind === "plan-channel"
        ? {
            nl: `het incident wordt gevolgd in het uitwijkkanaal van het plan (kanaal-id ${place.channel})`,
            en: `the incident is followed in the plan's fallback channel (channel id ${place.channel})`,
          }
        : place.kind === "coordinator-dm"
          ? {
              nl: "de kaarten van het incident komen in uw persoonlijke berichten met Ramp; breng de crisisstaf samen in een kanaal naar keuze of volg het crisisbord",
              en: "the incident's cards come in your direct messages with Ramp; gather the crisis staff in a channel of your choice or follow the crisis board",
            }
          : {
              nl: "het incident heeft geen Slack-kanaal; volg het op het crisisbord",
              en: "the incident has no Slack channel; follow it on the crisis board",
            };
  const kind = wantedPrivate
    ? { nl: "privékanaal", en: "private channel" }
    : { nl: "kanaal", en: "channel" };
  return {
    platform: "slack",
    kind: "channel-fallback",
    nl: `Slack maakte geen ${kind.nl} voor het incident (${reason.nl}): ${where.nl}.`,
    en: `Slack created no ${kind.en} for the incident (${reason.en}): ${where.en}.`,
    details: {
      error: code,
      fallback: place.kind,
      ...("channel" in place ? { channel: place.channel } : {}),
    },
  };
}

/** People Slack would not add to the incident channel, each with Slack's reason. */
export function notInvitedProblem(
  dir: PlanDirectory,
  channel: { id: string; name: string },
  refused: Array<{ user: string; error: string }>,
): ChatProblem {
  const who = (lang: keyof Say) =>
    refused
      .map(({ user, error }) => {
        const person = dir.personBySlackId(user);
        return `${person?.name ?? user} — ${slackReason(error)[lang]}`;
      })
      .join("; ");
  const n = refused.length;
  return {
    platform: "slack",
    kind: "not-invited",
    nl: `Niet in het incidentkanaal #${channel.name}: ${who("nl")}. ${n === 1 ? "Nodig deze persoon" : "Nodig hen"} zelf uit in Slack of verwittig ${n === 1 ? "hem of haar" : "hen"} op een andere manier.`,
    en: `Not in the incident channel #${channel.name}: ${who("en")}. Invite ${n === 1 ? "this person" : "them"} in Slack yourself or reach them another way.`,
    details: {
      channel: channel.id,
      people: refused.map(({ user, error }) => ({
        slackUserId: user,
        personId: dir.personBySlackId(user)?.id ?? null,
        error,
      })),
    },
  };
}
