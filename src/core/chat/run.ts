// Runs a typed chat command for a person and answers with a platform-neutral reply,
// so Slack, Teams and the local chat only parse their transport and render the reply.
import type { Actor } from "../actor.ts";
import { splitLocationAndReason } from "../decision-location.ts";
import type { CrisisEngine } from "../engine.ts";
import { type ErrorView, RampError } from "../errors.ts";
import { LOG_TAGS, type Meeting } from "../model.ts";
import { buildReview } from "../review/build.ts";
import { requireLeader } from "../run.ts";
import { formatDateTime } from "../time.ts";
import { incidentName } from "../views/exercise-words.ts";
import { Labels } from "../views/labels.ts";
import { type MeetingOption, meetingOptions, meetingPlace } from "../views/meeting.ts";
import { type PersonalPart, phonesToCall, withoutPhones } from "../views/personal.ts";
import { amount } from "../views/plural.ts";
import type { ReadinessView } from "../views/readiness/model.ts";
import type { IncidentCardView, StatusView, TaskGroup } from "../views/types.ts";
import { closeWithOpenWorkText, decisionChangeText } from "./confirm.ts";
import { declaredReply } from "./declared.ts";
import { exerciseReply } from "./exercise.ts";
import { helpText } from "./help.ts";
import type { ChatCommand } from "./parse.ts";
import { readinessReply } from "./readiness.ts";
import { testReply } from "./test.ts";

export type { PersonalPart } from "../views/personal.ts";

/**
 * The answer to a command. Its body may be read by everyone in the conversation; `personal` holds
 * what only the person who asked may read (their sign-in link, phone numbers to call). An adapter
 * shows it only in a private answer; in a conversation others read, it sends it privately or
 * leaves it out and says how to get it (see chat/personal.ts).
 */
export type ChatReply = ChatReplyBody & { personal?: PersonalPart };

type ChatReplyBody =
  /** `start` without details: the adapter asks for them in a form. */
  | {
      kind: "start-form";
      /** The latest staff report not yet taken up, to start from (the form's description). */
      description?: string;
      /** The plan's two meeting addresses to choose from, and the one preselected. */
      meetings: MeetingOption[];
      meeting: Meeting;
    }
  | { kind: "declared"; incident: IncidentCardView; text: string }
  | { kind: "status"; view: StatusView }
  | { kind: "tasks"; title: string; groups: TaskGroup[] }
  /** `gereed`: the readiness view without numbers; the numbers to call are the personal part. */
  | { kind: "readiness"; view: ReadinessView }
  /** `bord`: where the crisis board is; a personal sign-in link is the reply's personal part. */
  | { kind: "board"; text: string; url: string | null }
  /** A short confirmation, only for the person who typed the command. */
  | { kind: "text"; text: string }
  | { kind: "help"; text: string; error?: ErrorView }
  | { kind: "error"; error: ErrorView };

