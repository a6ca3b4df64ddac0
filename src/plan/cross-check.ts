// Checks what the shape alone cannot: references between sections, unique ids,
// alternates for every function, RTOs within the situation's target.

import { checkPractice } from "./practice-check.ts";
import { closest, formatPath, type PlanPath, type PlanProblem, problem } from "./problems.ts";
import { CLASSIFICATIONS, INJECT_TARGETS, type Plan, SITUATIONS } from "./schema.ts";

export function crossCheck(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const people = uniqueIds(plan.people, ["people"], "person", problems);
  const functions = uniqueIds(plan.functions, ["functions"], "function", problems);
  uniqueIds(plan.fallbackLocations, ["fallbackLocations"], "location", problems);
  uniqueIds(plan.suppliers, ["suppliers"], "supplier", problems);
  uniqueIds(plan.organisation.sites, ["organisation", "sites"], "site", problems);
  const sections = uniqueIds(plan.review.sections, ["review", "sections"], "section", problems);
  plan.review.sections.forEach((section, i) => {
    if (sections.get(section.id) === i) {
      uniqueIds(section.questions, ["review", "sections", i, "questions"], "question", problems);
    }
  });

  const person = (id: string, path: PlanPath) => {
    if (!people.has(id))
      problems.push(problem("ref.person", path, withSuggestion(id, people.keys())));
  };
  const fn = (id: string, path: PlanPath) => {
    if (!functions.has(id))
      problems.push(problem("ref.function", path, withSuggestion(id, functions.keys())));
  };

  plan.functions.forEach((f, i) => {
    person(f.holder, ["functions", i, "holder"]);
    if (f.alternates.length === 0)
      problems.push(problem("function.noAlternate", ["functions", i, "alternates"], { id: f.id }));
    f.alternates.forEach((alternate, j) => {
      person(alternate, ["functions", i, "alternates", j]);
      if (alternate === f.holder) {
        problems.push(
          problem("function.alternateIsHolder", ["functions", i, "alternates", j], {
            id: alternate,
          }),
        );
      }
    });
  });

  const { coordination } = plan;
  person(coordination.coordinator, ["coordination", "coordinator"]);
  coordination.deputies.forEach((deputy, i) => {
    person(deputy, ["coordination", "deputies", i]);
    if (deputy === coordination.coordinator) {
      problems.push(
        problem("coordination.deputyIsCoordinator", ["coordination", "deputies", i], {
          id: deputy,
        }),
      );
    }
  });
  person(coordination.communicationOfficer, ["coordination", "communicationOfficer"]);
  coordination.planHolders.forEach((holder, i) => {
    person(holder, ["coordination", "planHolders", i]);
  });
  if (coordination.crisisStaff.length === 0) {
    problems.push(problem("coordination.emptyCrisisStaff", ["coordination", "crisisStaff"]));
  }
  coordination.crisisStaff.forEach((id, i) => {
    fn(id, ["coordination", "crisisStaff", i]);
  });

  for (const which of ["primary", "fallback"] as const) {
    const contact = plan.meeting[which].contact;
    if (contact) person(contact, ["meeting", which, "contact"]);
  }
  plan.fallbackLocations.forEach((location, i) => {
    if (location.contact) person(location.contact, ["fallbackLocations", i, "contact"]);
  });

  for (const which of ["activation", "deactivation"] as const) {
    plan.checklists?.[which].forEach((item, i) => {
      if (item.function) fn(item.function, ["checklists", which, i, "function"]);
    });
  }

  const levels = new Set(plan.classification.levels.map((level) => level.id));
  for (const level of CLASSIFICATIONS) {
    if (!levels.has(level))
      problems.push(problem("classification.levels", ["classification", "levels"], { id: level }));
  }

  const taskIds = new Map<string, string>();
  for (const situationId of SITUATIONS) {
    const situation = plan.situations[situationId];
    const base = ["situations", situationId] as const;
    const services = uniqueIds(situation.services, [...base, "services"], "service", problems);
    const servicesWithTasks = new Set(situation.tasks.map((task) => task.service));
    situation.services.forEach((service, i) => {
      if (service.rtoHours > situation.targetHours) {
        problems.push(
          problem("situation.rtoBeyondTarget", [...base, "services", i, "rtoHours"], {
            hours: service.rtoHours,
            target: situation.targetHours,
            situation: situationId,
          }),
        );
      }
      service.keyStaff.forEach((id, j) => {
        fn(id, [...base, "services", i, "keyStaff", j]);
      });
      if (!servicesWithTasks.has(service.id)) {
        problems.push(
          problem(
            "situation.serviceWithoutTask",
            [...base, "services", i],
            { id: service.id },
            "warning",
          ),
        );
      }
    });
    situation.tasks.forEach((task, i) => {
      const path = [...base, "tasks", i];
      const first = taskIds.get(task.id);
      if (first)
        problems.push(
          problem("duplicate.id", [...path, "id"], { kind: "task", id: task.id, first }),
        );
      else taskIds.set(task.id, formatPath(path));
      fn(task.owner, [...path, "owner"]);
      if (task.service && !services.has(task.service)) {
        problems.push(
          problem("ref.service", [...path, "service"], {
            id: task.service,
            situation: situationId,
            known: [...services.keys()].join(", "),
          }),
        );
      }
      if (task.deadlineHours !== undefined && task.deadlineHours > situation.targetHours) {
        problems.push(
          problem("situation.deadlineBeyondTarget", [...path, "deadlineHours"], {
            hours: task.deadlineHours,
            target: situation.targetHours,
            situation: situationId,
          }),
        );
      }
    });
  }

  checkSameAs(plan, problems);
  checkScenarios(plan, functions, problems);

  const seenLeadTimes = new Set<number>();
  plan.reminders.leadTimes.forEach((minutes, i) => {
    if (seenLeadTimes.has(minutes)) {
      problems.push(
        problem("reminders.duplicateLeadTime", ["reminders", "leadTimes", i], {
          value: `${minutes}m`,
        }),
      );
    }
    seenLeadTimes.add(minutes);
  });

  const paged = new Set(
    plan.functions
      .filter((f) => coordination.crisisStaff.includes(f.id))
      .flatMap((f) => [f.holder, ...f.alternates]),
  );
  plan.people.forEach((p, i) => {
    if (paged.has(p.id) && !p.slackUserId && !p.teamsUserId && !p.mobile) {
      problems.push(problem("person.unreachable", ["people", i], { id: p.id }, "warning"));
    }
  });
  checkPractice(plan, problems);
  return problems;
}

