// "Klopt dit nog?" in the person's personal chat: their details as a fact set, "Klopt"
// (Action.Execute) and "Wijzigen" (Action.ShowCard with the form, prefilled, sent with
// Action.Execute). Button titles stay within Teams' 20 characters.
import type { ContactCheckView } from "../../../core/contacts/view.ts";
import { CONTACT_INPUTS, CONTACT_VERBS } from "../verbs.ts";
import { type AdaptiveCard, card, type Element, factSet, heading, text } from "./elements.ts";

export function contactCheckCard(
  view: ContactCheckView,
  nl: boolean,
  notes: { ok?: string; problem?: string } = {},
): AdaptiveCard {
  const input = (id: string, label: string, value: string | undefined, extra: Element = {}) => ({
    type: "Input.Text",
    id,
    label,
    ...(value ? { value } : {}),
    ...extra,
  });
  const body: Element[] = [
    ...(notes.problem ? [text(`⚠️ ${notes.problem}`, { color: "Attention" })] : []),
    ...(notes.ok ? [text(`✅ ${notes.ok}`, { color: "Good" })] : []),
    heading(`📇 ${view.title}`),
    text(
      nl
        ? "Kloppen uw contactgegevens in het rampenplan nog? Enkel u ziet dit bericht."
        : "Are your contact details in the crisis plan still right? Only you see this message.",
    ),
    factSet(view.details),
  ];
  if (view.answered && !notes.ok) {
    const said = view.answered.answer === "confirmed" ? view.words.confirm : view.words.change;
    body.push(text(`✅ ${said} — ${view.answered.at}`, { isSubtle: true, size: "Small" }));
  }
  const form: AdaptiveCard = {
    type: "AdaptiveCard",
    body: [
      input(CONTACT_INPUTS.mobile, view.words.mobile, view.current.mobile, {
        style: "Tel",
        maxLength: 30,
      }),
      input(CONTACT_INPUTS.email, view.words.email, view.current.email, {
        style: "Email",
        maxLength: 254,
      }),
      input(CONTACT_INPUTS.phone, view.words.phone, view.current.phone, {
        style: "Tel",
        maxLength: 30,
      }),
      input(CONTACT_INPUTS.remark, view.words.remark, undefined, {
        isMultiline: true,
        maxLength: 500,
        placeholder: view.words.remarkHint,
      }),
    ],
    actions: [
      {
        type: "Action.Execute",
        title: view.words.submit,
        verb: CONTACT_VERBS.change,
        data: { checkId: view.checkId },
        style: "positive",
      },
    ],
  };
  return card(body, [
    {
      type: "Action.Execute",
      title: view.words.confirm,
      verb: CONTACT_VERBS.confirm,
      data: { checkId: view.checkId },
      style: "positive",
    },
    { type: "Action.ShowCard", title: view.words.change, card: form },
  ]);
}
