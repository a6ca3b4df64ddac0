// View models for every kind of card the Teams adapter renders, with the sample plan's long
// names, text typed by people (angle brackets, several lines) and core texts as core writes them
// ("•" lines, `<placeholder>`): for the card check and the card preview.
import { helpText } from "../../src/core/chat/help.ts";
import type { ChatReply } from "../../src/core/chat/run.ts";
import type { Notice } from "../../src/core/model.ts";
import type { ReviewShareView } from "../../src/core/review/share-view.ts";
import type { MeetingOption } from "../../src/core/views/meeting.ts";
import type {
  CardView,
  DecisionView,
  IncidentCardView,
  PageCardView,
  PagingView,
  TaskCardView,
} from "../../src/core/views/types.ts";

export const INCIDENT: IncidentCardView = {
  kind: "incident",
  incidentId: "inc-1",
  number: "2026-001",
  title: "Incident 2026-001 — Brand in het administratief centrum",
  classification: "crisis",
  classificationLabel: "Crisis",
  scope: "totaal",
  status: "active",
  statusLabel: "Actief",
  planActivated: true,
  facts: [
    { label: "Ernst", value: "Crisis" },
    { label: "Omvang", value: "totaal" },
    { label: "Gemeld", value: "zo 22 nov 09:00 door Pieter Declercq" },
  ],
  meeting: {
    choice: "primary",
    kind: "Primair contactadres",
    name: "Administratief Centrum Heidehof",
    address: "Heidestraat 1, 8981 Zonnebeke-Heide",
    room: "vergaderzaal 2",
    arriveBy: "10:00",
  },
  decision: null,
  services: [
    {
      serviceId: "dienstverlening",
      name: "Diensten i.v.m. dienstverlening (keuken, thuisdiensten)",
      priority: 1,
      rtoHours: 24,
      deadline: "ma 23 nov 09:00",
      deadlineAt: "2026-11-23T08:00:00.000Z",
      remaining: "nog 24 u",
      restored: false,
      restoredAt: null,
      withinRto: null,
      rto: "ahead",
      tasks: { open: 2, claimed: 0, blocked: 0, done: 0 },
    },
    {
      serviceId: "administratie",
      name: "Algemene administratie",
      priority: 2,
      rtoHours: 48,
      deadline: "di 24 nov 09:00",
      deadlineAt: "2026-11-24T08:00:00.000Z",
      remaining: "",
      restored: true,
      restoredAt: "ma 23 nov 15:00",
      withinRto: true,
      rto: "met",
      tasks: { open: 0, claimed: 0, blocked: 0, done: 3 },
    },
  ],
  actions: [
    {
      action: "meeting.change",
      subjectId: "inc-1",
      meeting: "fallback",
      label: "Contactadres: Woonzorgcentrum Ter Heide",
      confirm: {
        title: "Contactadres wijzigen?",
        text: "Het contactadres wordt Uitwijk-contactadres — Woonzorgcentrum Ter Heide, Kerkstraat 41, 8981 Zonnebeke-Heide. Iedereen die opgeroepen is en niet afzegde, krijgt het nieuwe adres en een nieuw aanwezigheidsuur.",
        details: [],
        reasonLabel: "Reden (niet verplicht)",
        yes: "Wijzigen",
        no: "Annuleren",
      },
    },
  ],
};

/** The start form's two meeting addresses, the primary one preselected. */
export const START_FORM: { meetings: MeetingOption[]; meeting: "primary" } = {
  meeting: "primary",
  meetings: [
    {
      meeting: "primary",
      kind: "Primair contactadres",
      name: "Administratief Centrum Heidehof",
      address: "Marktplein 1, 8981 Zonnebeke-Heide",
      label:
        "Primair contactadres — Administratief Centrum Heidehof, Marktplein 1, 8981 Zonnebeke-Heide",
    },
    {
      meeting: "fallback",
      kind: "Uitwijk-contactadres",
      name: "Woonzorgcentrum Ter Heide",
      address: "Kerkstraat 41, 8981 Zonnebeke-Heide",
      label:
        "Uitwijk-contactadres — Woonzorgcentrum Ter Heide, Kerkstraat 41, 8981 Zonnebeke-Heide",
    },
  ],
};

