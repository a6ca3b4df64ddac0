// Who holds a copy of the plan (DRP §2 and §13: "de personen van de crisisstaf beschikken over
// een exemplaar"): the plan's planHolders, then the crisis staff's holders and alternates.
import type { Person, Plan } from "../../plan/schema.ts";

/** Person ids in order, each once: planHolders first, then crisis staff holders and alternates. */
export function copyHolderIds(plan: Plan): string[] {
  const ids = new Set<string>(plan.coordination.planHolders);
  for (const functionId of plan.coordination.crisisStaff) {
    const fn = plan.functions.find((f) => f.id === functionId);
    if (!fn) continue;
    ids.add(fn.holder);
    for (const alternate of fn.alternates) ids.add(alternate);
  }
  return [...ids];
}

export function copyHolders(plan: Plan): Person[] {
  const people = new Map(plan.people.map((p) => [p.id, p]));
  return copyHolderIds(plan).flatMap((id) => {
    const person = people.get(id);
    return person ? [person] : [];
  });
}

export function isCopyHolder(plan: Plan, personId: string): boolean {
  return copyHolderIds(plan).includes(personId);
}
