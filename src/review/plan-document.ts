// A holder's copy of the plan, or the crisis card, as a file: the name says whose it is and
// which version, so two copies on one desk are never confused.
import {
  buildCrisisCard,
  buildPlanDocument,
  type PlanCopyInput,
  type RampReach,
} from "../core/plan-document/build.ts";
import { type ReviewDocument, type ReviewFormat, renderDocumentFile } from "./document.ts";

export type PlanDocumentKind = "plan" | "card";

export function planFileName(
  input: PlanCopyInput,
  kind: PlanDocumentKind,
  format: ReviewFormat,
): string {
  const { plan, holder } = input;
  const nl = plan.organisation.locale === "nl";
  const stem =
    kind === "card" ? (nl ? "zakkaart" : "crisis-card") : nl ? "rampenplan" : "crisis-plan";
  const parts = [stem, plan.organisation.id, `v${plan.document.version}`, holder?.id];
  return `${parts
    .filter(Boolean)
    .join("-")
    .replace(/[^A-Za-z0-9.-]+/g, "-")}.${format}`;
}

export function renderPlanDocument(
  input: PlanCopyInput,
  kind: PlanDocumentKind,
  format: ReviewFormat,
  reach: RampReach,
): Promise<ReviewDocument> {
  const model = kind === "card" ? buildCrisisCard(input, reach) : buildPlanDocument(input);
  return renderDocumentFile(model, format, planFileName(input, kind, format));
}
