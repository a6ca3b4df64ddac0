// To the coordinator, privately, when Ramp proposes a change to the plan: for whom, what, from
// where, and how to apply it. Queued in the transaction that records the proposals, so it goes
// out once with them (a restart or a second replica records nothing new and says nothing again).
import type { EngineContext } from "../context.ts";
import type { OutboxItem } from "../model.ts";
import { outboxItems } from "../work.ts";
import { FIELD_LABELS, SOURCE_LABELS } from "./labels.ts";
import type { PlanAmendment } from "./model.ts";

export function amendmentNotice(
  ctx: EngineContext,
  recorded: readonly PlanAmendment[],
  now: Date,
): Array<Omit<OutboxItem, "attempts">> {
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const lang = nl ? 0 : 1;
  const empty = nl ? "(leeg)" : "(empty)";
  const lines = recorded.map((a) => {
    const who = `${dir.name(a.personId)}, ${FIELD_LABELS[a.field][lang]}`;
    const what = a.newValue ? `${a.oldValue ?? empty} → ${a.newValue}` : `"${a.note ?? ""}"`;
    return `- ${who}: ${what} (${SOURCE_LABELS[a.source][lang]})`;
  });
  const text = nl
    ? `Ramp stelt een wijziging van het rampenplan voor:\n${lines.join("\n")}\nHet planbestand zelf blijft ongewijzigd. Bekijk het voorstel op het bord (Paraatheid) of met npx ramp plan amendments, neem het over in het plan en verhoog de versie: dan krijgt iedereen de nieuwe versie.`
    : `Ramp proposes a change to the crisis plan:\n${lines.join("\n")}\nThe plan file itself is unchanged. See the proposal on the board (Readiness) or with npx ramp plan amendments, take it into the plan and raise the version: everyone then gets the new version.`;
  const coordinator = dir.plan.coordination.coordinator;
  const first = recorded[0]!.id;
  return outboxItems(
    ctx,
    {
      incidentId: null,
      audience: { kind: "person", personId: coordinator },
      delivery: {
        type: "notice",
        notice: { kind: "plan-amendment", incidentId: null, subjectId: first, text },
      },
      now,
      sent: true,
    },
    (channel) => `plan-amendment:${first}:${channel}`,
  );
}
