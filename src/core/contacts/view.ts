// The "Klopt dit nog?" message as a view model every platform renders: the person's own details
// as the running plan has them, the two answers, and the form's fields for "Wijzigen".
import type { EngineContext } from "../context.ts";
import { formatDateTime } from "../time.ts";
import type { ContactCheck, ContactField } from "./model.ts";

export interface ContactCheckView {
  checkId: string;
  personId: string;
  name: string;
  title: string;
  /** "Klopt dit nog?" and the details, as lines of text. */
  details: Array<{ label: string; value: string }>;
  /** The whole question as one text (SMS, notifications, the card's fallback). */
  text: string;
  /** The signed link to the same question on the web (SMS, and beside every card). */
  link: string | null;
  current: Partial<Record<ContactField, string>>;
  answered: { answer: "confirmed" | "changed"; at: string } | null;
  words: ContactWords;
}

export interface ContactWords {
  confirm: string;
  change: string;
  mobile: string;
  phone: string;
  email: string;
  remark: string;
  remarkHint: string;
  submit: string;
  formTitle: string;
  cancel: string;
}

export function contactWords(nl: boolean): ContactWords {
  return nl
    ? {
        confirm: "Klopt",
        change: "Wijzigen",
        mobile: "Gsm",
        phone: "Telefoon",
        email: "E-mail",
        remark: "Opmerking",
        remarkHint: "Bv. niet meer vervanger voor …, of een tweede nummer",
        submit: "Versturen",
        formTitle: "Mijn contactgegevens",
        cancel: "Annuleren",
      }
    : {
        confirm: "Correct",
        change: "Change",
        mobile: "Mobile",
        phone: "Phone",
        email: "E-mail",
        remark: "Remark",
        remarkHint: "E.g. no longer alternate for …, or a second number",
        submit: "Send",
        formTitle: "My contact details",
        cancel: "Cancel",
      };
}

export function contactCheckView(
  ctx: EngineContext,
  check: Pick<ContactCheck, "id" | "personId"> &
    Partial<Pick<ContactCheck, "answer" | "answeredAt">> & { reminder?: boolean },
): ContactCheckView {
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const person = dir.person(check.personId);
  const words = contactWords(nl);
  const functions = dir.plan.functions;
  const alternateFor = functions.filter((f) => f.alternates.includes(check.personId));
  const holderOf = functions.filter((f) => f.holder === check.personId);
  const none = nl ? "(niet ingevuld)" : "(not filled in)";
  const details = [
    { label: words.mobile, value: person?.mobile ?? none },
    { label: words.email, value: person?.email ?? none },
    ...(person?.phone ? [{ label: words.phone, value: person.phone }] : []),
    ...(holderOf.length > 0
      ? [{ label: nl ? "Houder van" : "Holder of", value: holderOf.map((f) => f.name).join(", ") }]
      : []),
    ...(alternateFor.length > 0
      ? [
          {
            label: nl ? "Vervanger voor" : "Alternate for",
            value: alternateFor.map((f) => f.name).join(", "),
          },
        ]
      : []),
  ];
  const link = ctx.contactCheckLink?.(check.id, check.personId) ?? null;
  const reminder = check.reminder ? (nl ? "Herinnering: " : "Reminder: ") : "";
  const question = nl
    ? `${reminder}Klopt dit nog? Uw contactgegevens in het rampenplan: ${details.map((d) => `${d.label.toLowerCase()} ${d.value}`).join(", ")}.`
    : `${reminder}Is this still right? Your contact details in the crisis plan: ${details.map((d) => `${d.label.toLowerCase()} ${d.value}`).join(", ")}.`;
  const answer = link
    ? nl
      ? ` Antwoord met "Klopt" of "Wijzigen": ${link}`
      : ` Answer "Correct" or "Change": ${link}`
    : "";
  return {
    checkId: check.id,
    personId: check.personId,
    name: person?.name ?? check.personId,
    title: check.reminder
      ? nl
        ? "Herinnering: klopt dit nog?"
        : "Reminder: is this still right?"
      : nl
        ? "Klopt dit nog?"
        : "Is this still right?",
    details,
    text: `${question}${answer}`,
    link,
    current: {
      ...(person?.mobile ? { mobile: person.mobile } : {}),
      ...(person?.phone ? { phone: person.phone } : {}),
      ...(person?.email ? { email: person.email } : {}),
    },
    answered:
      check.answer && check.answeredAt
        ? {
            answer: check.answer,
            at: formatDateTime(check.answeredAt, dir.locale, dir.timeZone),
          }
        : null,
    words,
  };
}
