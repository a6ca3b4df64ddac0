// Section "Communicatie": every message Ramp sent and every communication the team logged, when
// the first went out and how regularly it was updated. Whether it was useful is the team's call.

import type { Analysis } from "./analysis.ts";
import { cadence, firstMessages } from "./cadence.ts";
import { type Answerer, afterDeclaration, count, noteFacts, open, sourceLabel } from "./draft.ts";
import { joinList } from "./format.ts";
import { type Message, platformsUsed } from "./messages.ts";
import { smsSentence } from "./sms-communication.ts";

export const COMMUNICATION_ANSWERS: Record<string, Answerer> = {
  "intern-gecommuniceerd": (a) => {
    const fromRamp = a.messages.filter((m) => m.origin === "ramp");
    const pages = fromRamp.filter((m) => m.type === "page").length;
    const logged = a.notes.tagged("interne-communicatie").length;
    const first = fromRamp[0];
    const text = [
      a.say(
        `Ramp verstuurde ${count(fromRamp.length, "intern bericht", "interne berichten")}, waarvan ${count(pages, "oproep", "oproepen")} van de crisisstaf.`,
        `Ramp sent ${count(fromRamp.length, "internal message", "internal messages")}, of which ${count(pages, "crisis staff page", "crisis staff pages")}.`,
      ),
    ];
    if (first) {
      text.push(
        a.say(
          `Eerste bericht: ${a.when(first.at)} (${afterDeclaration(a, first.at)}).`,
          `First message: ${a.when(first.at)} (${afterDeclaration(a, first.at)}).`,
        ),
      );
    }
    if (fromRamp.length > 0) text.push(deliverySentence(a, fromRamp));
    if (logged > 0) {
      text.push(
        a.say(
          `Het team logde daarnaast ${count(logged, "interne communicatie", "interne communicaties")}.`,
          `The team also logged ${count(logged, "internal communication", "internal communications")}.`,
        ),
      );
    }
    return { status: "answered", text, tables: ["communications"] };
  },

  "extern-gecommuniceerd": (a) => {
    const external = a.notes.tagged("externe-communicatie");
    const first = external[0];
    if (!first) {
      return open(
        a.say(
          "Er werd geen externe communicatie gelogd (/ramp log #externe-communicatie).",
          "No external communication was logged (/ramp log #externe-communicatie).",
        ),
      );
    }
    return {
      status: "answered",
      text: [
        a.say(
          `${count(external.length, "externe communicatie", "externe communicaties")} gelogd; de eerste op ${a.when(first.at)} (${afterDeclaration(a, first.at)}).`,
          `${count(external.length, "external communication", "external communications")} logged; the first on ${a.when(first.at)} (${afterDeclaration(a, first.at)}).`,
        ),
      ],
      facts: noteFacts(a, external),
      tables: ["communications"],
    };
  },

  communicatiekanalen: (a) => {
    const platforms = platformsUsed(a.data.outbox);
    const sources = [
      ...new Set(a.data.timeline.filter((e) => e.actorId).map((e) => sourceLabel(a, e.source))),
    ];
    const text = [
      platforms.length > 0
        ? a.say(
            `Ramp: ${joinList(platforms, a.locale)} (oproepen, taakkaarten en meldingen).`,
            `Ramp: ${joinList(platforms, a.locale)} (pages, task cards and notices).`,
          )
        : a.say(
            "Ramp verstuurde geen berichten via een chatplatform.",
            "Ramp sent no messages through a chat platform.",
          ),
    ];
    const sms = smsSentence(a);
    if (sms) text.push(sms);
    if (sources.length > 0) {
      text.push(
        a.say(
          `Opdrachten aan Ramp kwamen via ${joinList(sources, a.locale)}.`,
          `Commands reached Ramp via ${joinList(sources, a.locale)}.`,
        ),
      );
    }
    return {
      status: "partial",
      text,
      note: a.say(
        "Vul de andere kanalen aan (telefoon, e-mail, website, sociale media, pers).",
        "Add the other channels (phone, e-mail, website, social media, press).",
      ),
    };
  },

  "eerste-communicatie": (a) => {
    const { first, firstExternal } = firstMessages(a.messages);
    if (!first) return open();
    const text = [
      a.say(
        `Eerste communicatie: ${a.when(first.at)} (${afterDeclaration(a, first.at)}): ${first.kind.toLowerCase()}.`,
        `First communication: ${a.when(first.at)} (${afterDeclaration(a, first.at)}): ${first.kind.toLowerCase()}.`,
      ),
    ];
    const updates = cadence(
      first.at,
      a.messages.filter((m) => m.toIncident && m.at >= first.at),
    );
    text.push(
      updates.count === 0
        ? a.say(
            "Daarna volgde geen bericht in het incidentkanaal.",
            "No message to the incident channel followed.",
          )
        : a.say(
            `Daarna ${count(updates.count, "bericht", "berichten")} in het incidentkanaal, gemiddeld om de ${a.span(updates.averageMs)}; de langste tijd zonder bericht was ${a.span(updates.longestGapMs)}.`,
            `Then ${count(updates.count, "message", "messages")} to the incident channel, on average every ${a.span(updates.averageMs)}; the longest time without a message was ${a.span(updates.longestGapMs)}.`,
          ),
    );
    if (firstExternal) {
      const external = a.messages.filter((m) => m.direction === "external");
      const later = cadence(firstExternal.at, external.slice(1));
      text.push(
        a.say(
          `Eerste externe communicatie: ${a.when(firstExternal.at)} (${afterDeclaration(a, firstExternal.at)})${later.count > 0 ? `; daarna ${later.count} keer, gemiddeld om de ${a.span(later.averageMs)}` : ""}.`,
          `First external communication: ${a.when(firstExternal.at)} (${afterDeclaration(a, firstExternal.at)})${later.count > 0 ? `; then ${later.count} more, on average every ${a.span(later.averageMs)}` : ""}.`,
        ),
      );
    }
    return { status: "answered", text };
  },

  "juiste-personen": (a) => {
    const pages = a.paging.reduce((sum, f) => sum + f.pages.length, 0);
    const coming = a.paging.filter((f) => f.coming).length;
    const declines = a.paging.reduce((sum, f) => sum + f.declines, 0);
    const silent = a.paging.reduce((sum, f) => sum + f.silent, 0);
    return {
      status: "partial",
      text: [
        a.say(
          `${count(a.paging.length, "functie", "functies")} van de crisisstaf opgeroepen (${count(pages, "oproep", "oproepen")}); voor ${coming} kwam iemand. ${declines} keer "ik kan niet", ${count(silent, "oproep", "oproepen")} zonder antwoord binnen de termijn.`,
          `${count(a.paging.length, "crisis staff function", "crisis staff functions")} paged (${count(pages, "page", "pages")}); someone came for ${coming}. "I can't come" ${declines === 1 ? "once" : `${declines} times`}, ${count(silent, "page", "pages")} unanswered in time.`,
        ),
      ],
    };
  },

  "nuttige-communicatie": () => open(),

  "inefficiente-communicatie": (a) => {
    const silent = a.paging.reduce((sum, f) => sum + f.silent, 0);
    return open(
      undefined,
      silent > 0
        ? [
            {
              label: a.say(
                "Oproepen zonder antwoord binnen de termijn",
                "Pages unanswered in time",
              ),
              value: String(silent),
            },
          ]
        : [],
    );
  },
};

