// Above every message about an exercise in the local chat, as the banner on the board.
import type { ExerciseMark } from "../../../core/model.ts";
import { type Html, html } from "./html.ts";

export function exerciseLine(mark: ExerciseMark | undefined): Html {
  return mark
    ? html`<p class="exercise-line" role="note"><strong>${mark.label}</strong> ${mark.text}</p>`
    : html``;
}
