// Buttons (never links) for the actions a view offers: one small form posting to /actions,
// so they work without JavaScript; the script sends the same form with fetch.
import { randomUUID } from "node:crypto";
import type { ViewAction } from "../../../core/views/types.ts";
import type { RenderContext } from "./context.ts";
import { type Html, html } from "./html.ts";

export const ACTIONS_PATH = "/actions";

/** The submit button's value: what to do to what; parsed by routes/actions.ts. */
export function encodeAction(action: ViewAction): string {
  const fields = [action.action, action.subjectId, action.situation ?? "", action.locationId ?? ""];
  if (action.meeting) fields.push(action.meeting);
  return fields.join("|");
}

/**
 * The form's hidden fields. The nonce, new in every rendered form (and renewed by the script
 * after each submit), is the inbox key of what the form sends: a double submit counts once.
 */
export function hiddenFields(ctx: RenderContext): Html {
  return html`<input type="hidden" name="csrf" value="${ctx.csrf ?? ""}"><input type="hidden" name="back" value="${ctx.back}"><input type="hidden" name="${NONCE_FIELD}" value="${randomUUID()}">`;
}

export const NONCE_FIELD = "nonce";

function button(action: ViewAction, label = action.label): Html {
  return html`<button type="submit" name="do" value="${encodeAction(action)}" class="btn${action.style ? ` btn-${action.style}` : ""}">${label}</button>`;
}

export function actionButtons(ctx: RenderContext, actions: ViewAction[]): Html {
  if (!ctx.csrf || actions.length === 0) return html``;
  const plain = actions.filter((a) => !a.needsReason);
  const withReason = actions.filter((a) => a.needsReason);
  return html`<div class="actions">${
    plain.length > 0
      ? html`<form method="post" action="${ACTIONS_PATH}" data-enhance>${hiddenFields(ctx)}${plain.map((a) => button(a))}</form>`
      : ""
  }${withReason.map((a) => reasonForm(ctx, a))}</div>`;
}

/** Blocking needs a reason: a disclosure with a labelled field, keyboard-operable without script. */
function reasonForm(ctx: RenderContext, action: ViewAction): Html {
  const id = ctx.nextId("reason");
  return html`<details class="reason"><summary class="btn btn-danger">${action.label}</summary><form method="post" action="${ACTIONS_PATH}" data-enhance>${hiddenFields(ctx)}<label for="${id}">${ctx.w("blockAsk")}</label><input id="${id}" name="reason" required maxlength="500" autocomplete="off">${button(action, ctx.w("blockSend"))}</form></details>`;
}