export async function runChatCommand(
  engine: CrisisEngine,
  actor: Actor,
  command: ChatCommand,
  prefix: string,
): Promise<ChatReply> {
  const locale = engine.directory.locale;
  const nl = locale === "nl";
  try {
    switch (command.kind) {
      case "help":
        // A bare `/ramp` from the coordinator or a deputy while no incident is active is an
        // incident to declare: the form. Anyone else, or during an incident: the help.
        if (
          command.bare &&
          engine.directory.isLeader(actor.personId) &&
          (await engine.activeIncidents()).length === 0
        )
          return await startForm(engine, "primary");
        return { kind: "help", text: helpText(locale, prefix) };
      case "board":
        return boardReply(engine, actor);
      case "review":
        return await reviewReply(engine, actor, command.incident);
      case "report":
        return await reportReply(engine, actor, command.text);
      case "test":
        return await testReply(engine, actor, command.stop);
      case "readiness":
        return await readinessReply(engine, actor);
      case "exercise":
        return await exerciseReply(engine, actor, command, prefix);
      case "invalid":
        return {
          kind: "help",
          text: helpText(locale, prefix),
          error: invalidCommand(command, prefix),
        };
      case "start": {
        if (!command.classification || !command.description) {
          // Refused before the form, not after someone filled it in.
          requireLeader(engine.ctx, actor, {
            nl: "een incident starten",
            en: "declare an incident",
          });
          return await startForm(engine, command.meeting ?? "primary");
        }
        const incident = await engine.declare(actor, {
          classification: command.classification,
          ...(command.scope ? { scope: command.scope } : {}),
          description: command.description,
          ...(command.meeting ? { meeting: command.meeting } : {}),
        });
        return await declaredReply(engine, incident.id, prefix);
      }
      case "meeting": {
        const incident = await engine.resolveIncident();
        const changed = await engine.changeMeeting(
          actor,
          incident.id,
          command.meeting,
          command.reason,
        );
        const place = meetingPlace(engine.directory, changed.meeting);
        const by = changed.arriveBy
          ? formatDateTime(changed.arriveBy, locale, engine.directory.timeZone)
          : "";
        return {
          kind: "text",
          text: nl
            ? `Contactadres gewijzigd: ${place}, aanwezig tegen ${by}. Wie opgeroepen is en niet afzegde, krijgt het nieuwe adres.`
            : `Meeting address changed: ${place}, arrive by ${by}. Everyone paged who has not declined gets the new address.`,
        };
      }
      case "status": {
        const incident = await engine.resolveIncident(command.incident);
        return await statusReply(engine, incident.id);
      }
      case "tasks": {
        const incident = await engine.resolveIncident();
        if (!incident.situation) throw new RampError("no-decision");
        let groups = await engine.views.tasks(incident.id);
        if (command.mine) {
          groups = groups.map((g) => ({
            ...g,
            tasks: g.tasks.filter((t) => t.ownerId === actor.personId),
          }));
        }
        const title = command.mine
          ? nl
            ? `Uw taken — incident ${incident.number}`
            : `Your tasks — incident ${incident.number}`
          : nl
            ? `Taken — incident ${incident.number}`
            : `Tasks — incident ${incident.number}`;
        return { kind: "tasks", title, groups };
      }
      case "evaluate": {
        const incident = await engine.resolveIncident();
        await engine.recordEvaluation(actor, incident.id, command.text);
        return { kind: "text", text: nl ? "Evaluatie vastgelegd." : "Evaluation recorded." };
      }
      case "decide": {
        const incident = await engine.resolveIncident();
        // A's location may have several words; the reason follows it.
        const typed =
          command.situation === "A" && command.location
            ? splitLocationAndReason(engine.ctx, command.location)
            : null;
        const reason = typed?.reason ?? command.reason ?? undefined;
        const input = {
          situation: command.situation,
          locationId: typed?.locationId ?? null,
          reason: reason ?? null,
        };
        if (!command.confirmed || !reason) {
          // A change first shows what it does; the same command with a reason and "bevestig" makes it.
          const preview = await engine.previewDecision(actor, incident.id, input);
          if (preview.changing)
            return {
              kind: "text",
              text: decisionChangeText(engine.directory, preview, reason, prefix),
            };
        }
        const decision = await engine.decide(actor, incident.id, { ...input, confirmed: true });
        return {
          kind: "text",
          text: nl
            ? `Beslissing vastgelegd: situatie ${decision.situation}. De taken staan in het incidentkanaal.`
            : `Decision recorded: situation ${decision.situation}. The tasks are in the incident channel.`,
        };
      }
      case "log": {
        const incident = await engine.resolveIncident();
        await engine.log(actor, incident.id, command.text, command.tags);
        const tags =
          command.tags.length > 0 ? ` (${command.tags.map((t) => `#${t}`).join(" ")})` : "";
        const done = nl ? `In het logboek gezet${tags}.` : `Added to the log${tags}.`;
        return { kind: "text", text: `${done}${unknownTagsNote(command.unknownTags, nl)}` };
      }
      case "restored": {
        const incident = await engine.resolveIncident();
        const service = await engine.restoreService(actor, incident.id, command.service);
        const name = engine.directory.service(service.situation, service.serviceId)?.name;
        return {
          kind: "text",
          text: nl
            ? `Dienst hersteld gemeld: ${name ?? service.serviceId}.`
            : `Service marked restored: ${name ?? service.serviceId}.`,
        };
      }
      case "reclassify": {
        const incident = await engine.resolveIncident();
        await engine.reclassify(actor, incident.id, command.classification);
        return {
          kind: "text",
          text: nl
            ? `Ernst gewijzigd naar ${command.classification}.`
            : `Classification changed to ${command.classification}.`,
        };
      }
      case "scope": {
        const incident = await engine.resolveIncident();
        await engine.setScope(actor, incident.id, command.scope);
        const label = new Labels(locale).scope(command.scope).toLowerCase();
        return {
          kind: "text",
          text: nl ? `Omvang vastgelegd: ${label}.` : `Scope recorded: ${label}.`,
        };
      }
      case "stop": {
        const incident = await engine.resolveIncident();
        if (!command.confirmed) {
          requireLeader(engine.ctx, actor, {
            nl: "het incident afsluiten",
            en: "close the incident",
          });
          const open = await engine.openWork(incident.id);
          if (open.length > 0)
            return {
              kind: "text",
              text: closeWithOpenWorkText(engine.directory, open, command.note, prefix),
            };
        }
        const { openTasks } = await engine.close(actor, incident.id, command.note);
        const open = openTasks.length;
        return {
          kind: "text",
          text: nl
            ? `${incidentName(incident, locale)} is afgesloten${open ? ` (${amount(open, "taak", "taken")} nog open)` : ""}. De tijdlijn is verzegeld.`
            : `${incidentName(incident, locale)} is closed${open ? ` (${amount(open, "task", "tasks")} still open)` : ""}. The timeline is sealed.`,
        };
      }
    }
  } catch (error) {
    if (error instanceof RampError) return { kind: "error", error: error.view() };
    throw error;
  }
}

