// The plan document's chapters about what to do (DRP §13–15 and the incident plan's
// classification and checklists), with the plan's own names, numbers and deadlines.
import type { SituationId } from "../../plan/schema.ts";
import { hoursMinutes, type Say } from "../review/format.ts";
import type { DocumentSection } from "../review/model.ts";
import { block, type PlanLookup } from "./parts.ts";

export interface Step {
  title: string;
  text: string;
}

/** DRP §13: the five steps from the report to the decision, with who, where and the command. */
export function firstSteps(look: PlanLookup, say: Say): Step[] {
  const { coordination, meeting, situations } = look.plan;
  const leaders = [coordination.coordinator, ...coordination.deputies]
    .map((id) => look.nameAndPhone(id))
    .join(say(" of ", " or "));
  const within = hoursMinutes(meeting.arriveWithin * 60_000, look.plan.organisation.locale);
  return [
    {
      title: say("Melding van de ramp", "Report of the disaster"),
      text: say(
        `Verwittig de coördinator: ${leaders}. In Ramp: "/ramp melding <wat en waar>"; de coördinator start het plan met "/ramp start <ernst> <omschrijving>".`,
        `Alert the coordinator: ${leaders}. In Ramp: "/ramp report <what and where>"; the coordinator starts the plan with "/ramp start <level> <description>".`,
      ),
    },
    {
      title: say("Verzamelen op het contactadres", "Gather at the meeting address"),
      text: say(
        `Ramp roept de crisisstaf op (bij geen antwoord de vervangers). Kom binnen ${within} met uw exemplaar van het plan naar ${meeting.primary.name}, ${meeting.primary.address}; uitwijk: ${meeting.fallback.name}, ${meeting.fallback.address}.`,
        `Ramp pages the crisis staff (their alternates when they do not answer). Come within ${within}, with your copy of the plan, to ${meeting.primary.name}, ${meeting.primary.address}; fallback: ${meeting.fallback.name}, ${meeting.fallback.address}.`,
      ),
    },
    {
      title: say("Vergadering van de crisisstaf", "Crisis staff meeting"),
      text: say(
        "Inventaris van de schade; alle deelnemers doorlopen het plan, starten de taakverdeling ('/ramp taken') en leggen een datum voor de eerste evaluatie en de verdere opvolging vast.",
        "Inventory of the damage; everyone goes through the plan, starts the task lists ('/ramp tasks') and sets a date for the first evaluation and the follow-up.",
      ),
    },
    {
      title: say("Evaluatie van de rampsituatie", "Evaluation of the situation"),
      text: say(
        "Kunnen de diensten, al dan niet gedeeltelijk, in de eigen gebouwen verder? Leg de evaluatie vast met '/ramp evaluatie <tekst>'.",
        "Can services continue, fully or in part, in the own buildings? Record the evaluation with '/ramp evaluation <text>'.",
      ),
    },
    {
      title: say("Beslissing: situatie A of B", "Decision: situation A or B"),
      text: say(
        `De coördinator beslist tussen ${situations.A.name} (basisdiensten binnen ${situations.A.targetHours} u; '/ramp besluit A <uitwijklocatie>') en ${situations.B.name} (binnen ${situations.B.targetHours} u; '/ramp besluit B').`,
        `The coordinator decides between ${situations.A.name} (basic services within ${situations.A.targetHours} h; '/ramp decide A <location>') and ${situations.B.name} (within ${situations.B.targetHours} h; '/ramp decide B').`,
      ),
    },
  ];
}

export function stepPlanChapter(look: PlanLookup, say: Say): DocumentSection {
  return {
    id: "stappenplan",
    title: say(
      "13. Stappenplan bij de afhandeling van een algemene of gedeeltelijke ramp",
      "13. Step plan for a total or partial disaster",
    ),
    answers: firstSteps(look, say).map((step, i) =>
      block(`stap-${i + 1}`, `${i + 1}. ${step.title}`, { text: [step.text] }),
    ),
    tables: [],
  };
}

