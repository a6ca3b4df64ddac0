// Sections "Context" and "Detectie": the incident's administration and how it came to light.
import { actorName } from "./analysis.ts";
import {
  type Answerer,
  classificationLabel,
  type Draft,
  fromNotes,
  noteFacts,
  open,
  personWithTitle,
  seqOf,
  sourceLabel,
} from "./draft.ts";
import { joinList } from "./format.ts";
import type { ReviewFact } from "./model.ts";
import { RTO_MISSED, type ServiceResult } from "./work-outcomes.ts";

export const CONTEXT_ANSWERS: Record<string, Answerer> = {
  incidentnummer: (a) => ({
    status: "answered",
    text: [a.data.incident.number],
    facts: [
      {
        label: a.say("Status", "Status"),
        value:
          a.data.incident.status === "closed"
            ? a.say("afgesloten", "closed")
            : a.say("loopt nog", "still active"),
      },
    ],
  }),

  "tijdstip-vastgesteld": (a) => {
    const { incident } = a.data;
    const declared: ReviewFact = {
      label: a.say("Gemeld in Ramp", "Declared in Ramp"),
      value: `${a.when(incident.declaredAt)} — ${a.dir.name(incident.declaredById)}`,
      ...seqOf(a.index.declared),
    };
    if (!incident.detectedAt) {
      return {
        status: "partial",
        text: [
          a.say(
            `Niet opgegeven bij de melding; het incident werd gemeld in Ramp op ${a.when(incident.declaredAt)}.`,
            `Not given with the declaration; the incident was declared in Ramp on ${a.when(incident.declaredAt)}.`,
          ),
        ],
        facts: [declared],
        note: a.say(
          "Vul het tijdstip van vaststelling aan.",
          "Fill in when the incident was detected.",
        ),
      };
    }
    return {
      status: "answered",
      text: [a.when(incident.detectedAt)],
      facts: [declared],
    };
  },

  "tijdstip-opgelost": (a) => {
    const { incident } = a.data;
    if (!incident.closedAt) {
      return open(
        a.say(
          `Het incident loopt nog (stand van ${a.when(a.data.now)}).`,
          `The incident is still active (as of ${a.when(a.data.now)}).`,
        ),
      );
    }
    const facts: ReviewFact[] = [
      {
        label: a.say("Afgesloten door", "Closed by"),
        value: a.dir.name(incident.closedById),
        ...seqOf(a.index.closed),
      },
      {
        label: a.say("Duur sinds de melding", "Duration since the declaration"),
        value: a.span(incident.closedAt.getTime() - incident.declaredAt.getTime()),
      },
    ];
    if (incident.detectedAt) {
      facts.push({
        label: a.say("Duur sinds de vaststelling", "Duration since detection"),
        value: a.span(incident.closedAt.getTime() - incident.detectedAt.getTime()),
      });
    }
    return { status: "answered", text: [a.when(incident.closedAt)], facts };
  },

  "type-incident": (a) => {
    const { incident } = a.data;
    const scope =
      incident.scope === "totaal"
        ? a.say("Totale ramp (omvang: totaal)", "Total disaster (scope: totaal)")
        : incident.scope === "gedeeltelijk"
          ? a.say(
              "Gedeeltelijke ramp (omvang: gedeeltelijk)",
              "Partial disaster (scope: gedeeltelijk)",
            )
          : a.say(
              "Omvang onbekend: niemand legde vast of de ramp totaal of gedeeltelijk was",
              "Scope unknown: nobody recorded whether the disaster was total or partial",
            );
    const hours =
      incident.officeHours === null
        ? ""
        : incident.officeHours
          ? a.say(", tijdens de diensturen", ", during office hours")
          : a.say(", buiten de diensturen", ", outside office hours");
    return {
      status: "partial",
      text: [`${scope}${hours}.`],
      note: a.say(
        "Vul de aard van het incident aan (bv. brand, telecomstoring, cyberaanval).",
        "Add the kind of incident (e.g. fire, telecom outage, cyber attack).",
      ),
    };
  },

  ernst: (a) => {
    const { incident } = a.data;
    const level = a.dir.plan.classification.levels.find((l) => l.id === incident.classification);
    const text = [
      `${classificationLabel(a, incident.classification)}${level ? ` — ${level.description}` : ""}`,
    ];
    const facts: ReviewFact[] = a.index.reclassified.map((entry) => ({
      label: a.say("Gewijzigd", "Changed"),
      value: `${classificationLabel(a, entry.data.from)} → ${classificationLabel(a, entry.data.to)}, ${a.when(entry.at)} — ${actorName(a, entry.actorId)}`,
      seq: entry.seq,
    }));
    return { status: "answered", text, facts };
  },

  "impact-klanten": (a) => {
    const named = (results: ServiceResult[]) =>
      a.services.filter((s) => results.includes(s.result)).map((s) => s.name);
    const missed = named(RTO_MISSED);
    const ahead = named(["not-restored"]);
    const facts: ReviewFact[] = [];
    if (missed.length > 0) {
      facts.push({
        label: a.say(
          "Prioritaire diensten niet binnen de RTO hersteld",
          "Priority services not restored within the RTO",
        ),
        value: missed.join("; "),
      });
    }
    if (ahead.length > 0) {
      facts.push({
        label: a.say(
          "Niet hersteld gemeld bij de afsluiting, RTO nog niet verstreken",
          "Not marked restored at closing, RTO not yet reached",
        ),
        value: ahead.join("; "),
      });
    }
    return open(undefined, facts);
  },

  beheerder: (a) => {
    const { incident } = a.data;
    const facts: ReviewFact[] = [
      {
        label: a.say("Gemeld door", "Declared by"),
        value: personWithTitle(a, incident.declaredById),
        ...seqOf(a.index.declared),
      },
    ];
    for (const decision of a.data.decisions) {
      facts.push({
        label: a.say(`Beslissing ${decision.seq} door`, `Decision ${decision.seq} by`),
        value: personWithTitle(a, decision.decidedById),
        ...seqOf(a.index.decisions.get(decision.id)),
      });
    }
    if (incident.closedById) {
      facts.push({
        label: a.say("Afgesloten door", "Closed by"),
        value: personWithTitle(a, incident.closedById),
        ...seqOf(a.index.closed),
      });
    }
    const managers = [
      ...new Set([
        incident.declaredById,
        ...a.data.decisions.map((d) => d.decidedById),
        ...(incident.closedById ? [incident.closedById] : []),
      ]),
    ];
    return {
      status: "answered",
      text: [
        joinList(
          managers.map((id) => personWithTitle(a, id)),
          a.locale,
        ),
      ],
      facts,
    };
  },

  beschrijving: (a) => ({
    status: "answered",
    text: [a.data.incident.description],
    facts: a.index.evaluations.map((entry) => ({
      label: a.say(
        `Evaluatie, ${a.when(entry.at)} — ${actorName(a, entry.actorId)}`,
        `Evaluation, ${a.when(entry.at)} — ${actorName(a, entry.actorId)}`,
      ),
      value: String((a.index.corrections.get(entry.id) ?? entry).data.text),
      seq: entry.seq,
    })),
  }),

  "vastgesteld-door": (a) => {
    const { incident } = a.data;
    const declared = a.index.declared;
    const via = declared ? sourceLabel(a, declared.source) : "Ramp";
    const inRamp = a.say(
      `In Ramp gemeld door ${a.dir.name(incident.declaredById)} via ${via} op ${a.when(incident.declaredAt)}.`,
      `Declared in Ramp by ${a.dir.name(incident.declaredById)} via ${via} on ${a.when(incident.declaredAt)}.`,
    );
    const facts = noteFacts(a, a.notes.tagged("detectie"));
    if (!incident.reportedBy) {
      return {
        status: "partial",
        text: [inRamp],
        facts,
        note: a.say(
          "Wie het incident vaststelde en hoe, werd niet opgegeven.",
          "Who detected the incident and how was not given.",
        ),
      };
    }
    return {
      status: "answered",
      text: [
        a.say(`Gemeld door: ${incident.reportedBy}.`, `Reported by: ${incident.reportedBy}.`),
        inRamp,
      ],
      facts,
    };
  },

  "tijdig-opgemerkt": (a): Draft => {
    const { incident } = a.data;
    if (!incident.detectedAt) return open();
    const ms = incident.declaredAt.getTime() - incident.detectedAt.getTime();
    return {
      status: "partial",
      text: [
        a.say(
          `Tussen de vaststelling (${a.when(incident.detectedAt)}) en de melding in Ramp (${a.when(incident.declaredAt)}) verliep ${a.span(ms)}.`,
          `Between detection (${a.when(incident.detectedAt)}) and the declaration in Ramp (${a.when(incident.declaredAt)}) ${a.span(ms)} passed.`,
        ),
      ],
      note: a.say(
        "Of het eerder ontdekt had kunnen worden, beoordeelt het team.",
        "Whether it could have been detected earlier is for the team to judge.",
      ),
    };
  },

  "vroeger-opsporen": (a) => fromNotes(a, a.notes.tagged("detectie"), "detectie"),

  meldingsprocedures: (a) => {
    const { incident } = a.data;
    const coordinator = a.dir.plan.coordination.coordinator === incident.declaredById;
    const role = coordinator
      ? a.say("de coördinator", "the coordinator")
      : a.say("een plaatsvervangend coördinator", "a deputy coordinator");
    const activated = a.index.declared?.data.planActivated === true;
    const staff = a.paging.length;
    return {
      status: "partial",
      text: [
        a.say(
          `Het incident werd gemeld door ${a.dir.name(incident.declaredById)}, ${role}.`,
          `The incident was declared by ${a.dir.name(incident.declaredById)}, ${role}.`,
        ),
        activated
          ? a.say(
              `Het plan werd geactiveerd en de crisisstaf (${staff} functies) werd opgeroepen op ${a.when(incident.declaredAt)}.`,
              `The plan was activated and the crisis staff (${staff} functions) was paged on ${a.when(incident.declaredAt)}.`,
            )
          : a.say(
              "Het plan werd bij de melding niet geactiveerd.",
              "The plan was not activated at the declaration.",
            ),
      ],
    };
  },
};
