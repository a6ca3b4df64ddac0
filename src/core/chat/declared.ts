// The confirmation for whoever declared an incident, from a typed command or a form: what
// happened, and the plan's next step (DRP 13: the crisis staff meets, evaluates, decides).
import type { CrisisEngine } from "../engine.ts";
import { amount } from "../views/plural.ts";
import type { IncidentCardView } from "../views/types.ts";

export async function declaredReply(
  engine: CrisisEngine,
  incidentId: string,
  prefix: string,
): Promise<{ kind: "declared"; incident: IncidentCardView; text: string }> {
  const card = await engine.views.incidentCard(incidentId);
  const nl = engine.directory.locale === "nl";
  const number = card.number;
  if (card.exercise)
    return {
      kind: "declared",
      incident: card,
      text: await exerciseStarted(engine, incidentId, prefix),
    };
  const text = card.planActivated
    ? nl
      ? `Incident ${number} is gestart; de crisisstaf wordt opgeroepen. Volgende stap: leg na de vergadering de evaluatie vast met ${prefix} evaluatie <toestand>; dan volgt de beslissing A of B.`
      : `Incident ${number} has started; the crisis staff is being paged. Next: after the meeting, record the evaluation with ${prefix} evaluation <situation>; the decision A or B follows.`
    : nl
      ? `Incident ${number} is gestart.`
      : `Incident ${number} has started.`;
  return { kind: "declared", incident: card, text };
}

async function exerciseStarted(
  engine: CrisisEngine,
  incidentId: string,
  prefix: string,
): Promise<string> {
  const incident = await engine.views.incident(incidentId);
  const { plan, locale } = engine.directory;
  const injects = plan.scenarios.find((s) => s.id === incident.scenarioId)?.injects.length ?? 0;
  return locale === "nl"
    ? `Oefening ${incident.number} is gestart${injects > 0 ? ` met ${amount(injects, "inject", "injects")} op hun tijd` : ""}; de crisisstaf wordt opgeroepen voor de oefening, elk bericht draagt OEFENING. Zelf een inject sturen: ${prefix} oefening inject <tekst>. Stoppen: ${prefix} oefening stop. Een echt incident kan altijd gestart worden en stopt de oefening.`
    : `Exercise ${incident.number} has started${injects > 0 ? ` with ${amount(injects, "inject", "injects")} at their time` : ""}; the crisis staff is being paged for the exercise, every message says EXERCISE. Send an inject yourself: ${prefix} oefening inject <text>. Stop: ${prefix} oefening stop. A real incident can always be declared and stops the exercise.`;
}
