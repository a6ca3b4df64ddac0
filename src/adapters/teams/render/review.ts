// The post-incident review shared in the incident's conversation. A bot cannot attach a file to
// a channel message (channel files live in SharePoint, reachable only through Graph, and the
// file consent card works only in personal chats), so the card links to the Word document and
// the review page instead, with signed links that need no sign-in until they expire.
import type { ReviewShareView } from "../../../core/review/share-view.ts";
import { formatDateTime } from "../../../core/time.ts";
import type { Locale } from "../../../plan/schema.ts";
import type { ReviewLinks } from "../../shared/review-share.ts";
import {
  type AdaptiveCard,
  card,
  type Element,
  factSet,
  heading,
  plain,
  subtle,
  text,
} from "./elements.ts";
import { withExercise } from "./exercise.ts";

export function reviewCard(
  view: ReviewShareView,
  links: ReviewLinks,
  where: { locale: Locale; timeZone: string },
): AdaptiveCard {
  const until = formatDateTime(links.expiresAt, where.locale, where.timeZone);
  const body: Element[] = [
    heading(plain(view.title)),
    text(plain(view.lead)),
    factSet(view.facts),
    text(plain(view.toDo)),
  ];
  if (!view.verification.ok)
    body.push(text(`⚠️ ${plain(view.verification.text)}`, { color: "Attention" }));
  body.push(
    subtle(
      where.locale === "nl" ? `De links werken tot ${until}.` : `The links work until ${until}.`,
    ),
  );
  const shown = card(body, [
    { type: "Action.OpenUrl", title: view.downloadLabel, url: links.docx, style: "positive" },
    { type: "Action.OpenUrl", title: view.readLabel, url: links.page },
  ]);
  return withExercise(shown, view.exercise);
}