export const PAGING: PagingView = {
  kind: "paging",
  incidentId: "inc-1",
  title: "Oproeping crisisstaf",
  rows: [
    {
      functionId: "voorzitter",
      functionName: "Voorzitter",
      personName: "Marleen Vandamme",
      status: "escalated",
      statusLabel: "Vervanger opgeroepen",
      attempt: 1,
      answeredAt: null,
    },
    {
      functionId: "ict",
      functionName: "Deskundige ICT",
      personName: "Bart Lannoo",
      status: "coming",
      statusLabel: "Komt",
      attempt: 1,
      answeredAt: "09:04",
      callPhone: "+32 470 00 00 00",
    },
  ],
  summary: { coming: 1, declined: 0, silent: 0, waiting: 0, escalated: 1 },
  summaryText: "1 komen, 0 kunnen niet, 0 geen antwoord, 0 wachten op antwoord",
};

export const PAGE: PageCardView = {
  kind: "page",
  pageId: "page-1",
  incidentId: "inc-1",
  personId: "bart-lannoo",
  title: "Oproeping: Brand in het administratief centrum",
  text: "De crisisstaf komt samen. Komt u?",
  facts: [{ label: "Functie", value: "Deskundige ICT" }],
  answered: false,
  answerText: null,
  actions: [
    { action: "page.coming", subjectId: "page-1", label: "Ik kom", style: "primary" },
    { action: "page.declined", subjectId: "page-1", label: "Ik kan niet", style: "danger" },
  ],
};

/** Paged as their own function and, as alternate, for one whose holder cannot come. */
export const PAGE_TWO_FUNCTIONS: PageCardView = {
  ...PAGE,
  text: "U wordt opgeroepen voor de crisisstaf als Financieel directeur en Adjunct financieel directeur.",
  facts: [],
  actions: [
    { action: "page.coming", subjectId: "page-1", label: "Ik kom", style: "primary" },
    ...[
      ["page-1", "Financieel directeur"],
      ["page-2", "Adjunct financieel directeur"],
    ].map(([subjectId, option]) => ({
      action: "page.declined" as const,
      subjectId: subjectId!,
      label: `Ik kan niet als ${option}`,
      style: "danger" as const,
      choice: { group: "Ik kan niet", question: "Voor welke functie?", option: option! },
    })),
  ],
};

const FALLBACKS = [
  {
    id: "wzc-ter-heide",
    name: "Woonzorgcentrum Ter Heide – polyvalente zaal",
    address: "Kerkstraat 41, 8981 Zonnebeke-Heide",
  },
  {
    id: "bibliotheek",
    name: "Bibliotheek De Heidebloem – leeszaal 1e verdieping",
    address: "Stationsstraat 12, 8981 Zonnebeke-Heide",
  },
];

export const DECISION: DecisionView = {
  kind: "decision",
  incidentId: "inc-1",
  title: "Evaluatie en beslissing",
  current: null,
  evaluation: "Serverlokaal uitgebrand,\nkantoren onbruikbaar",
  lastChange: null,
  history: [],
  actions: [
    ...FALLBACKS.map((l) => ({
      action: "decision.decide" as const,
      subjectId: "inc-1",
      situation: "A" as const,
      locationId: l.id,
      label: `A — ${l.name} (15 pl.)`,
      location: { name: l.name, address: l.address, capacity: "15 pl." },
    })),
    {
      action: "decision.decide",
      subjectId: "inc-1",
      situation: "B",
      label: "B — Situatie B – voortzetting van de diensten in de eigen gebouwen",
    },
  ],
};

export const TASK: TaskCardView = {
  kind: "task",
  taskId: "task-1",
  incidentId: "inc-1",
  planTaskId: "b-tech-ict-middelen",
  title: "Zo nodig vervangende ICT-middelen aanvragen <dringend>",
  description: "Bel de leverancier.\nVraag naar laptops.",
  phase: "technisch",
  phaseLabel: "Technische fase",
  service: { id: "administratie", name: "Algemene administratie", priority: 2 },
  status: "blocked",
  statusLabel: "Geblokkeerd",
  ownerId: "bart-lannoo",
  ownerName: "Bart Lannoo",
  suggestedOwner: null,
  deadline: "ma 23 nov 09:00",
  deadlineAt: "2026-11-23T08:00:00.000Z",
  remaining: "nog 2 u",
  overdue: true,
  blockedReason: "Leverancier onbereikbaar\nnieuwe poging om 11:00",
  number: 7,
  actions: [
    { action: "task.unblock", subjectId: "task-1", label: "Deblokkeren" },
    { action: "task.complete", subjectId: "task-1", label: "Klaar", style: "primary" },
    { action: "task.block", subjectId: "task-1", label: "Geblokkeerd", needsReason: true },
  ],
};