/** Whether the platforms took every message: a page that never arrived matters afterwards. */
function deliverySentence(a: Analysis, fromRamp: Message[]): string {
  const failed = fromRamp.filter((m) => (m.reach?.failed.length ?? 0) > 0).length;
  const waiting = fromRamp.filter((m) => (m.reach?.waiting.length ?? 0) > 0).length;
  if (failed === 0 && waiting === 0) {
    return a.say(
      "Elk bericht werd afgeleverd bij al zijn ontvangers.",
      "Every message was delivered to all its recipients.",
    );
  }
  const parts: string[] = [];
  if (failed > 0)
    parts.push(
      a.say(
        `${count(failed, "bericht kwam", "berichten kwamen")} niet bij al hun ontvangers aan`,
        `${count(failed, "message", "messages")} did not reach all recipients`,
      ),
    );
  if (waiting > 0)
    parts.push(
      a.say(
        `${count(waiting, "bericht wachtte", "berichten wachtten")} nog op aflevering`,
        `${count(waiting, "message was", "messages were")} still waiting to be delivered`,
      ),
    );
  return a.say(
    `${joinList(parts, "nl")}: zie de kolom Afgeleverd in het overzicht Communicatie.`,
    `${joinList(parts, "en")}: see the Delivered column of the Communication overview.`,
  );
}
