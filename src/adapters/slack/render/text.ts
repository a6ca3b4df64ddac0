// Block Kit building blocks shared by the renderers. Text from the plan and from people is
// shortened first (between graphemes, so never half an emoji), then escaped once, here.
import type { Meeting } from "../../../core/model.ts";
import type { ActionConfirm, Fact, ViewAction } from "../../../core/views/types.ts";
import { ACTION_IDS } from "../action-ids.ts";

export type Block = Record<string, unknown>;

/** Slack's documented limits for what Ramp renders. */
export const LIMITS = {
  header: 150,
  mrkdwn: 3000,
  field: 2000,
  button: 75,
  /** A message's `text`: Slack truncates at 40,000 and recommends at most 4,000. */
  fallback: 3000,
} as const;

const ELLIPSIS = "…";
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * How many texts were shortened since the last `countCuts`: rendering is synchronous, so a
 * message's renderer learns whether it should point to the full text.
 */
let cuts = 0;

/** Runs `render` and tells whether it shortened any text. */
export function countCuts<T>(render: () => T): { result: T; cut: boolean } {
  const before = cuts;
  const result = render();
  return { result, cut: cuts > before };
}

/**
 * The end of the longest prefix of at most `limit` UTF-16 units that ends between graphemes and
 * outside every `keepWhole` token (`&amp;`, `<…>` links). Found from the limit backwards, so a
 * status of a 50-person paging round costs a few lookups, not a walk over 3,000 graphemes.
 */
function cutPoint(text: string, limit: number, keepWhole: RegExp | null): number {
  // The grapheme around the limit: cut before it unless it ends exactly at the limit.
  const around = graphemes.segment(text).containing(limit);
  let end = around ? around.index : limit;
  if (keepWhole) {
    for (const match of text.matchAll(keepWhole)) {
      if (match.index >= end) break;
      // A token that would be split: cut before it (a token starts a grapheme of its own).
      if (match.index + match[0].length > end) {
        end = match.index;
        break;
      }
    }
  }
  return end;
}

function cut(text: string, max: number, keepWhole: RegExp | null): string {
  if (text.length <= max) return text;
  const end = cutPoint(text, max - ELLIPSIS.length, keepWhole);
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/** At most `max` characters (UTF-16 units, as Slack counts), cut between graphemes, with "…". */
export function shorten(text: string, max: number): string {
  if (text.length > max) cuts += 1;
  return cut(text, max, null);
}

const MRKDWN_TOKEN = /&(?:amp|lt|gt);|<[^<>\n]*>/g;

/** Escaped mrkdwn at most `max` long, never cut inside `&amp;` or a `<…>` link. */
export function fitMrkdwn(mrkdwn: string, max: number): string {
  if (mrkdwn.length > max) cuts += 1;
  return cut(mrkdwn, max, MRKDWN_TOKEN);
}

/** Slack mrkdwn treats &, < and > specially; everything from the plan and people goes through this. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Plan or user text for mrkdwn: shortened to `max` first (if given), then escaped. */
export function esc(text: string, max?: number): string {
  return escapeMrkdwn(max === undefined ? text : shorten(text, max));
}

/**
 * A message's `text` (notifications, screen readers, clients without blocks): Slack reads it as
 * mrkdwn too, so escaped; shortened without pointing to the rest (the blocks do that).
 */
export function fallbackText(text: string): string {
  return escapeMrkdwn(cut(text, LIMITS.fallback, null));
}

/** Slack allows 50 blocks per message (100 in a modal). */
export const MAX_MESSAGE_BLOCKS = 50;

export const header = (text: string): Block => ({
  type: "header",
  text: { type: "plain_text", text: shorten(text, LIMITS.header), emoji: true },
});

export const section = (mrkdwn: string): Block => ({
  type: "section",
  text: { type: "mrkdwn", text: fitMrkdwn(mrkdwn, LIMITS.mrkdwn) },
});

export const context = (mrkdwn: string): Block => ({
  type: "context",
  elements: [{ type: "mrkdwn", text: fitMrkdwn(mrkdwn, LIMITS.mrkdwn) }],
});

export const divider = (): Block => ({ type: "divider" });

export function facts(list: Fact[]): Block {
  return {
    type: "section",
    fields: list.slice(0, 10).map((f) => ({
      type: "mrkdwn",
      text: fitMrkdwn(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, LIMITS.field),
    })),
  };
}

/** Slack's own "are you sure?" dialog on a button (a changed decision). */
function confirmDialog(confirm: ActionConfirm): Block {
  const plain = (text: string, max: number) => ({ type: "plain_text", text: text.slice(0, max) });
  return {
    title: plain(confirm.title, 100),
    text: plain(confirm.text, 300),
    confirm: plain(confirm.yes, 30),
    deny: plain(confirm.no, 30),
    style: "danger",
  };
}

/** The value carries what the listener needs; Slack gives it back on the click. */
export function actionValue(action: ViewAction): string {
  return JSON.stringify({
    s: action.subjectId,
    ...(action.situation ? { sit: action.situation } : {}),
    ...(action.locationId ? { loc: action.locationId } : {}),
    ...(action.meeting ? { m: action.meeting } : {}),
  });
}

export function parseActionValue(
  value: string | undefined,
): { s: string; sit?: "A" | "B"; loc?: string; m?: Meeting } | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as { s?: unknown; sit?: unknown; loc?: unknown; m?: unknown };
    if (typeof parsed.s !== "string") return null;
    return {
      s: parsed.s,
      ...(parsed.sit === "A" || parsed.sit === "B" ? { sit: parsed.sit } : {}),
      ...(typeof parsed.loc === "string" ? { loc: parsed.loc } : {}),
      ...(parsed.m === "primary" || parsed.m === "fallback" ? { m: parsed.m } : {}),
    };
  } catch {
    return null;
  }
}

export function buttons(actions: ViewAction[], blockId?: string): Block | null {
  if (actions.length === 0) return null;
  return {
    type: "actions",
    ...(blockId ? { block_id: blockId } : {}),
    elements: actions.slice(0, 25).map((action, i) => ({
      type: "button",
      // Unique per block: decision cards carry several buttons with the same action.
      action_id:
        actions.filter((a) => a.action === action.action).length > 1
          ? `${ACTION_IDS[action.action]}:${i}`
          : ACTION_IDS[action.action],
      text: { type: "plain_text", text: shorten(action.label, LIMITS.button), emoji: true },
      value: actionValue(action),
      ...(action.style ? { style: action.style } : {}),
      ...(action.confirm ? { confirm: confirmDialog(action.confirm) } : {}),
    })),
  };
}
