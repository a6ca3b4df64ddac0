// The help text for chat commands, in the plan's language, and what was wrong with a mistyped one;
// `prefix` is how the platform calls Ramp ("/ramp" in Slack, "@Ramp" in Teams).
import type { Locale } from "../../plan/schema.ts";
import type { ErrorView } from "../errors.ts";
import type { ChatCommand } from "./parse.ts";

export function helpText(locale: Locale, prefix: string): string {
  const p = prefix;
  if (locale === "en") {
    return [
      "*Ramp — the crisis plan, live*",
      `\`${p} report <what and where>\` report what may be an incident: the coordinator and the deputies are alerted`,
      `\`${p} start [zwak|klein|groot|crisis] [totaal|gedeeltelijk] [uitwijk] [description]\` declare an incident and page the crisis staff (coordinator or deputy; without words a form opens); \`uitwijk\` (fallback): meet at the plan's fallback meeting address`,
      `\`${p} meeting primary|fallback [reason]\` (\`contactadres primair|uitwijk\`) move the crisis staff's meeting address; everyone paged hears it with a new arrival time`,
      `\`${p} status\` the incident: paging, decision, priority services and their RTO deadlines`,
      `\`${p} tasks\` the tasks of the plan, to claim (\`${p} tasks mine\`: yours)`,
      `\`${p} evaluation <text>\` record the evaluation of the damage`,
      `\`${p} decide A <location> [reason]\` or \`${p} decide B [reason]\` continue at a fallback location (A) or in the own buildings (B); changing a decision asks for a reason and a confirmation (\`… confirm\`)`,
      `\`${p} log [#oorzaak|#externe-communicatie|#preventie|#verbetering|#schadeclaim] <text>\` add to the timeline`,
      `\`${p} restored <service>\` mark a priority service restored (its name or the start of it, e.g. \`${p} restored social\`)`,
      `\`${p} classify <level>\` change the classification`,
      `\`${p} scope <totaal|gedeeltelijk>\` record the scope once it is known (a declaration without one leaves it unknown)`,
      `\`${p} stop [note]\` close the incident and seal the timeline (with tasks still open: \`${p} stop [note] confirm\`)`,
      `\`${p} review [incident]\` draft the post-incident review again from the timeline and share it (key figures and Word document)`,
      `\`${p} gereed\` (\`readiness\`) could the crisis team be assembled now: functions nobody can fill, tests and exercises, copies of the plan, plan warnings`,
      `\`${p} test\` reachability test: everyone who may be paged gets a test message to answer "Received" (coordinator or deputy; \`${p} test stop\` closes it early)`,
      `\`${p} oefening start [scenario]\` practise: the whole flow as an exercise, marked EXERCISE everywhere (\`${p} oefening\`: the plan's scenarios; \`${p} oefening inject <text>\`, \`${p} oefening stop\`)`,
      `\`${p} board\` your personal link to the crisis board in the browser`,
      `\`${p} help\` this help`,
    ].join("\n");
  }
  return [
    "*Ramp — het rampenplan, live*",
    `\`${p} melding <wat en waar>\` meld wat een incident kan zijn: de coördinator en de plaatsvervangers worden gewaarschuwd`,
    `\`${p} start [zwak|klein|groot|crisis] [totaal|gedeeltelijk] [uitwijk] [omschrijving]\` start een incident en roep de crisisstaf op (coördinator of plaatsvervanger; zonder woorden opent een formulier); \`uitwijk\`: de crisisstaf komt naar het uitwijk-contactadres van het plan`,
    `\`${p} contactadres primair|uitwijk [reden]\` verplaats het contactadres van de crisisstaf; wie opgeroepen is, krijgt het nieuwe adres en aanwezigheidsuur`,
    `\`${p} status\` het incident: oproeping, beslissing, prioritaire diensten en hun RTO-deadlines`,
    `\`${p} taken\` de taken van het plan, om op te nemen (\`${p} taken mijn\`: de uwe)`,
    `\`${p} evaluatie <tekst>\` leg de evaluatie van de schade vast`,
    `\`${p} besluit A <uitwijklocatie> [reden]\` of \`${p} besluit B [reden]\` verder op een uitwijklocatie (A) of in de eigen gebouwen (B); een wijziging vraagt een reden en een bevestiging (\`… bevestig\`)`,
    `\`${p} log [#oorzaak|#externe-communicatie|#preventie|#verbetering|#schadeclaim] <tekst>\` schrijf in het logboek`,
    `\`${p} hersteld <dienst>\` meld een prioritaire dienst hersteld (de naam of het begin ervan, bv. \`${p} hersteld sociale dienst\`)`,
    `\`${p} ernst <niveau>\` wijzig de ernst`,
    `\`${p} omvang <totaal|gedeeltelijk>\` leg de omvang vast zodra ze gekend is (zonder omvang bij de melding blijft ze onbekend)`,
    `\`${p} stop [slotopmerking]\` sluit het incident af en verzegel de tijdlijn (met nog open taken: \`${p} stop [slotopmerking] bevestig\`)`,
    `\`${p} review [incident]\` de post-incident review opnieuw opmaken uit de tijdlijn en delen (kerncijfers en Word-document)`,
    `\`${p} gereed\` kan de crisisstaf nu samengeroepen worden: functies zonder bereikbare houder of vervanger, testen en oefeningen, exemplaren van het plan, waarschuwingen`,
    `\`${p} test\` bereikbaarheidstest: wie opgeroepen kan worden, krijgt een testbericht om met "Ontvangen" te beantwoorden (coördinator of plaatsvervanger; \`${p} test stop\` sluit hem vroeger af)`,
    `\`${p} oefening start [scenario]\` oefen het plan: de hele aanpak als oefening, overal gemarkeerd als OEFENING (\`${p} oefening\`: de scenario's van het plan; \`${p} oefening inject <tekst>\`, \`${p} oefening stop\`)`,
    `\`${p} bord\` uw persoonlijke link naar het crisisbord in de browser`,
    `\`${p} help\` deze hulp (English words work too: decide, tasks, close, …)`,
  ].join("\n");
}

export function invalidCommand(
  command: Extract<ChatCommand, { kind: "invalid" }>,
  prefix: string,
): ErrorView {
  const usage = `${prefix} ${command.usage}`;
  const texts = {
    "unknown-command": {
      nl: `"${command.word}" ken ik niet. Dit kan wel:`,
      en: `I don't know "${command.word}". This is what works:`,
    },
    "missing-argument": {
      nl: `Er ontbreekt iets na "${command.word}". Gebruik: ${usage}`,
      en: `Something is missing after "${command.word}". Use: ${usage}`,
    },
    "bad-argument": {
      nl: `"${command.word}" past hier niet. Gebruik: ${usage}`,
      en: `"${command.word}" does not fit here. Use: ${usage}`,
    },
  }[command.problem];
  return { code: "invalid-input", ...texts };
}
