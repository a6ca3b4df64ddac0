// "Klopt dit nog?" as a notice, for the platforms that show it as text with the signed link
// (SMS, the local chat): the link opens the same question with "Klopt" and "Wijzigen".
import type { EngineContext } from "../context.ts";
import type { Notice } from "../model.ts";
import { contactCheckView } from "./view.ts";

export function contactCheckNotice(
  ctx: EngineContext,
  check: { id: string; personId: string; reminder?: boolean },
): Notice {
  const view = contactCheckView(ctx, check);
  return { kind: "contact-check", incidentId: null, text: view.text, subjectId: check.id };
}
