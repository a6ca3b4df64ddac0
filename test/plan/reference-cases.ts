// One small edit of the sample plan per kind of cross-check problem, with the problem it
// must produce. Shared by the cross-check tests and the describeProblem test.
import {
  countOf,
  edit,
  indexOf,
  lineOf,
  type ProblemCase,
  serviceIndex,
  taskIndex,
} from "./plan-text.ts";

const fn = (id: string) => indexOf("functions", id);
const taskA = (id: string) => taskIndex("A", id);
const taskB = (id: string) => taskIndex("B", id);
const SAMPLE_A_TASKS = [
  "a-tech-ict-middelen",
  "a-tech-backups",
  "a-tech-restore",
  "a-tech-internet-telefonie",
  "a-tech-website",
  "a-org-personeel-informeren",
  "a-org-coordinatie-uitwijk",
  "a-org-verzekeraar",
  "a-org-bureaumateriaal",
  "a-org-postkantoor",
  "a-org-externe-communicatie",
  "a-org-maaltijden",
  "a-org-thuiszorg",
  "a-org-sociale-dienst",
  "a-org-residentie",
  "a-org-betalingen",
];

const SAMPLE_FUNCTIONS =
  "voorzitter, algemeen-directeur, adjunct-algemeen-directeur, financieel-directeur, adjunct-financieel-directeur, diensthoofd-sociale-dienst, deskundige-ict, stafmedewerker, dpo, communicatie, diensthoofd-thuiszorg, keuken, personeelsdienst, onthaal, residentie";

