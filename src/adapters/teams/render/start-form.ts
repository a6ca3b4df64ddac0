// `@Ramp start` without details: the form, submitted with Action.Execute.
import type { Meeting } from "../../../core/model.ts";
import type { MeetingOption } from "../../../core/views/meeting.ts";
import { INPUTS, START_VERB } from "../verbs.ts";
import { type AdaptiveCard, card, heading } from "./elements.ts";

/** `description`: what a staff member reported, to start from. */
export function startFormCard(
  nl: boolean,
  description: string | undefined,
  form: { meetings: MeetingOption[]; meeting: Meeting },
): AdaptiveCard {
  const choice = (value: string, title: string) => ({ title, value });
  return card(
    [
      heading(nl ? "Incident melden" : "Declare incident"),
      {
        type: "Input.ChoiceSet",
        id: INPUTS.classification,
        label: nl ? "Ernst" : "Classification",
        isRequired: true,
        errorMessage: nl ? "Kies de ernst." : "Choose the classification.",
        choices: [
          choice(
            "crisis",
            nl
              ? "Crisis — aanzienlijke impact op de continuïteit"
              : "Crisis — considerable impact on continuity",
          ),
          choice(
            "groot",
            nl
              ? "Groot — significante impact, nog geen crisis"
              : "Major — significant impact, not yet a crisis",
          ),
          choice(
            "klein",
            nl ? "Klein — geen significante impact" : "Minor — no significant impact",
          ),
          choice(
            "zwak",
            nl ? "Zwak — nog geen incident, wel een risico" : "Weak — no incident yet, but a risk",
          ),
        ],
      },
      {
        type: "Input.ChoiceSet",
        id: INPUTS.scope,
        label: nl ? "Omvang" : "Scope",
        style: "expanded",
        // Unknown until someone says: never "totaal" by default.
        value: "onbekend",
        choices: [
          choice("onbekend", nl ? "Nog onbekend" : "Not known yet"),
          choice("totaal", nl ? "Totaal" : "Total"),
          choice("gedeeltelijk", nl ? "Gedeeltelijk" : "Partial"),
        ],
      },
      {
        type: "Input.Text",
        id: INPUTS.description,
        label: nl ? "Korte omschrijving" : "Short description",
        isRequired: true,
        maxLength: 500,
        errorMessage: nl ? "Geef een korte omschrijving." : "Give a short description.",
        ...(description ? { value: description.slice(0, 500) } : {}),
        placeholder: nl
          ? "bv. Brand in het administratief centrum"
          : "e.g. Fire in the administrative centre",
      },
      {
        // Each address with its name and street, so the burning building is not picked by habit.
        type: "Input.ChoiceSet",
        id: INPUTS.meeting,
        label: nl ? "Contactadres van de crisisstaf" : "Crisis staff meeting address",
        style: "expanded",
        isRequired: true,
        errorMessage: nl ? "Kies het contactadres." : "Choose the meeting address.",
        value: form.meeting,
        choices: form.meetings.map((m) => choice(m.meeting, m.label)),
      },
      {
        type: "Input.Toggle",
        id: INPUTS.officeHours,
        title: nl
          ? "Tijdens de diensturen (personeel geëvacueerd en geteld)"
          : "During office hours (staff evacuated and counted)",
        valueOn: "ja",
        valueOff: "nee",
      },
    ],
    [
      {
        type: "Action.Execute",
        title: nl ? "Starten" : "Start",
        verb: START_VERB,
        style: "positive",
      },
    ],
  );
}
