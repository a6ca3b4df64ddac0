// The plan document's chapters about people, places and suppliers (DRP §2, 3, 5, 6, 8, 12),
// in the template's order and with its numbering.
import type { Supplier } from "../../plan/schema.ts";
import { hoursMinutes, type Say } from "../review/format.ts";
import type { DocumentSection, DocumentTable } from "../review/model.ts";
import { copyHolders } from "./holders.ts";
import { block, fact, type PlanLookup } from "./parts.ts";

export function holdersChapter(look: PlanLookup, say: Say): DocumentSection {
  const { plan } = look;
  return {
    id: "houders",
    title: say("2. Personen in het bezit van deze procedure", "2. People holding this procedure"),
    intro: [
      say(
        "Deze personen beschikken over een exemplaar van dit rampenplan buiten de muren van de organisatie, op papier of elektronisch. Dit document is uiterst vertrouwelijk en kan slechts gedeeld worden met personen die niet in de lijst zijn opgenomen na overleg met het bestuur.",
        "These people keep a copy of this plan outside the organisation's buildings, on paper or electronically. This document is strictly confidential and may be shared with people not on this list only after consulting the board.",
      ),
    ],
    answers: [],
    tables: [
      {
        id: "houders",
        title: say("Houders van het plan", "Holders of the plan"),
        columns: [
          say("Functie", "Title"),
          say("Naam", "Name"),
          say("Organisatie", "Organisation"),
          say("GSM", "Mobile"),
        ],
        rows: copyHolders(plan).map((p) => [
          p.title ?? "—",
          p.name,
          p.organisation ?? plan.organisation.name,
          look.phone(p.id),
        ]),
        empty: say("Geen houders in het plan.", "No holders in the plan."),
      },
    ],
  };
}

export function communicationChapter(look: PlanLookup, say: Say): DocumentSection {
  const id = look.plan.coordination.communicationOfficer;
  const person = look.person(id);
  return {
    id: "communicatie",
    title: say(
      "3. Communicatieverantwoordelijke tijdens een rampsituatie",
      "3. Communication officer during a disaster",
    ),
    intro: [
      say(
        "Verantwoordelijk voor alle interne en externe communicatie tijdens een rampsituatie (website, personeel, medewerkers).",
        "Responsible for all internal and external communication during a disaster (website, staff, partners).",
      ),
    ],
    answers: [
      block("communicatieverantwoordelijke", look.name(id), {
        facts: [
          ...fact(say("Functie", "Title"), person?.title),
          ...fact(say("GSM", "Mobile"), person?.mobile),
          ...fact(say("Telefoon", "Phone"), person?.phone),
          ...fact(say("E-mail", "E-mail"), person?.email),
        ],
      }),
    ],
    tables: [],
  };
}

export function sitesChapter(look: PlanLookup, say: Say): DocumentSection | null {
  const { sites, name } = look.plan.organisation;
  if (sites.length === 0) return null;
  return {
    id: "normale-werking",
    title: say(
      "5. Overzicht tijdens normale werking van de organisatie",
      "5. Overview during normal operation",
    ),
    intro: [
      say(
        `Tijdens de normale werking beschikt ${name} over de volgende eenheden:`,
        `During normal operation ${name} has these units:`,
      ),
    ],
    answers: [
      block("eenheden", say("Eenheden", "Units"), {
        facts: sites.map((s) => ({ label: s.name, value: s.address })),
      }),
    ],
    tables: [],
  };
}

function supplierTable(id: string, title: string, list: Supplier[], say: Say): DocumentTable {
  return {
    id,
    title,
    columns: [
      say("Dienst", "Service"),
      say("Leverancier", "Supplier"),
      say("Helpdesk", "Helpdesk"),
      say("Accountmanager", "Account manager"),
      say("Contract en referentie", "Contract and reference"),
      "SLA",
    ],
    rows: list.map((s) => [
      s.service,
      s.name,
      [s.helpdesk?.phone, s.helpdesk?.email, s.helpdesk?.hours].filter(Boolean).join(", ") || "—",
      s.accountManager
        ? [s.accountManager.name, s.accountManager.phone, s.accountManager.email]
            .filter(Boolean)
            .join(", ")
        : "—",
      [s.contract, s.reference].filter(Boolean).join(" — ") || "—",
      s.sla ??
        (s.slaHours ? say(`herstel binnen ${s.slaHours} u`, `repair within ${s.slaHours} h`) : "—"),
    ]),
    empty: say("Geen leveranciers in het plan.", "No suppliers in the plan."),
  };
}

export function suppliersChapter(look: PlanLookup, say: Say): DocumentSection {
  const { suppliers } = look.plan;
  const of = (...kinds: Supplier["kind"][]) => suppliers.filter((s) => kinds.includes(s.kind));
  return {
    id: "leveranciers",
    title: say(
      "6. Overzicht service providers – ICT-leveranciers – services",
      "6. Service providers – ICT suppliers – services",
    ),
    answers: [],
    tables: [
      supplierTable(
        "serviceproviders",
        say("Service providers", "Service providers"),
        of("serviceprovider"),
        say,
      ),
      supplierTable(
        "ict",
        say("ICT-leveranciers (hard- en software)", "ICT suppliers (hardware and software)"),
        of("ict"),
        say,
      ),
      supplierTable("overig", say("Overige leveranciers", "Other suppliers"), of("overig"), say),
    ].filter((t) => t.rows.length > 0),
  };
}