function boardReply(engine: CrisisEngine, actor: Actor): ChatReply {
  const nl = engine.directory.locale === "nl";
  const link = engine.ctx.boardLink?.(actor.personId);
  if (!link) {
    const text = nl ? "Het crisisbord is niet ingeschakeld." : "The crisis board is not enabled.";
    return { kind: "board", text, url: null };
  }
  if (!link.personal) {
    const text = nl ? `Het crisisbord staat op ${link.url}` : `The crisis board is at ${link.url}`;
    return { kind: "board", text, url: link.url };
  }
  const text = nl
    ? "Het crisisbord toont het incident live, in de browser."
    : "The crisis board shows the incident live, in the browser.";
  return { kind: "board", text, url: null, personal: personalLink(engine, link) };
}

/** A personal sign-in link as the personal part of a reply: whose it is, and until when. */
function personalLink(
  engine: CrisisEngine,
  link: { url: string; expiresAt: Date | null },
  about?: { nl: string; en: string },
): PersonalPart {
  const { locale, timeZone } = engine.directory;
  const until = link.expiresAt ? formatDateTime(link.expiresAt, locale, timeZone) : "";
  const text =
    locale === "nl"
      ? `${about ? `${about.nl} ` : ""}Uw persoonlijke link naar het crisisbord${until ? `, geldig tot ${until}` : ""}. Stuur hem niet door: wie hem heeft, ziet het bord als u.`
      : `${about ? `${about.en} ` : ""}Your personal link to the crisis board${until ? `, valid until ${until}` : ""}. Do not forward it: whoever has it sees the board as you.`;
  return { what: "sign-in-link", text, url: link.url };
}

/**
 * `status`: the incident as it is now. The numbers of people no chat platform reaches are its
 * personal part, for whoever asked (a plan person, who also sees them on the signed-in board).
 */
export async function statusReply(engine: CrisisEngine, incidentId: string): Promise<ChatReply> {
  const view = await engine.views.status(incidentId);
  const phones = phonesToCall(view.paging, engine.directory.locale);
  return {
    kind: "status",
    view: { ...view, paging: withoutPhones(view.paging) },
    ...(phones ? { personal: phones } : {}),
  };
}

function invalidCommand(
  command: Extract<ChatCommand, { kind: "invalid" }>,
  prefix: string,
): ErrorView {
  const usage = `${prefix} ${command.usage}`;
  const texts = {
    "unknown-command": {
      nl: `"${command.word}" ken ik niet. Dit kan wel:`,
      en: `I don't know "${command.word}". This is what works:`,
    },
    "missing-argument": {
      nl: `Er ontbreekt iets na "${command.word}". Gebruik: ${usage}`,
      en: `Something is missing after "${command.word}". Use: ${usage}`,
    },
    "bad-argument": {
      nl: `"${command.word}" past hier niet. Gebruik: ${usage}`,
      en: `"${command.word}" does not fit here. Use: ${usage}`,
    },
  }[command.problem];
  return { code: "invalid-input", ...texts };
}

