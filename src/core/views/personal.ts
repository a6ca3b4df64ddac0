// The rule for personal links and personal data: nothing personal goes where more than its owner
// (or, for phone numbers, the people who need them) reads it. A personal sign-in link signs
// whoever opens it in as its owner for hours; a mobile number is personal data. Views and chat
// replies carry such parts apart from the rest, so that each adapter can decide by the audience
// of the conversation: show them in a private answer, send them privately, or leave them out
// and say how to get them.
import type { Locale } from "../../plan/schema.ts";
import type { CardView, PagingView } from "./types.ts";

/** What in a reply only the person who asked may read. */
export interface PersonalPart {
  what: "sign-in-link" | "phone-numbers";
  /** The sentence for the owner, with the numbers (phone-numbers) or about the link. */
  text: string;
  /** The personal link itself (sign-in-link): a link or button in the private answer. */
  url?: string;
}

/**
 * The paging as a conversation wider than the people who call may show it: who has to be called,
 * without their number (callHint says where it is).
 *
 * Why: the incident channel is wider than the coordinator and the deputies who call people: in
 * Slack it may be the plan's fixed channel or a public one, in Teams it is the crisis team's
 * channel with every team member. The number stays on the signed-in crisis board, in the private
 * answer to `status`, and in Teams in the coordinator's and deputies' own view of the card.
 */
export function withoutPhones(view: PagingView): PagingView {
  if (!view.rows.some((r) => r.callPhone)) return view;
  return { ...view, rows: view.rows.map(({ callPhone: _number, ...row }) => row) };
}

/** A card as it may be posted where more people read than those it is about (the incident channel). */
export function shareableCard<V extends CardView>(view: V): V {
  return view.kind === "paging" ? (withoutPhones(view) as V) : view;
}

/** The numbers to call, for a private answer; null when nobody has to be called. */
export function phonesToCall(view: PagingView, locale: Locale): PersonalPart | null {
  const rows = view.rows.filter((r) => r.callPhone);
  if (rows.length === 0) return null;
  const title =
    locale === "nl"
      ? "Te bellen (geen chatplatform bereikt hen; alleen voor u):"
      : "To call (no chat platform reaches them; for you only):";
  const lines = rows.map((r) => `• ${r.functionName} — ${r.personName}: ${r.callPhone}`);
  return { what: "phone-numbers", text: [title, ...lines].join("\n") };
}
