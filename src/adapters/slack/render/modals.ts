// The forms: declaring an incident without arguments, the reason for a blocked task, and the
// reason for a changed decision.
import type { Meeting } from "../../../core/model.ts";
import type { MeetingOption } from "../../../core/views/meeting.ts";
import type { ActionConfirm } from "../../../core/views/types.ts";
import { CALLBACK_IDS, FIELDS } from "../action-ids.ts";
import { type Block, esc, shorten } from "./text.ts";

/** A task title in the form: escaped it may grow fivefold, still well within a section's 3000. */
const TITLE_MAX = 500;

/** Slack: an option's text at most 75 characters; a modal's title and its buttons 24. */
const option = (value: string, text: string) => ({
  text: { type: "plain_text", text: shorten(text, 75) },
  value,
});
const plain = (text: string, max = 2000) => ({
  type: "plain_text",
  text: shorten(text, max),
  emoji: true,
});
const modalTitle = (text: string) => plain(text, 24);

/** Each address with its name and street (Slack allows 75 characters per line), one preselected. */
function meetingField(nl: boolean, form: { meetings: MeetingOption[]; meeting: Meeting }): Block {
  const choice = (m: MeetingOption) => ({
    text: plain(`${m.kind} — ${m.name}`, 75),
    value: m.meeting,
    description: plain(m.address, 75),
  });
  const selected = form.meetings.find((m) => m.meeting === form.meeting) ?? form.meetings[0]!;
  return {
    type: "input",
    block_id: FIELDS.meeting.block,
    label: plain(nl ? "Contactadres van de crisisstaf" : "Crisis staff meeting address"),
    hint: plain(
      nl
        ? "Kies het uitwijkadres als het incident het primaire contactadres treft."
        : "Choose the fallback address when the incident hits the primary one.",
    ),
    element: {
      type: "radio_buttons",
      action_id: FIELDS.meeting.action,
      initial_option: choice(selected),
      options: form.meetings.map(choice),
    },
  };
}

/** `description`: what a staff member reported, to start from. */
export function startModal(
  nl: boolean,
  channelId: string,
  description: string | undefined,
  form: { meetings: MeetingOption[]; meeting: Meeting },
): Block {
  return {
    type: "modal",
    callback_id: CALLBACK_IDS.startForm,
    private_metadata: JSON.stringify({ channelId }),
    title: modalTitle(nl ? "Incident melden" : "Declare incident"),
    submit: modalTitle(nl ? "Starten" : "Start"),
    close: modalTitle(nl ? "Annuleren" : "Cancel"),
    blocks: [
      {
        type: "input",
        block_id: FIELDS.classification.block,
        label: plain(nl ? "Ernst" : "Classification"),
        element: {
          type: "static_select",
          action_id: FIELDS.classification.action,
          options: [
            option(
              "crisis",
              nl
                ? "Crisis — aanzienlijke impact op de continuïteit"
                : "Crisis — considerable impact on continuity",
            ),
            option(
              "groot",
              nl
                ? "Groot — significante impact, nog geen crisis"
                : "Major — significant impact, not yet a crisis",
            ),
            option(
              "klein",
              nl ? "Klein — geen significante impact" : "Minor — no significant impact",
            ),
            option(
              "zwak",
              nl
                ? "Zwak — nog geen incident, wel een risico"
                : "Weak — no incident yet, but a risk",
            ),
          ],
        },
      },
      {
        type: "input",
        block_id: FIELDS.scope.block,
        label: plain(nl ? "Omvang" : "Scope"),
        element: {
          type: "radio_buttons",
          action_id: FIELDS.scope.action,
          // Unknown until someone says: never "totaal" by default.
          initial_option: option("onbekend", nl ? "Nog onbekend" : "Not known yet"),
          options: [
            option("onbekend", nl ? "Nog onbekend" : "Not known yet"),
            option("totaal", nl ? "Totaal" : "Total"),
            option("gedeeltelijk", nl ? "Gedeeltelijk" : "Partial"),
          ],
        },
      },
      {
        type: "input",
        block_id: FIELDS.description.block,
        label: plain(nl ? "Korte omschrijving" : "Short description"),
        element: {
          type: "plain_text_input",
          action_id: FIELDS.description.action,
          max_length: 500,
          ...(description ? { initial_value: shorten(description, 500) } : {}),
          placeholder: plain(
            nl
              ? "bv. Brand in het administratief centrum"
              : "e.g. Fire in the administrative centre",
          ),
        },
      },
      meetingField(nl, form),
      {
        type: "input",
        block_id: FIELDS.officeHours.block,
        optional: true,
        label: plain(nl ? "Tijdens de diensturen?" : "During office hours?"),
        element: {
          type: "radio_buttons",
          action_id: FIELDS.officeHours.action,
          options: [
            option(
              "ja",
              nl ? "Ja — personeel geëvacueerd en geteld" : "Yes — staff evacuated and counted",
            ),
            option("nee", nl ? "Nee" : "No"),
          ],
        },
      },
    ],
  };
}

/** The second step of a changed decision: what it does, and the reason it needs. */
export function decisionChangeModal(
  nl: boolean,
  choice: { incidentId: string; situation: "A" | "B"; locationId: string | null },
  confirm: ActionConfirm,
): Block {
  return {
    type: "modal",
    callback_id: CALLBACK_IDS.decisionChange,
    private_metadata: JSON.stringify(choice),
    title: plain(confirm.title.slice(0, 24)),
    submit: plain(confirm.yes.slice(0, 24)),
    close: plain(confirm.no.slice(0, 24)),
    blocks: [
      { type: "section", text: plain(confirm.text.slice(0, 3000)) },
      // Read when the form opens: what the change does now, task by task.
      { type: "section", text: plain(confirm.details.join("\n").slice(0, 3000)) },
      {
        type: "input",
        block_id: FIELDS.reason.block,
        label: plain(confirm.reasonLabel),
        hint: plain(
          nl
            ? "De reden staat bij de beslissing, in het bericht aan wie een taak verliest en in de review."
            : "The reason goes with the decision, into the message to whoever loses a task, and into the review.",
        ),
        element: {
          type: "plain_text_input",
          action_id: FIELDS.reason.action,
          multiline: true,
          max_length: 500,
        },
      },
    ],
  };
}

export function blockReasonModal(nl: boolean, taskId: string, title: string): Block {
  return {
    type: "modal",
    callback_id: CALLBACK_IDS.blockReason,
    private_metadata: JSON.stringify({ taskId }),
    title: modalTitle(nl ? "Taak blokkeren" : "Block task"),
    submit: modalTitle(nl ? "Opslaan" : "Save"),
    close: modalTitle(nl ? "Annuleren" : "Cancel"),
    blocks: [
      // The title is plan text: escaped, so a title like "<NAS-01> herstellen" is not read as a link.
      {
        type: "section",
        text: { type: "mrkdwn", text: `*${esc(title.replaceAll("*", ""), TITLE_MAX)}*` },
      },
      {
        type: "input",
        block_id: FIELDS.reason.block,
        label: plain(nl ? "Wat houdt de taak tegen?" : "What is blocking the task?"),
        element: {
          type: "plain_text_input",
          action_id: FIELDS.reason.action,
          multiline: true,
          max_length: 500,
        },
      },
    ],
  };
}
