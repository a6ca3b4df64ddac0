// `bord`: where the crisis board is, and a personal sign-in link to it as a reply's personal part.
import type { Actor } from "../actor.ts";
import type { CrisisEngine } from "../engine.ts";
import { formatDateTime } from "../time.ts";
import type { PersonalPart } from "../views/personal.ts";
import type { ChatReply } from "./reply.ts";

export function boardReply(engine: CrisisEngine, actor: Actor): ChatReply {
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
export function personalLink(
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
