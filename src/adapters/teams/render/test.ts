// A reachability test's message as an Adaptive Card: "TEST — er is geen incident" in the
// attention colour first, then one button; Teams refreshes it from the database.
import type { TestMessageView } from "../../../core/practice/views.ts";
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

export function testCard(view: TestMessageView, nl: boolean): AdaptiveCard {
  const body = [
    { ...heading(`🧪 ${plain(view.title)}`), color: "Attention" },
    text(plain(view.text)),
    factSet(view.facts),
  ];
  if (view.answerText) body.push(subtle(`✅ ${plain(view.answerText)}`));
  return card(body, executeActions(view.actions, nl), {
    kind: "test",
    recipientId: view.recipientId,
  });
}