export function situationChapter(look: PlanLookup, say: Say, id: SituationId): DocumentSection {
  const { plan } = look;
  const situation = plan.situations[id];
  const services = new Map(situation.services.map((s) => [s.id, s]));
  const owner = (functionId: string) => {
    const fn = plan.functions.find((f) => f.id === functionId);
    return `${look.functionName(functionId)} (${look.name(fn?.holder)})`;
  };
  const taskTable = (phase: "technisch" | "organisatorisch") => ({
    id: `${id}-${phase}`,
    title:
      phase === "technisch"
        ? say("Technische fase – taakverdeling", "Technical phase – tasks")
        : say("Organisatorische fase – taakverdeling", "Organisational phase – tasks"),
    columns: [
      say("Taak", "Task"),
      say("Omschrijving", "Description"),
      say("Functie", "Function"),
      say("Deadline", "Deadline"),
      say("Dienst", "Service"),
    ],
    rows: situation.tasks
      .filter((t) => t.phase === phase)
      .map((t) => {
        const service = t.service ? services.get(t.service) : undefined;
        const hours = t.deadlineHours ?? service?.rtoHours ?? situation.targetHours;
        return [
          t.title,
          t.description ?? "—",
          owner(t.owner),
          say(`${hours} u na de melding`, `${hours} h after the report`),
          service?.name ?? "—",
        ];
      }),
    empty: say("Geen taken in deze fase.", "No tasks in this phase."),
  });
  const locations =
    id === "A"
      ? [
          say("Uitwijklocaties: ", "Fallback locations: ") +
            plan.fallbackLocations
              .map((l) => (l.phone ? `${l.name} – ${l.phone}` : l.name))
              .join("; "),
        ]
      : [];
  return {
    id: `situatie-${id.toLowerCase()}`,
    // Plans usually name the situation themselves ("Situatie A – …"); others get the letter.
    title: `${id === "A" ? "13.1" : "13.2"} ${new RegExp(`\\b${id}\\b`).test(situation.name) ? situation.name : `${say("Situatie", "Situation")} ${id}: ${situation.name}`}`,
    intro: [
      say(
        `Doelstelling: basisdiensten opstarten binnen ${situation.targetHours} uur.`,
        `Objective: basic services running within ${situation.targetHours} hours.`,
      ),
      ...locations,
    ],
    answers: [],
    tables: [
      {
        id: `${id}-prioriteiten`,
        title: say("Prioriteitenlijst met RTO", "Priority list with RTO"),
        columns: [
          "#",
          say("Dienst", "Service"),
          "RTO",
          say("Sleutelpersoneel", "Key staff"),
          say("Opmerking", "Note"),
        ],
        rows: situation.services.map((s, i) => [
          String(i + 1),
          s.name,
          say(`${s.rtoHours} u`, `${s.rtoHours} h`),
          s.keyStaff.map(owner).join("; ") || "—",
          s.notes ?? "—",
        ]),
        empty: "—",
      },
      taskTable("technisch"),
      taskTable("organisatorisch"),
    ],
  };
}

export function recoveryChapter(say: Say): DocumentSection {
  return {
    id: "herstelfase",
    title: say("14. Herstelfase", "14. Recovery"),
    intro: [
      say(
        "De herstelfase is de beëindiging van de rampsituatie: de terugkeer naar een genormaliseerde toestand wordt voorbereid en afgehandeld. De planning volgt pas wanneer beslist is wat er met de beschadigde gebouwen gebeurt. Ramp sluit het incident af met '/ramp stop' en maakt de post-incident review op.",
        "Recovery ends the disaster: the return to normal operation is prepared and carried out. Its planning follows once it is decided what happens to the damaged buildings. Ramp closes the incident with '/ramp stop' and drafts the post-incident review.",
      ),
    ],
    answers: [],
    tables: [],
  };
}

