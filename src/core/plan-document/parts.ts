// Small building blocks shared by the plan document and the crisis card.
import type { Person, Plan } from "../../plan/schema.ts";
import type { DocumentTable, ReviewAnswer, ReviewChrome, ReviewFact } from "../review/model.ts";

export class PlanLookup {
  private readonly people: Map<string, Person>;
  constructor(readonly plan: Plan) {
    this.people = new Map(plan.people.map((p) => [p.id, p]));
  }
  person(id: string): Person | undefined {
    return this.people.get(id);
  }
  name(id: string | undefined): string {
    if (!id) return "—";
    return this.people.get(id)?.name ?? id;
  }
  /** The number to ring: the mobile, else the fixed line. */
  phone(id: string | undefined): string {
    const person = id ? this.people.get(id) : undefined;
    return person?.mobile ?? person?.phone ?? "—";
  }
  /** "Pieter Declercq (+32 476 52 18 90)". */
  nameAndPhone(id: string): string {
    const phone = this.phone(id);
    return phone === "—" ? this.name(id) : `${this.name(id)} (${phone})`;
  }
  /** The coordinator and the deputies, with their numbers: who leads, in the plan's order. */
  leadFacts(say: (nl: string, en: string) => string): ReviewFact[] {
    const { coordination } = this.plan;
    return [
      {
        label: say("Coördinator", "Coordinator"),
        value: this.nameAndPhone(coordination.coordinator),
      },
      ...coordination.deputies.map((d) => ({
        label: say("Plaatsvervanger", "Deputy"),
        value: this.nameAndPhone(d),
      })),
    ];
  }
  functionName(id: string | undefined): string {
    if (!id) return "—";
    return this.plan.functions.find((f) => f.id === id)?.name ?? id;
  }
}

/** A block under a heading: paragraphs, label–value lines, a checklist, tables. */
export function block(
  id: string,
  heading: string,
  content: {
    text?: string[];
    facts?: ReviewFact[];
    checklist?: string[];
    tables?: DocumentTable[];
  },
): ReviewAnswer {
  return {
    questionId: id,
    question: heading,
    options: content.checklist ?? [],
    chosenOption: null,
    status: "answered",
    text: content.text ?? [],
    facts: content.facts ?? [],
    note: null,
    ...(content.tables ? { tables: content.tables } : {}),
  };
}

export function fact(label: string, value: string | undefined): ReviewFact[] {
  return value ? [{ label, value }] : [];
}

export function chrome(
  say: (nl: string, en: string) => string,
  pageHeader: string,
  generatedBy: string,
): ReviewChrome {
  return {
    statusLabel: {
      answered: say("Ingevuld", "Answered"),
      partial: say("Deels ingevuld", "Partly answered"),
      open: say("Open", "Open"),
    },
    source: say("plan", "plan"),
    chosen: "",
    summaryTitle: say("Over dit exemplaar", "About this copy"),
    overviewsTitle: say("Overzichten", "Overviews"),
    pageFooter: say("Pagina", "Page"),
    pageHeader,
    generatedBy,
  };
}
