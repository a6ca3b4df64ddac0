// `review`: the incident's review drafted again and shared; its key figures in the reply.
import type { Actor } from "../actor.ts";
import type { CrisisEngine } from "../engine.ts";
import { RampError } from "../errors.ts";
import { buildReview } from "../review/build.ts";
import { formatDateTime } from "../time.ts";
import { personalLink } from "./board.ts";
import type { ChatReply } from "./reply.ts";

/**
 * `review`: the review drafted again from the timeline, its key figures for the person who asked,
 * and the draft with its Word document shared where the incident is followed. Without a number:
 * the active incident, else the last one closed.
 */
export async function reviewReply(
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