export const REFERENCE_CASES: ProblemCase[] = [
  edit(
    "unknown person as a function's holder",
    (d) => d.setIn(["functions", fn("voorzitter"), "holder"], "marleen-vandame"),
    (s) => ({
      code: "ref.person",
      path: `functions[${fn("voorzitter")}].holder`,
      params: { id: "marleen-vandame", suggestion: "marleen-vandamme" },
      line: lineOf(s, "holder: marleen-vandame"),
    }),
  ),
  edit(
    "unknown person as an alternate",
    (d) => d.setIn(["functions", fn("deskundige-ict"), "alternates", 0], "jan-janssens"),
    (s) => ({
      code: "ref.person",
      path: `functions[${fn("deskundige-ict")}].alternates[0]`,
      params: { id: "jan-janssens" },
      line: lineOf(s, "id: deskundige-ict", "alternates: [jan-janssens]"),
    }),
  ),
  edit(
    "unknown person as coordinator",
    (d) => d.setIn(["coordination", "coordinator"], "piet-declercq"),
    (s) => ({
      code: "ref.person",
      path: "coordination.coordinator",
      params: { id: "piet-declercq", suggestion: "pieter-declercq" },
      line: lineOf(s, "coordinator: piet-declercq"),
    }),
  ),
  edit(
    "unknown person among the plan holders",
    (d) => d.setIn(["coordination", "planHolders", 8], "wouter-host"),
    (s) => ({
      code: "ref.person",
      path: "coordination.planHolders[8]",
      params: { id: "wouter-host", suggestion: "wouter-hoste" },
      line: lineOf(s, "planHolders:", "- wouter-host"),
    }),
  ),
  edit(
    "unknown function in the crisis staff",
    (d) => d.setIn(["coordination", "crisisStaff", 6], "ict"),
    (s) => ({
      code: "ref.function",
      path: "coordination.crisisStaff[6]",
      params: { id: "ict" },
      line: lineOf(s, "crisisStaff:", "- ict"),
    }),
  ),
  edit(
    "unknown function as a task's owner",
    (d) =>
      d.setIn(["situations", "A", "tasks", taskA("a-tech-backups"), "owner"], "deskundige-itc"),
    (s) => ({
      code: "ref.function",
      path: `situations.A.tasks[${taskA("a-tech-backups")}].owner`,
      params: { id: "deskundige-itc", suggestion: "deskundige-ict" },
      line: lineOf(s, "owner: deskundige-itc"),
    }),
  ),
  edit(
    "function without alternate",
    (d) => d.setIn(["functions", fn("keuken"), "alternates"], d.createNode([])),
    (s) => ({
      code: "function.noAlternate",
      path: `functions[${fn("keuken")}].alternates`,
      params: { id: "keuken" },
      line: lineOf(s, "id: keuken", "alternates: []"),
    }),
  ),
  edit(
    "alternate who is the holder",
    (d) => d.setIn(["functions", fn("algemeen-directeur"), "alternates", 0], "pieter-declercq"),
    (s) => ({
      code: "function.alternateIsHolder",
      path: `functions[${fn("algemeen-directeur")}].alternates[0]`,
      params: { id: "pieter-declercq" },
      line: lineOf(s, "id: algemeen-directeur", "alternates:"),
    }),
  ),
  edit(
    "deputy who is the coordinator",
    (d) => d.setIn(["coordination", "deputies", 0], "pieter-declercq"),
    (s) => ({
      code: "coordination.deputyIsCoordinator",
      path: "coordination.deputies[0]",
      params: { id: "pieter-declercq" },
      line: lineOf(s, "deputies: [pieter-declercq]"),
    }),
  ),
  edit(
    "task id used in both situations",
    (d) => d.setIn(["situations", "B", "tasks", taskB("b-tech-backups"), "id"], "a-tech-backups"),
    (s) => ({
      code: "duplicate.id",
      path: `situations.B.tasks[${taskB("b-tech-backups")}].id`,
      params: {
        kind: "task",
        id: "a-tech-backups",
        first: `situations.A.tasks[${taskA("a-tech-backups")}]`,
      },
      line: lineOf(s, "  B:", "id: a-tech-backups"),
    }),
  ),
  edit(
    "two people with the same id",
    (d) =>
      d.addIn(["people"], {
        id: "lien-coussens",
        name: "Lien Coussens",
        mobile: "+32 477 25 70 46",
      }),
    (s) => ({
      code: "duplicate.id",
      path: `people[${countOf("people")}].id`,
      params: {
        kind: "person",
        id: "lien-coussens",
        first: `people[${indexOf("people", "lien-coussens")}]`,
      },
      line: lineOf(s, "name: Joris Vandenberghe", "id: lien-coussens"),
    }),
  ),
  edit(
    "two functions with the same id",
    (d) =>
      d.addIn(["functions"], {
        id: "onthaal",
        name: "Onthaal",
        holder: "griet-debaene",
        alternates: ["tom-vanacker"],
      }),
    (s) => ({
      code: "duplicate.id",
      path: `functions[${countOf("functions")}].id`,
      params: { kind: "function", id: "onthaal", first: `functions[${fn("onthaal")}]` },
      line: lineOf(s, "id: residentie", "id: onthaal"),
    }),
  ),
  edit(
    "two services with the same id",
    (d) =>
      d.addIn(["situations", "B", "services"], {
        id: "sociale-dienst",
        name: "Sociale dienst (bis)",
        rtoHours: 24,
      }),
    (s) => ({
      code: "duplicate.id",
      path: "situations.B.services[5].id",
      params: {
        kind: "service",
        id: "sociale-dienst",
        first: `situations.B.services[${serviceIndex("B", "sociale-dienst")}]`,
      },
      line: lineOf(s, "  B:", "name: Sociale dienst (bis)") - 1,
    }),
  ),
  edit(
    "task for a service the situation does not have",
    (d) => d.setIn(["situations", "A", "tasks", taskA("a-org-thuiszorg"), "service"], "thuiszorg"),
    (s) => ({
      code: "ref.service",
      path: `situations.A.tasks[${taskA("a-org-thuiszorg")}].service`,
      params: {
        id: "thuiszorg",
        situation: "A",
        known:
          "dienstverlening, administratie, sociale-dienst, verhuur-residentie, ondersteunende-diensten",
      },
      line: lineOf(s, "service: thuiszorg"),
    }),
  ),
  edit(
    "sameAs naming a task the other situation does not have",
    (d) => d.setIn(["situations", "B", "tasks", taskB("b-tech-backups"), "sameAs"], "a-backups"),
    (s) => ({
      code: "task.sameAsUnknown",
      path: `situations.B.tasks[${taskB("b-tech-backups")}].sameAs`,
      params: {
        id: "a-backups",
        other: "A",
        known: SAMPLE_A_TASKS.join(", "),
      },
      line: lineOf(s, "sameAs: a-backups"),
    }),
  ),
  edit(
    "two tasks the same as one task of the other situation",
    (d) =>
      d.setIn(
        ["situations", "B", "tasks", taskB("b-tech-ict-middelen"), "sameAs"],
        "a-tech-backups",
      ),
    (s) => ({
      code: "task.sameAsTwice",
      path: `situations.B.tasks[${taskB("b-tech-backups")}].sameAs`,
      params: { id: "a-tech-backups", other: "A", first: "b-tech-ict-middelen" },
      line: lineOf(s, "id: b-tech-backups", "sameAs: a-tech-backups"),
    }),
  ),
  edit(
    "sameAs on both sides naming different tasks",
    (d) =>
      d.setIn(
        ["situations", "A", "tasks", taskA("a-tech-backups"), "sameAs"],
        "b-tech-ict-middelen",
      ),
    (s) => ({
      code: "task.sameAsMismatch",
      path: `situations.B.tasks[${taskB("b-tech-backups")}].sameAs`,
      params: { task: "b-tech-backups", id: "a-tech-backups", other: "b-tech-ict-middelen" },
      line: lineOf(s, "id: b-tech-backups", "sameAs: a-tech-backups"),
    }),
  ),
  edit(
    "RTO beyond the situation's target",
    (d) =>
      d.setIn(
        ["situations", "B", "services", serviceIndex("B", "verhuur-residentie"), "rtoHours"],
        60,
      ),
    (s) => ({
      code: "situation.rtoBeyondTarget",
      path: `situations.B.services[${serviceIndex("B", "verhuur-residentie")}].rtoHours`,
      params: { hours: 60, target: 48, situation: "B" },
      line: lineOf(s, "rtoHours: 60"),
    }),
  ),
  edit(
    "task deadline beyond the situation's target",
    (d) => d.setIn(["situations", "B", "tasks", taskB("b-org-verzekeraar"), "deadlineHours"], 72),
    (s) => ({
      code: "situation.deadlineBeyondTarget",
      path: `situations.B.tasks[${taskB("b-org-verzekeraar")}].deadlineHours`,
      params: { hours: 72, target: 48, situation: "B" },
      line: lineOf(s, "id: b-org-verzekeraar", "deadlineHours: 72"),
    }),
  ),
  edit(
    "empty crisis staff",
    (d) => d.setIn(["coordination", "crisisStaff"], d.createNode([])),
    (s) => ({
      code: "coordination.emptyCrisisStaff",
      path: "coordination.crisisStaff",
      line: lineOf(s, "crisisStaff: []"),
    }),
  ),
  edit(
    "classification level missing (another one twice)",
    (d) => d.setIn(["classification", "levels", 1, "id"], "groot"),
    (s) => ({
      code: "classification.levels",
      path: "classification.levels",
      params: { id: "klein" },
      line: lineOf(s, "levels:"),
    }),
  ),
  edit(
    "lead time given twice",
    (d) => d.setIn(["reminders", "leadTimes", 2], "240m"),
    (s) => ({
      code: "reminders.duplicateLeadTime",
      path: "reminders.leadTimes[2]",
      params: { value: "240m" },
      line: lineOf(s, "leadTimes:"),
    }),
  ),
  edit(
    "inject to an unknown function",
    (d) => d.setIn(["scenarios", 0, "injects", 1, "to"], "deskundige-itc"),
    (s) => ({
      code: "scenario.injectTarget",
      path: "scenarios[0].injects[1].to",
      params: {
        id: "deskundige-itc",
        suggestion: "deskundige-ict",
        scenario: "ransomware-bestandsserver",
        known: SAMPLE_FUNCTIONS,
      },
      line: lineOf(s, "to: deskundige-itc"),
    }),
  ),
  edit(
    "inject at the start of the exercise",
    (d) => d.setIn(["scenarios", 0, "injects", 0, "at"], "0m"),
    (s) => ({
      code: "scenario.injectAtStart",
      path: "scenarios[0].injects[0].at",
      params: { scenario: "ransomware-bestandsserver" },
      line: lineOf(s, "at: 0m"),
    }),
  ),
  edit(
    "scenario id used twice",
    (d) => d.setIn(["scenarios", 1], d.getIn(["scenarios", 0])),
    (s) => ({
      code: "duplicate.id",
      path: "scenarios[1].id",
      params: { kind: "scenario", id: "ransomware-bestandsserver", first: "scenarios[0]" },
      line: lineOf(s, "id: ransomware-bestandsserver", "injects:", "id: ransomware-bestandsserver"),
    }),
  ),
];

export const WARNING_CASES: ProblemCase[] = [
  edit(
    "service without tasks",
    (d) => d.deleteIn(["situations", "A", "tasks", taskA("a-org-residentie"), "service"]),
    (s) => ({
      code: "situation.serviceWithoutTask",
      path: `situations.A.services[${serviceIndex("A", "verhuur-residentie")}]`,
      params: { id: "verhuur-residentie" },
      line: lineOf(s, "  A:", "- id: verhuur-residentie"),
      severity: "warning",
    }),
  ),
  edit(
    "crisis-staff person who cannot be paged",
    (d) => d.deleteIn(["people", indexOf("people", "wouter-hoste"), "mobile"]),
    (s) => ({
      code: "person.unreachable",
      path: `people[${indexOf("people", "wouter-hoste")}]`,
      params: { id: "wouter-hoste" },
      line: lineOf(s, "- id: wouter-hoste"),
      severity: "warning",
    }),
  ),
];