export function insuranceChapter(look: PlanLookup, say: Say): DocumentSection {
  const insurers = look.plan.suppliers.filter((s) => s.kind === "verzekering");
  return {
    id: "verzekeringen",
    title: say("8. Overzicht verzekeringspolissen", "8. Insurance policies"),
    answers: [],
    tables: [supplierTable("verzekeringen", say("Verzekeraars", "Insurers"), insurers, say)],
  };
}

export function coordinationChapter(look: PlanLookup, say: Say): DocumentSection {
  const { plan } = look;
  const { coordination, meeting } = plan;
  const place = (which: "primary" | "fallback") => {
    const p = meeting[which];
    return [
      { label: say("Locatie", "Location"), value: p.name },
      { label: say("Adres", "Address"), value: p.address },
      ...fact(say("Lokaal", "Room"), p.room),
      ...fact(say("Telefoon", "Phone"), p.phone),
      ...(p.contact ? fact(say("Contactpersoon", "Contact"), look.nameAndPhone(p.contact)) : []),
      ...fact(say("Toegang", "Access"), p.directions),
    ];
  };
  return {
    id: "coordinatie",
    title: say(
      "12. Coördinator rampenplan – Crisisstaf – Contactadres – Uitwijklocatie",
      "12. Plan coordinator – Crisis staff – Meeting address – Fallback locations",
    ),
    answers: [
      block("coordinator", say("Coördinator", "Coordinator"), {
        facts: [...look.leadFacts(say)],
      }),
      block("crisisstaf", say("Crisisstaf deelnemers", "Crisis staff"), {
        text: [
          say(
            "De leden van de crisisstaf worden door de coördinator uitgenodigd op de eerste vergadering na de ramp. Ramp roept hen op, en bij geen antwoord de vervangers.",
            "The coordinator invites the crisis staff to the first meeting after the disaster. Ramp pages them and, without an answer, their alternates.",
          ),
        ],
        tables: [
          {
            id: "crisisstaf",
            title: say("Lijst deelnemers crisisstaf", "Crisis staff"),
            columns: [
              say("Functie", "Function"),
              say("Naam", "Name"),
              say("Tel", "Phone"),
              say("Vervangers", "Alternates"),
            ],
            rows: coordination.crisisStaff.map((fid) => {
              const fn = plan.functions.find((f) => f.id === fid);
              return [
                look.functionName(fid),
                look.name(fn?.holder),
                look.phone(fn?.holder),
                fn?.alternates.map((a) => look.nameAndPhone(a)).join("; ") || "—",
              ];
            }),
            empty: say("Geen crisisstaf in het plan.", "No crisis staff in the plan."),
          },
        ],
      }),
      block(
        "contactadres",
        say("Contactadres voor de crisisstaf", "Meeting address of the crisis staff"),
        {
          text: [
            say(
              `De crisisstaf is binnen ${hoursMinutes(meeting.arriveWithin * 60_000, "nl")} na de oproep op het contactadres.`,
              `The crisis staff is at the meeting address within ${hoursMinutes(meeting.arriveWithin * 60_000, "en")} of the page.`,
            ),
          ],
          facts: place("primary"),
        },
      ),
      block("uitwijkadres", say("Uitwijk-contactadres", "Fallback meeting address"), {
        text: [
          say(
            "Is het contactadres niet beschikbaar of bereikbaar, dan geldt dit adres, of legt de coördinator een nieuwe locatie vast en deelt die mee aan de crisisstaf.",
            "When the meeting address cannot be used or reached, this address applies, or the coordinator sets another and tells the crisis staff.",
          ),
        ],
        facts: place("fallback"),
      }),
      ...plan.fallbackLocations.map((l, i) =>
        block(
          `uitwijklocatie-${l.id}`,
          say(
            `Uitwijklocatie optie ${i + 1}: ${l.name}`,
            `Fallback location option ${i + 1}: ${l.name}`,
          ),
          {
            facts: [
              { label: say("Adres", "Address"), value: l.address },
              ...fact(say("Telefoon", "Phone"), l.phone),
              ...(l.contact
                ? fact(say("Contactpersoon", "Contact"), look.nameAndPhone(l.contact))
                : []),
              {
                label: say("Capaciteit", "Capacity"),
                value: say(`${l.capacity} personen`, `${l.capacity} people`),
              },
              ...fact(say("Geschatte gebruiksperiode", "Expected use"), l.expectedUse),
              ...l.facilities.map((f) => ({ label: say("Voorziening", "Facility"), value: f })),
            ],
          },
        ),
      ),
    ],
    tables: [],
  };
}
