// The confirmation for whoever declared an incident, from a typed command or a form: what
// happened, and the plan's next step (DRP 13: the crisis staff meets, evaluates, decides).
import type { CrisisEngine } from "../engine.ts";
import type { IncidentCardView } from "../views/types.ts";

export async function declaredReply(
  engine: CrisisEngine,
  incidentId: string,
  prefix: string,
): Promise<{ kind: "declared"; incident: IncidentCardView; text: string }> {
  const card = await engine.views.incidentCard(incidentId);
  const nl = engine.directory.locale === "nl";
  const number = card.number;
  const text = card.planActivated
    ? nl
      ? `Incident ${number} is gestart; de crisisstaf wordt opgeroepen. Volgende stap: leg na de vergadering de evaluatie vast met ${prefix} evaluatie <toestand>; dan volgt de beslissing A of B.`
      : `Incident ${number} has started; the crisis staff is being paged. Next: after the meeting, record the evaluation with ${prefix} evaluation <situation>; the decision A or B follows.`
    : nl
      ? `Incident ${number} is gestart.`
      : `Incident ${number} has started.`;
  return { kind: "declared", incident: card, text };
}