export const CARDS: CardView[] = [
  INCIDENT,
  { ...INCIDENT, status: "closed", statusLabel: "Afgesloten", decision: "Situatie B" },
  PAGING,
  PAGE,
  PAGE_TWO_FUNCTIONS,
  { ...PAGE, answered: true, answerText: "Komt (09:04)", actions: [] },
  DECISION,
  { ...DECISION, current: "Situatie B (zo 22 nov 10:12)", actions: [], history: [] },
  {
    ...DECISION,
    actions: [DECISION.actions[0]!, DECISION.actions[2]!],
    history: [{ at: "10:12", by: "Pieter Declercq", text: "Situatie B" }],
  },
  TASK,
  { ...TASK, status: "open", ownerId: null, ownerName: null, blockedReason: null },
];

/** The closing notice as core/close.ts writes it: a paragraph, then the open tasks as "•" lines. */
export const CLOSED: Notice = {
  kind: "incident-closed",
  incidentId: "inc-1",
  text:
    "Incident 2026-001 is afgesloten door Pieter Declercq. De tijdlijn is verzegeld; het eerste ontwerp van de post-incident review volgt hieronder.\n" +
    "Nog open taken:\n• Zo nodig vervangende ICT-middelen aanvragen (Bart Lannoo)\n• Pers informeren (—)",
};

export const REVIEW_VIEW: ReviewShareView = {
  incidentId: "inc-1",
  number: "2026-001",
  title: "Post-incident review",
  lead: "Incident 2026-001 is afgesloten. Hier is het eerste ontwerp.",
  facts: [{ label: "Duur", value: "2 u 1 min" }],
  toDo: "9 van de 24 vragen zijn aan het team.",
  verification: { ok: false, text: "Regel 12 werd gewijzigd." },
  fileTitle: "Post-incident review",
  downloadLabel: "Word-document",
  readLabel: "Online lezen",
  fallback: "…",
};

export function replies(nl: boolean): Exclude<ChatReply, { kind: "start-form" }>[] {
  const error = {
    code: "invalid-input" as const,
    nl: 'Er ontbreekt iets na "evaluatie". Gebruik: @Ramp evaluatie <tekst>',
    en: 'Something is missing after "evaluation". Use: @Ramp evaluation <text>',
  };
  return [
    { kind: "help", text: helpText(nl ? "nl" : "en", "@Ramp") },
    { kind: "help", text: helpText(nl ? "nl" : "en", "@Ramp"), error },
    { kind: "error", error },
    {
      kind: "declared",
      incident: INCIDENT,
      text: "Incident 2026-001 is gestart; de crisisstaf wordt opgeroepen. Volgende stap: leg na de vergadering de evaluatie vast met @Ramp evaluatie <toestand>; dan volgt de beslissing A of B.",
    },
    {
      kind: "status",
      view: {
        kind: "status",
        incidentId: "inc-1",
        title: INCIDENT.title,
        incident: INCIDENT,
        paging: PAGING,
        services: INCIDENT.services,
        groups: [],
        decisions: [{ at: "10:12", by: "Pieter Declercq", text: "Situatie B" }],
        openTasks: 12,
      },
    },
    {
      kind: "tasks",
      title: "Taken",
      groups: [
        { phase: "technisch", label: "Technische fase", tasks: [TASK, { ...TASK, taskId: "t2" }] },
        { phase: "organisatorisch", label: "Organisatorische fase", tasks: [] },
      ],
    },
    { kind: "tasks", title: "Taken", groups: [] },
    {
      kind: "board",
      text: "Uw persoonlijke link naar het crisisbord, geldig tot zo 22 nov 21:00. Stuur hem niet door.",
      url: "https://ramp.example/board?t=a_b",
    },
    { kind: "board", text: "Het crisisbord is niet ingeschakeld.", url: null },
    { kind: "text", text: "Evaluatie vastgelegd." },
    {
      // `@Ramp review`, as core/chat/run.ts writes it: a title, "•" key figures, two sentences.
      kind: "text",
      text: "Post-incident review — 2026-001\n• Duur: 2 u 1 min\n• Taken klaar: 12 van 13\nHet ontwerp en het Word-document worden gedeeld in het incidentkanaal.\nHet volledige ontwerp staat op het crisisbord: https://ramp.example/board",
    },
  ];
}

export const REVIEW_LINKS = {
  page: "https://ramp.example/reviews/tok",
  docx: "https://ramp.example/reviews/tok/review.docx",
  expiresAt: new Date("2026-11-29T09:30:00Z"),
};
