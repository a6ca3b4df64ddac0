// First on every Teams card about an exercise, in the attention colour: nobody reads past it.
import type { ExerciseMark } from "../../../core/model.ts";
import { type AdaptiveCard, type Element, plain, text } from "./elements.ts";

export function withExercise(answer: AdaptiveCard, mark: ExerciseMark | undefined): AdaptiveCard {
  if (!mark) return answer;
  const banner: Element[] = [
    text(`🟧 ${plain(mark.label)} 🟧`, {
      color: "Attention",
      weight: "Bolder",
      size: "ExtraLarge",
      horizontalAlignment: "Center",
    }),
    text(plain(mark.text), { color: "Attention", weight: "Bolder", spacing: "None" }),
  ];
  return { ...answer, body: [...banner, ...((answer.body as Element[] | undefined) ?? [])] };
}
