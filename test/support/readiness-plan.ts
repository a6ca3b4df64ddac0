// The sample plan with gaps in its contact details, for the readiness tests: Bart Lannoo (holder
// of Deskundige ICT) has no address at all, his alternate Kevin Dumon no Slack id (only numbers).
import type { Plan } from "../../src/plan/schema.ts";
import { loadSamplePlan } from "./engine.ts";

export const ICT = "Deskundige ICT (gemeente)";

export async function planWithGaps(): Promise<Plan> {
  const plan = structuredClone((await loadSamplePlan()).plan);
  plan.people = plan.people.map((p) => {
    if (p.id === "bart-lannoo") {
      const { slackUserId: _s, teamsUserId: _t, mobile: _m, phone: _p, ...rest } = p;
      return rest;
    }
    if (p.id === "kevin-dumon") {
      const { slackUserId: _s, ...rest } = p;
      return rest;
    }
    return p;
  });
  return plan;
}