export function classificationChapter(look: PlanLookup, say: Say): DocumentSection {
  const { levels, activatesPlanFrom } = look.plan.classification;
  const from = levels.find((l) => l.id === activatesPlanFrom)?.name ?? activatesPlanFrom;
  return {
    id: "classificatie",
    title: say("Incidentenbeheerplan: classificatie", "Incident plan: classification"),
    intro: [
      say(
        `Wie een melding ontvangt, deelt ze in. Vanaf "${from}" wordt het rampenplan geactiveerd en de crisisstaf opgeroepen.`,
        `Whoever receives a report classifies it. From "${from}" on, the plan is activated and the crisis staff paged.`,
      ),
    ],
    answers: [],
    tables: [
      {
        id: "niveaus",
        title: say("Niveaus", "Levels"),
        columns: [say("Niveau", "Level"), say("Omschrijving", "Description")],
        rows: levels.map((l) => [l.name, l.description]),
        empty: "—",
      },
    ],
  };
}

/** Activation and deactivation, when the plan has them: a checklist to tick on paper. */
export function checklistChapters(look: PlanLookup, say: Say): DocumentSection[] {
  const lists = look.plan.checklists;
  if (!lists) return [];
  const item = (i: { action: string; function?: string; reference?: string }) =>
    [
      i.action,
      i.function ? look.functionName(i.function) : undefined,
      i.reference ? say(`zie ${i.reference}`, `see ${i.reference}`) : undefined,
    ]
      .filter(Boolean)
      .join(" — ");
  const chapters: DocumentSection[] = [];
  if (lists.activation.length > 0) {
    chapters.push({
      id: "activering",
      title: say("Incidentenbeheerplan: activering", "Incident plan: activation"),
      answers: [
        block("activering-lijst", say("Checklist bij de activering", "Activation checklist"), {
          checklist: lists.activation.map(item),
        }),
      ],
      tables: [],
    });
  }
  if (lists.deactivation.length > 0) {
    chapters.push({
      id: "deactivering",
      title: say("Incidentenbeheerplan: deactivering", "Incident plan: deactivation"),
      answers: [
        block(
          "deactivering-lijst",
          say("Checklist bij de deactivering", "Deactivation checklist"),
          { checklist: lists.deactivation.map(item) },
        ),
      ],
      tables: [],
    });
  }
  return chapters;
}

export function contactListChapter(look: PlanLookup, say: Say): DocumentSection {
  return {
    id: "contactenlijst",
    title: say("Contactenlijst: functies en vervangers", "Contact list: functions and alternates"),
    answers: [],
    tables: [
      {
        id: "functies",
        title: say("Functies met titularis en vervangers", "Functions with holder and alternates"),
        columns: [
          say("Functie", "Function"),
          say("Titularis", "Holder"),
          say("Vervangers (in volgorde)", "Alternates (in order)"),
          say("Actie", "Action"),
        ],
        rows: look.plan.functions.map((f) => [
          f.name,
          look.nameAndPhone(f.holder),
          f.alternates.map((a) => look.nameAndPhone(a)).join("; "),
          f.action ?? "—",
        ]),
        empty: "—",
      },
    ],
  };
}

export function versionChapter(look: PlanLookup, say: Say): DocumentSection {
  const { document } = look.plan;
  return {
    id: "versiebeheer",
    title: say(
      "15. Versiebeheer: overzicht aanpassingen en correcties",
      "15. Version history: changes and corrections",
    ),
    intro: [
      say(`Huidige versie: ${document.version}.`, `Current version: ${document.version}.`),
      ...(document.approved ? [document.approved] : []),
    ],
    answers: [],
    tables: [
      {
        id: "versies",
        title: say("Versies", "Versions"),
        columns: [say("Versie", "Version"), say("Datum", "Date"), say("Aanpassingen", "Changes")],
        rows: document.revisions.map((r) => [r.version, r.date, r.changes.join("\n")]),
        empty: say("Geen versies opgenomen.", "No versions recorded."),
      },
    ],
  };
}
