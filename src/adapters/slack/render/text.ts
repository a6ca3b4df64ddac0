// Block Kit building blocks shared by the renderers.
import type { Meeting } from "../../../core/model.ts";
import type { Fact, ViewAction } from "../../../core/views/types.ts";
import { ACTION_IDS } from "../action-ids.ts";

export type Block = Record<string, unknown>;

/** Slack mrkdwn treats &, < and > specially; everything from people goes through this. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export const header = (text: string): Block => ({
  type: "header",
  text: { type: "plain_text", text: text.slice(0, 150), emoji: true },
});

export const section = (mrkdwn: string): Block => ({
  type: "section",
  text: { type: "mrkdwn", text: mrkdwn.slice(0, 3000) },
});

export const context = (mrkdwn: string): Block => ({
  type: "context",
  elements: [{ type: "mrkdwn", text: mrkdwn.slice(0, 3000) }],
});

export const divider = (): Block => ({ type: "divider" });

export function facts(list: Fact[]): Block {
  return {
    type: "section",
    fields: list.slice(0, 10).map((f) => ({
      type: "mrkdwn",
      text: `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`,
    })),
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
      text: { type: "plain_text", text: action.label.slice(0, 75), emoji: true },
      value: actionValue(action),
      ...(action.style ? { style: action.style } : {}),
    })),
  };
}
