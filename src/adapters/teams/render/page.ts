import type { PageCardView } from "../../../core/views/types.ts";
import {
  type AdaptiveCard,
  card,
  executeActions,
  factSet,
  heading,
  plain,
  subtle,
  text,
} from "./elements.ts";

export function pageCard(view: PageCardView, nl: boolean): AdaptiveCard {
  const body = [heading(`🚨 ${plain(view.title)}`), text(plain(view.text)), factSet(view.facts)];
  if (view.answerText)
    body.push(subtle(`${nl ? "Uw antwoord" : "Your answer"}: ${view.answerText}`));
  return card(body, executeActions(view.actions, nl), { kind: "page", pageId: view.pageId });
}