/**
 * `sameAs` names the same work in the other situation: it must exist there, each task may be
 * the counterpart of only one, and where both sides say it, they must name each other.
 */
function checkSameAs(plan: Plan, problems: PlanProblem[]): void {
  /** Task id → the task of the other situation it is the same as. */
  const claimedBy = new Map<string, string>();
  for (const situationId of SITUATIONS) {
    const other = situationId === "A" ? "B" : "A";
    const theirs = new Map(plan.situations[other].tasks.map((t) => [t.id, t]));
    plan.situations[situationId].tasks.forEach((task, i) => {
      if (!task.sameAs) return;
      const path = ["situations", situationId, "tasks", i, "sameAs"];
      const target = theirs.get(task.sameAs);
      if (!target) {
        problems.push(
          problem("task.sameAsUnknown", path, {
            id: task.sameAs,
            other,
            known: [...theirs.keys()].join(", "),
          }),
        );
        return;
      }
      if (target.sameAs && target.sameAs !== task.id) {
        problems.push(
          problem("task.sameAsMismatch", path, {
            task: task.id,
            id: target.id,
            other: target.sameAs,
          }),
        );
        return;
      }
      // Each task is the counterpart of one task at most (a pair named from both sides is one).
      const first = claimedBy.get(target.id);
      if (first && first !== task.id) {
        problems.push(problem("task.sameAsTwice", path, { id: target.id, other, first }));
        return;
      }
      claimedBy.set(target.id, task.id);
      claimedBy.set(task.id, target.id);
    });
  }
}

/** Scenario ids are unique; each inject goes to a function, the coordinator or the channel. */
function checkScenarios(plan: Plan, functions: Map<string, number>, problems: PlanProblem[]): void {
  uniqueIds(plan.scenarios, ["scenarios"], "scenario", problems);
  const targets = [...INJECT_TARGETS, ...functions.keys()];
  plan.scenarios.forEach((scenario, i) => {
    scenario.injects.forEach((inject, j) => {
      const path = ["scenarios", i, "injects", j];
      if (!(INJECT_TARGETS as readonly string[]).includes(inject.to) && !functions.has(inject.to))
        problems.push(
          problem("scenario.injectTarget", [...path, "to"], {
            ...withSuggestion(inject.to, targets),
            scenario: scenario.id,
            known: [...functions.keys()].join(", "),
          }),
        );
      if (inject.at <= 0)
        problems.push(
          problem("scenario.injectAtStart", [...path, "at"], { scenario: scenario.id }),
        );
    });
  });
}

/** Index of each id's first occurrence; later occurrences are reported as duplicates. */
function uniqueIds(
  items: ReadonlyArray<{ id: string }>,
  path: PlanPath,
  kind: string,
  problems: PlanProblem[],
): Map<string, number> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else {
      const firstPath = formatPath([...path, first]);
      problems.push(
        problem("duplicate.id", [...path, i, "id"], { kind, id: item.id, first: firstPath }),
      );
    }
  });
  return seen;
}

function withSuggestion(id: string, candidates: Iterable<string>): Record<string, string> {
  const suggestion = closest(id, candidates);
  return suggestion ? { id, suggestion } : { id };
}