/**
 * `review`: the review drafted again from the timeline, its key figures for the person who asked,
 * and the draft with its Word document shared where the incident is followed. Without a number:
 * the active incident, else the last one closed.
 */
async function reviewReply(
  engine: CrisisEngine,
  actor: Actor,
  ref: string | undefined,
): Promise<ChatReply> {
  const { locale, timeZone } = engine.directory;
  const nl = locale === "nl";
  const incident = ref
    ? await engine.resolveIncident(ref)
    : ((await engine.activeIncidents())[0] ?? (await engine.recentIncidents(1))[0]);
  if (!incident) throw new RampError("no-active-incident");
  const shared = await engine.shareReview(actor, incident.id);
  const review = await buildReview(engine, incident.id);
  const facts = review.summary.map((f) => `• ${f.label}: ${f.value}`).join("\n");
  const lines = [`${review.title} — ${incident.number}`, facts];
  if (engine.ctx.channels.length > 0) {
    if (shared.shared) {
      lines.push(
        nl
          ? "Het ontwerp en het Word-document worden gedeeld in het incidentkanaal."
          : "The draft and its Word document are being shared in the incident channel.",
      );
    } else {
      const at = formatDateTime(shared.previousAt, locale, timeZone);
      lines.push(
        nl
          ? `Sinds het ontwerp van ${at} werd niets nieuws vastgelegd: het staat al in het incidentkanaal.`
          : `Nothing was recorded since the draft of ${at}: it is already in the incident channel.`,
      );
    }
  }
  const link = engine.ctx.boardLink?.(actor.personId);
  if (link?.personal) {
    const about = {
      nl: "Het volledige ontwerp staat op het crisisbord.",
      en: "The full draft is on the crisis board.",
    };
    return { kind: "text", text: lines.join("\n"), personal: personalLink(engine, link, about) };
  }
  lines.push(
    link
      ? nl
        ? `Het volledige ontwerp staat op het crisisbord: ${link.url}`
        : `The full draft is on the crisis board: ${link.url}`
      : nl
        ? `Het volledige ontwerp: npx ramp review ${incident.number} --format docx --out review.docx`
        : `The full draft: npx ramp review ${incident.number} --format docx --out review.docx`,
  );
  return { kind: "text", text: lines.join("\n") };
}

/** `melding`: what the reporter hears back: who was alerted, or where the report went. */
async function reportReply(engine: CrisisEngine, actor: Actor, text: string): Promise<ChatReply> {
  const nl = engine.directory.locale === "nl";
  const result = await engine.report(actor, text);
  if (result.kind === "logged") {
    const { number } = result.incident;
    return {
      kind: "text",
      text: nl
        ? `Er loopt al een incident (${number}): uw melding staat in het logboek, de crisisstaf ziet ze op het crisisbord.`
        : `An incident is active (${number}): your report is in its log, where the crisis staff sees it on the board.`,
    };
  }
  const names = result.alerted.map((id) => engine.directory.name(id)).join(", ");
  return {
    kind: "text",
    text: nl
      ? `Uw melding is doorgegeven aan ${names || "de coördinator"}. Wie beslist, start zo nodig het incident; u hoort het dan.`
      : `Your report was passed on to ${names || "the coordinator"}. They decide whether to start an incident; you will hear if they do.`,
  };
}

/** The declaration form, filled in with what a staff member reported, when someone did. */
async function startForm(engine: CrisisEngine, meeting: Meeting): Promise<ChatReply> {
  const report = (await engine.openReports()).at(-1);
  const meetings = meetingOptions(engine.directory);
  return report
    ? { kind: "start-form", description: report.text, meetings, meeting }
    : { kind: "start-form", meetings, meeting };
}

/** Named after a log entry whose #words are no known tag: they stayed text; here is the list. */
function unknownTagsNote(unknown: string[], nl: boolean): string {
  if (unknown.length === 0) return "";
  const known = LOG_TAGS.map((t) => `#${t}`).join(", ");
  const named = unknown.join(", ");
  return nl
    ? ` ${unknown.length === 1 ? `De tag ${named} is` : `De tags ${named} zijn`} niet herkend en ${unknown.length === 1 ? "bleef" : "bleven"} gewone tekst. Bekende tags: ${known}.`
    : ` ${unknown.length === 1 ? `The tag ${named} was` : `The tags ${named} were`} not recognised and stayed plain text. Known tags: ${known}.`;
}
