// Small pieces shared by the renderers: fact lists, badges, countdowns.
import type { Fact } from "../../../core/views/types.ts";
import { type Content, type Html, html } from "./html.ts";

export function facts(list: Fact[]): Html {
  if (list.length === 0) return html``;
  return html`<dl class="facts">${list.map((f) => html`<div><dt>${f.label}</dt><dd>${f.value}</dd></div>`)}</dl>`;
}

export function badge(text: Content, kind: string): Html {
  return html`<span class="badge badge-${kind}">${text}</span>`;
}

/**
 * A countdown that the script keeps ticking from the ISO time; the server's text is the
 * fallback without JavaScript (and on paper).
 */
export function countdown(iso: string | null, text: string, overdue: boolean): Html {
  if (!iso) return html`<span class="countdown${overdue ? " overdue" : ""}">${text}</span>`;
  return html`<time class="countdown${overdue ? " overdue" : ""}" datetime="${iso}" data-countdown>${text}</time>`;
}
