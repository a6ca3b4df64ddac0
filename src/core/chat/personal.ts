// A reply's personal part (see views/personal.ts) and a conversation others read: the reply goes
// there without it, and says where it went or how to get it. Slack and the local chat answer a
// command only to whoever typed it; Teams answers in the conversation, which may be a channel or
// a group chat.
import type { Locale } from "../../plan/schema.ts";
import type { PersonalPart } from "../views/personal.ts";

export type { PersonalPart } from "../views/personal.ts";

/** The reply without its personal part, for a conversation others read too. */
export function withoutPersonal<R extends { personal?: PersonalPart }>(reply: R): R {
  const { personal: _personal, ...rest } = reply;
  return rest as R;
}

/**
 * What a shared conversation reads instead of the personal part: that it went to the person's
 * personal chat with Ramp (`sent`), or how to get it there.
 */
export function withheldNote(part: PersonalPart, locale: Locale, sent: boolean): string {
  const nl = locale === "nl";
  if (part.what === "sign-in-link") {
    if (sent)
      return nl
        ? "Uw persoonlijke link naar het crisisbord staat in uw persoonlijke chat met Ramp: hij hoort niet in een gesprek dat anderen lezen."
        : "Your personal link to the crisis board is in your personal chat with Ramp: it does not belong in a conversation others read.";
    return nl
      ? "Uw link naar het crisisbord is persoonlijk en hoort niet in een gesprek dat anderen lezen: typ bord in uw persoonlijke chat met Ramp."
      : "Your link to the crisis board is personal and does not belong in a conversation others read: type board in your personal chat with Ramp.";
  }
  if (sent)
    return nl
      ? "De telefoonnummers om te bellen staan in uw persoonlijke chat met Ramp: ze horen niet in een gesprek dat anderen lezen."
      : "The phone numbers to call are in your personal chat with Ramp: they do not belong in a conversation others read.";
  return nl
    ? "De telefoonnummers om te bellen horen niet in een gesprek dat anderen lezen: ze staan op het crisisbord, of typ status in uw persoonlijke chat met Ramp."
    : "The phone numbers to call do not belong in a conversation others read: they are on the crisis board, or type status in your personal chat with Ramp.";
}
