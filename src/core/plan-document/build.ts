// The crisis plan as a document for one holder (DRP template order) and as a one-page crisis
// card, both in the one document model the review uses, so the same renderers lay them out.
import type { Person, Plan } from "../../plan/schema.ts";
import { reviewDateTime, sayIn } from "../review/format.ts";
import type { DocumentModel, DocumentSection } from "../review/model.ts";
import {
  communicationChapter,
  coordinationChapter,
  holdersChapter,
  insuranceChapter,
  sitesChapter,
  suppliersChapter,
} from "./chapters-people.ts";
import {
  checklistChapters,
  classificationChapter,
  contactListChapter,
  firstSteps,
  recoveryChapter,
  situationChapter,
  stepPlanChapter,
  versionChapter,
} from "./chapters-steps.ts";
import { confidentialityLine } from "./copy-line.ts";
import { block, chrome, fact, PlanLookup } from "./parts.ts";

export interface PlanCopyInput {
  plan: Plan;
  planHash: string;
  /** The person this copy is for; null for an unnamed copy. */
  holder: Person | null;
  printedAt: Date;
}

/** How people reach Ramp, for the crisis card. */
export interface RampReach {
  /** The board and local chat, e.g. https://ramp.example.be */
  webUrl: string | null;
  slack: boolean;
  teams: boolean;
  sms: boolean;
}

export function buildPlanDocument(input: PlanCopyInput): DocumentModel {
  const { plan } = input;
  const look = new PlanLookup(plan);
  const say = sayIn(plan.organisation.locale);
  const sections: DocumentSection[] = [
    holdersChapter(look, say),
    communicationChapter(look, say),
    sitesChapter(look, say),
    suppliersChapter(look, say),
    insuranceChapter(look, say),
    coordinationChapter(look, say),
    stepPlanChapter(look, say),
    situationChapter(look, say, "A"),
    situationChapter(look, say, "B"),
    recoveryChapter(say),
    classificationChapter(look, say),
    ...checklistChapters(look, say),
    contactListChapter(look, say),
    versionChapter(look, say),
  ].filter((s): s is DocumentSection => s !== null);
  return {
    ...frame(input, plan.document.title),
    sections,
  };
}

export function buildCrisisCard(input: PlanCopyInput, reach: RampReach): DocumentModel {
  const { plan } = input;
  const look = new PlanLookup(plan);
  const say = sayIn(plan.organisation.locale);
  const { coordination, meeting } = plan;
  const place = (which: "primary" | "fallback") => {
    const p = meeting[which];
    return [p.name, p.room, p.address, p.phone].filter(Boolean).join(", ");
  };
  const base = frame(
    input,
    say(
      `Zakkaart crisisstaf — ${plan.organisation.name}`,
      `Crisis card — ${plan.organisation.name}`,
    ),
  );
  return {
    ...base,
    layout: "card",
    summary: [],
    intro: [],
    sections: [
      {
        id: "stappen",
        title: say("De eerste vijf stappen", "The first five steps"),
        answers: firstSteps(look, say).map((step, i) =>
          block(`stap-${i + 1}`, `${i + 1}. ${step.title}`, { text: [step.text] }),
        ),
        tables: [],
      },
      {
        id: "contactadres",
        title: say("Contactadres", "Meeting address"),
        answers: [
          block("adressen", say("Waar de crisisstaf samenkomt", "Where the crisis staff meets"), {
            facts: [
              { label: say("Contactadres", "Meeting address"), value: place("primary") },
              { label: say("Uitwijk", "Fallback"), value: place("fallback") },
            ],
          }),
        ],
        tables: [],
      },
      {
        id: "ramp",
        title: say("Ramp bereiken", "Reaching Ramp"),
        answers: [block("kanalen", say("Kanalen", "Channels"), { facts: reachFacts(reach, say) })],
        tables: [],
      },
      {
        id: "contactboom",
        title: say("Contactboom per functie", "Contact tree per function"),
        answers: [
          block("leiding", say("Leiding", "Lead"), {
            facts: [
              ...look.leadFacts(say),
              {
                label: say("Communicatie", "Communication"),
                value: look.nameAndPhone(coordination.communicationOfficer),
              },
            ],
          }),
        ],
        tables: [
          {
            id: "contactboom",
            title: say("Titularis → vervangers", "Holder → alternates"),
            columns: [
              say("Functie", "Function"),
              say("Titularis", "Holder"),
              say("Vervangers", "Alternates"),
            ],
            rows: plan.functions.map((f) => [
              f.name,
              look.nameAndPhone(f.holder),
              f.alternates.map((a) => look.nameAndPhone(a)).join(" → "),
            ]),
            empty: "—",
          },
        ],
      },
    ],
  };
}

function reachFacts(reach: RampReach, say: (nl: string, en: string) => string) {
  return [
    ...(reach.slack
      ? fact(
          "Slack",
          say(
            "/ramp start … in Slack; Ramp schrijft u ook privé",
            "/ramp start … in Slack; Ramp also writes to you privately",
          ),
        )
      : []),
    ...(reach.teams
      ? fact(
          "Teams",
          say(
            "@Ramp start … in het kanaal van de crisisstaf of privé",
            "@Ramp start … in the crisis staff channel or privately",
          ),
        )
      : []),
    ...(reach.webUrl
      ? fact(
          say("Browser", "Browser"),
          say(
            `${reach.webUrl} (crisisbord; aanmelden met uw persoonlijke link)`,
            `${reach.webUrl} (crisis board; sign in with your personal link)`,
          ),
        )
      : []),
    ...(reach.sms
      ? fact(
          "SMS",
          say(
            "oproepen komen ook per sms, met een link om te antwoorden",
            "pages also come by SMS, with a link to answer",
          ),
        )
      : []),
    {
      label: say("Zonder Ramp", "Without Ramp"),
      value: say(
        "bel de coördinator en werk met dit exemplaar van het plan",
        "ring the coordinator and work from this copy of the plan",
      ),
    },
  ];
}

function frame(input: PlanCopyInput, title: string): Omit<DocumentModel, "sections"> {
  const { plan, holder, printedAt, planHash } = input;
  const { locale, timeZone } = plan.organisation;
  const say = sayIn(locale);
  const line = confidentialityLine(plan, holder, printedAt);
  const printed = reviewDateTime(printedAt, locale, timeZone);
  return {
    locale,
    timeZone,
    title,
    subtitle: `${plan.organisation.name} — ${say("versie", "version")} ${plan.document.version}`,
    organisation: plan.organisation.name,
    generatedAt: printedAt.toISOString(),
    intro: [],
    summary: [
      {
        label: say("Exemplaar van", "Copy of"),
        value: holder ? holder.name : say("niet op naam", "unnamed"),
      },
      { label: say("Versie", "Version"), value: plan.document.version },
      ...fact(say("Goedkeuring", "Approval"), plan.document.approved),
      { label: say("Kenmerk van de inhoud", "Content fingerprint"), value: planHash.slice(0, 12) },
      { label: say("Gemaakt op", "Printed on"), value: printed },
    ],
    overviews: [],
    chrome: chrome(
      say,
      line,
      say(
        `Gemaakt door Ramp op ${printed} uit versie ${plan.document.version} van het plan. Bij een nieuwe versie krijgt u een nieuw exemplaar; vernietig dan dit.`,
        `Made by Ramp on ${printed} from version ${plan.document.version} of the plan. A new version brings a new copy; destroy this one then.`,
      ),
    ),
  };
}
