// "Klopt dit nog?" in a person's DM: their details, "Klopt" and "Wijzigen" (which opens the
// form); and the form itself, prefilled with what the plan has. Within Block Kit's limits:
// section text 3000, field 2000, button text 75, modal title/submit/close 24, input label 2000.
import type { ContactCheckView } from "../../../core/contacts/view.ts";
import { CALLBACK_IDS, CONTACT_ACTIONS, FIELDS } from "../action-ids.ts";
import type { SlackMessage } from "./index.ts";
import { type Block, esc, shorten } from "./text.ts";

const plain = (text: string, max: number) => ({
  type: "plain_text",
  text: shorten(text, max),
  emoji: true,
});

export function contactCheckMessage(view: ContactCheckView, nl: boolean): SlackMessage {
  const details = view.details.map((d) => `*${esc(d.label)}*: ${esc(d.value)}`).join("\n");
  const intro = nl
    ? "Kloppen uw contactgegevens in het rampenplan nog? Enkel u ziet dit bericht."
    : "Are your contact details in the crisis plan still right? Only you see this message.";
  const blocks: Block[] = [
    { type: "header", text: plain(`📇 ${view.title}`, 150) },
    { type: "section", text: { type: "mrkdwn", text: shorten(`${esc(intro)}\n${details}`, 3000) } },
  ];
  if (view.answered) {
    const said = view.answered.answer === "confirmed" ? view.words.confirm : view.words.change;
    blocks.push({
      type: "context",
      elements: [
        { type: "mrkdwn", text: shorten(`✅ ${esc(said)} — ${esc(view.answered.at)}`, 3000) },
      ],
    });
  }
  blocks.push({
    type: "actions",
    block_id: `contact:${view.checkId}`,
    elements: [
      {
        type: "button",
        action_id: CONTACT_ACTIONS.confirm,
        text: plain(view.words.confirm, 75),
        style: "primary",
        value: view.checkId,
      },
      {
        type: "button",
        action_id: CONTACT_ACTIONS.change,
        text: plain(view.words.change, 75),
        value: view.checkId,
      },
    ],
  });
  return { text: shorten(view.text, 3000), blocks };
}

export function contactFormModal(view: ContactCheckView, nl: boolean): Block {
  const input = (
    field: keyof typeof FIELDS,
    label: string,
    initial: string | undefined,
    extra: Record<string, unknown> = {},
  ): Block => ({
    type: "input",
    block_id: FIELDS[field].block,
    optional: true,
    label: plain(label, 2000),
    element: {
      type: "plain_text_input",
      action_id: FIELDS[field].action,
      ...(initial ? { initial_value: shorten(initial, 3000) } : {}),
      ...extra,
    },
  });
  return {
    type: "modal",
    callback_id: CALLBACK_IDS.contactForm,
    private_metadata: JSON.stringify({ checkId: view.checkId }),
    title: plain(view.words.formTitle, 24),
    submit: plain(view.words.submit, 24),
    close: plain(view.words.cancel, 24),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: nl
            ? "Pas aan wat niet meer klopt. Wie het plan beheert, neemt het over in de volgende versie."
            : "Change what is no longer right. The plan's maintainer takes it into the next version.",
        },
      },
      input("mobile", view.words.mobile, view.current.mobile, { max_length: 30 }),
      input("email", view.words.email, view.current.email, { max_length: 254 }),
      input("phone", view.words.phone, view.current.phone, { max_length: 30 }),
      input("remark", view.words.remark, undefined, {
        multiline: true,
        max_length: 500,
        placeholder: plain(view.words.remarkHint, 150),
      }),
    ],
  };
}
