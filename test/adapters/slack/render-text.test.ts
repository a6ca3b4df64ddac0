// Slack text renders as written: every card and reply kind with hostile plan and user text
// (`<NAS-01>`, `&`, titles longer than Slack allows ending in an emoji) through the Block Kit
// check, and the check itself refusing what Slack would refuse or show wrongly.
import { describe, expect, it } from "vitest";
import { renderCard, renderError, renderReply } from "../../../src/adapters/slack/render/index.ts";
import { blockReasonModal, startModal } from "../../../src/adapters/slack/render/modals.ts";
import { escapeMrkdwn, fitMrkdwn, shorten } from "../../../src/adapters/slack/render/text.ts";
import type { ChatReply } from "../../../src/core/chat/run.ts";
import type {
  DecisionView,
  IncidentCardView,
  PageCardView,
  PagingView,
  StatusView,
  TaskCardView,
} from "../../../src/core/views/types.ts";
import {
  checkSlackMessage,
  checkSlackModal,
  SLACK_LIMITS,
} from "../../support/slack-blocks-check.ts";

const NAS = "<NAS-01> herstellen & testen";
/** 152 characters: 148 letters and two fires (a surrogate pair each) at the end. */
const LONG_TITLE = `${"Brand in het administratief centrum ".repeat(5).slice(0, 148)}🔥🔥`;
const LONG_TEXT = `${"Stroom & water <uitgevallen> in het gebouw. ".repeat(120)}🔥`;

const incident: IncidentCardView = {
  kind: "incident",
  incidentId: "inc-1",
  number: "2026-001",
  title: LONG_TITLE,
  classification: "groot",
  classificationLabel: "Groot",
  scope: "totaal",
  status: "active",
  statusLabel: "Actief",
  planActivated: true,
  facts: [
    { label: "Ernst", value: "Groot" },
    { label: "Gemeld door", value: "<Hanne> & co" },
  ],
  meeting: {
    choice: "primary",
    kind: "Primair contactadres",
    name: "Zaal <A>",
    address: "Markt 1 & 2",
    room: "<101>",
    arriveBy: "10:00",
  },
  decision: "Situatie B — <eigen gebouwen> & meer",
  services: [
    {
      serviceId: "s1",
      name: "Dienstverlening & <onthaal>",
      priority: 1,
      rtoHours: 24,
      deadline: "zo 22 nov 09:00",
      deadlineAt: "2026-11-22T08:00:00.000Z",
      remaining: "nog 23 u",
      restored: false,
      restoredAt: null,
      withinRto: null,
      rto: "ahead",
      tasks: { open: 1, claimed: 0, blocked: 0, done: 0 },
    },
  ],
  actions: [
    {
      action: "meeting.change",
      subjectId: "inc-1",
      meeting: "fallback",
      label: `Contactadres: ${NAS} & <B> ${"z".repeat(80)}`,
      confirm: {
        title: `Contactadres <B> & ${"t".repeat(120)}`,
        text: `Het contactadres wordt <B> & ${"y".repeat(400)}`,
        details: [],
        reasonLabel: "Reden (niet verplicht)",
        yes: `Wijzigen ${"w".repeat(40)}`,
        no: "Annuleren",
      },
    },
  ],
};

/** The start form's two meeting addresses, with hostile plan text. */
const MEETINGS = {
  meeting: "primary" as const,
  meetings: [
    {
      meeting: "primary" as const,
      kind: "Primair contactadres",
      name: `Zaal <A> & ${"n".repeat(80)}`,
      address: `Markt 1 & 2 ${"a".repeat(80)}`,
      label: "Primair contactadres — Zaal <A>",
    },
    {
      meeting: "fallback" as const,
      kind: "Uitwijk-contactadres",
      name: "WZC 🔥 Ter Heide",
      address: "Kerkstraat 41",
      label: "Uitwijk-contactadres — WZC",
    },
  ],
};

const task = (n: number, title = NAS): TaskCardView => ({
  kind: "task",
  taskId: `task-${n}`,
  incidentId: "inc-1",
  planTaskId: `b-${n}`,
  title,
  description: LONG_TEXT,
  phase: "technisch",
  phaseLabel: "Technische fase",
  service: { id: "s1", name: "Dienstverlening & <onthaal>", priority: 1 },
  status: "blocked",
  statusLabel: "Geblokkeerd",
  ownerId: "bart",
  ownerName: "Bart <ICT>",
  suggestedOwner: null,
  deadline: "zo 22 nov 21:00",
  deadlineAt: "2026-11-22T20:00:00.000Z",
  remaining: "nog 12 u",
  overdue: false,
  blockedReason: "Leverancier <Proximus> & co pas maandag",
  number: n,
  actions: [
    { action: "task.complete", subjectId: `task-${n}`, label: "Klaar", style: "primary" },
    { action: "task.unblock", subjectId: `task-${n}`, label: "Deblokkeren" },
  ],
});

const paging: PagingView = {
  kind: "paging",
  incidentId: "inc-1",
  title: "Oproeping crisisstaf",
  rows: [
    {
      functionId: "f1",
      functionName: "ICT & <netwerk>",
      personName: "Bart <ICT>",
      status: "sent",
      statusLabel: "Opgeroepen, nog geen antwoord",
      attempt: 1,
      answeredAt: null,
      callPhone: "+32 <470> 12 34 56",
    },
  ],
  summary: { coming: 1, declined: 0, silent: 0, waiting: 1, escalated: 0 },
  summaryText: "1 komt, 0 kunnen niet, 0 geen antwoord, 1 wacht op antwoord",
};

const page: PageCardView = {
  kind: "page",
  pageId: "page-1",
  incidentId: "inc-1",
  personId: "bart",
  title: LONG_TITLE,
  text: `U wordt opgeroepen als ICT & <netwerk>. ${LONG_TEXT}`,
  facts: [{ label: "Functie", value: "ICT & <netwerk>" }],
  answered: true,
  answerText: "Komt (zo 22 nov 09:05)",
  actions: [{ action: "page.declined", subjectId: "page-1", label: "Ik kan toch niet" }],
};

const decision: DecisionView = {
  kind: "decision",
  incidentId: "inc-1",
  title: "Evaluatie en beslissing",
  current: null,
  evaluation: LONG_TEXT,
  lastChange: null,
  actions: [
    {
      action: "decision.decide",
      subjectId: "inc-1",
      situation: "A",
      locationId: "loc-1",
      label: `A — ${LONG_TITLE} (40 pl.)`,
      // A confirmation step (added by the decision helpers) is a valid confirm object.
    },
    { action: "decision.decide", subjectId: "inc-1", situation: "B", label: "B — <eigen> & co" },
  ],
  history: [{ at: "09:10", by: "Pieter <coördinator>", text: "Evaluatie: <ernstig> & groot" }],
};

const status: StatusView = {
  kind: "status",
  incidentId: "inc-1",
  title: "Stand van zaken",
  incident,
  paging,
  services: incident.services,
  groups: [],
  decisions: [{ at: "09:10", by: "Pieter & Sofie", text: "<B> gekozen" }],
  openTasks: 1,
};

const replies: Array<Exclude<ChatReply, { kind: "start-form" }>> = [
  { kind: "declared", incident, text: `Incident 2026-001 is gestart. ${NAS}` },
  { kind: "status", view: status },
  {
    kind: "tasks",
    title: LONG_TITLE,
    groups: [
      {
        phase: "technisch",
        label: "Technische fase & <meer>",
        tasks: Array.from({ length: 60 }, (_, i) => task(i)),
      },
    ],
  },
  {
    kind: "text",
    text: "Evaluatie vastgelegd. Volgende stap: /ramp besluit A <uitwijklocatie> | besluit B [reden]",
  },
  { kind: "text", text: LONG_TEXT },
  {
    kind: "board",
    text: "Het crisisbord staat op <hier>",
    url: "https://ramp.example.be/?a=1&b=2",
  },
  {
    kind: "help",
    text: "Gebruik: /ramp evaluatie <toestand na de ramp>",
    error: { code: "invalid-input", nl: "Onbekend woord <x> & y", en: "Unknown word <x> & y" },
  },
  { kind: "error", error: { code: "invalid-input", nl: "Fout <NAS-01> & zo", en: "Error <x>" } },
];

const cards = { incident, paging, page, decision, task: task(1) };

describe("Slack renderers with hostile plan and user text", () => {
  it.each(Object.entries(cards))("renders the %s card within Slack's rules", (_kind, view) => {
    for (const nl of [true, false]) {
      const message = renderCard(view, nl);
      expect(checkSlackMessage({ ...message })).toEqual([]);
    }
  });

  it.each(replies.map((r, i) => [`${r.kind} #${i}`, r] as const))(
    "renders the %s reply within Slack's rules",
    (_kind, reply) => {
      for (const nl of [true, false]) {
        expect(checkSlackMessage({ ...renderReply(reply, nl) })).toEqual([]);
      }
    },
  );

  it("renders both modals within Slack's rules, with a hostile task title and description", () => {
    expect(checkSlackModal(blockReasonModal(true, "task-1", NAS))).toEqual([]);
    expect(checkSlackModal(blockReasonModal(false, "task-1", LONG_TEXT))).toEqual([]);
    expect(checkSlackModal(startModal(true, "C1", `${"x".repeat(499)}🔥 & <b>`, MEETINGS))).toEqual(
      [],
    );
    expect(checkSlackModal(startModal(false, "C1", undefined, MEETINGS))).toEqual([]);
  });

  it("shows a task title with <NAS-01> as written in the form that asks why it is blocked", () => {
    const modal = blockReasonModal(true, "task-1", NAS);
    expect(JSON.stringify(modal.blocks)).toContain("*&lt;NAS-01&gt; herstellen &amp; testen*");
    expect((modal.title as { text: string }).text).toBe("Taak blokkeren");
  });

  it("escapes the fallback text too: the confirmation of /ramp evaluatie <toestand>", () => {
    const reply = renderReply(
      { kind: "text", text: "Leg de evaluatie vast met /ramp evaluatie <toestand> & beslis." },
      true,
    );
    expect(reply.text).toBe(
      "Leg de evaluatie vast met /ramp evaluatie &lt;toestand&gt; &amp; beslis.",
    );
    const card = renderCard(task(1), true);
    // The task's short number first (#1: NEEM 1 by SMS), then the title as written.
    expect(card.text).toBe("#1 &lt;NAS-01&gt; herstellen &amp; testen — Geblokkeerd");
    expect(JSON.stringify(card.blocks)).toContain("*#1 &lt;NAS-01&gt; herstellen &amp; testen*");
  });

  it("cuts a long header between graphemes, not in half a 🔥, and says where the rest is", () => {
    const message = renderCard(page, true);
    const header = (message.blocks[0] as { text: { text: string } }).text.text;
    expect(header.length).toBeLessThanOrEqual(SLACK_LIMITS.header);
    expect(header.endsWith("…")).toBe(true);
    expect(header).not.toMatch(/[\uD800-\uDBFF]…$/);
    expect(JSON.stringify(message.blocks.at(-1))).toContain(
      "Ingekort: de volledige tekst staat op het crisisbord",
    );
    // Nothing cut, nothing said.
    const short = renderCard({ ...page, title: "Brand", text: "Kom naar de Markt." }, true);
    expect(JSON.stringify(short.blocks)).not.toContain("Ingekort");
  });

  it("never cuts a section inside &amp;", () => {
    for (let pad = 0; pad < 8; pad++) {
      const text = `${"a".repeat(2990 + pad)}&&&&&&&&&&`;
      const message = renderReply({ kind: "text", text }, true);
      expect(checkSlackMessage({ ...message })).toEqual([]);
    }
  });

  it("keeps a long task list within 50 blocks, with unique action ids", () => {
    const message = renderReply(replies[2]!, true);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
    expect(checkSlackMessage({ ...message })).toEqual([]);
  });

  it("agrees the word with the count of open tasks", () => {
    const one = JSON.stringify(renderReply({ kind: "status", view: status }, true).blocks);
    expect(one).toContain("1 taak nog niet klaar");
    const two = renderReply({ kind: "status", view: { ...status, openTasks: 2 } }, false);
    expect(JSON.stringify(two.blocks)).toContain("2 tasks not done yet");
  });

  it("shows an error in the plan's language only", () => {
    const error = { code: "invalid-input" as const, nl: "Geen incident.", en: "No incident." };
    expect(renderError(error, true).text).toBe("⚠️ Geen incident.");
    expect(JSON.stringify(renderError(error, true).blocks)).not.toContain("No incident");
    expect(renderError(error, false).text).toBe("⚠️ No incident.");
    expect(JSON.stringify(renderError(error, false).blocks)).not.toContain("Geen incident");
  });

  it("shortens between graphemes, before escaping", () => {
    expect(shorten("ab🔥🔥", 4)).toBe("ab…");
    // A family emoji is one grapheme of 11 UTF-16 units: kept whole or left out.
    expect(shorten("👩‍👩‍👧‍👦 gezin", 14)).toBe("👩‍👩‍👧‍👦 g…");
    expect(shorten("👩‍👩‍👧‍👦 gezin", 12)).toBe("👩‍👩‍👧‍👦…");
    expect(shorten("👩‍👩‍👧‍👦 gezin", 11)).toBe("…");
    expect(escapeMrkdwn(shorten("a & b & c", 6))).toBe("a &amp; b…");
  });

  it("cuts mrkdwn where walking it grapheme by grapheme would: never in a token or a grapheme", () => {
    // The reference: the longest run of whole pieces (graphemes, tokens) that fits with "…".
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const reference = (text: string, max: number) => {
      if (text.length <= max) return text;
      const pieces: string[] = [];
      let last = 0;
      for (const match of text.matchAll(/&(?:amp|lt|gt);|<[^<>\n]*>/g)) {
        for (const { segment } of segmenter.segment(text.slice(last, match.index)))
          pieces.push(segment);
        pieces.push(match[0]);
        last = match.index + match[0].length;
      }
      for (const { segment } of segmenter.segment(text.slice(last))) pieces.push(segment);
      let out = "";
      for (const piece of pieces) {
        if (out.length + piece.length + 1 > max) break;
        out += piece;
      }
      return `${out.trimEnd()}…`;
    };
    const parts = [
      "a",
      " ",
      "&amp;",
      "&lt;",
      "<https://x.be|link>",
      "🔥",
      "👩‍👩‍👧‍👦",
      "é",
      "e\u0301",
      "🇧🇪",
      "\n",
    ];
    let seed = 17;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      let text = "";
      const length = 1 + random(40);
      for (let i = 0; i < length; i++) text += parts[random(parts.length)];
      const max = 1 + random(text.length + 2);
      expect(fitMrkdwn(text, max), JSON.stringify({ text, max })).toBe(reference(text, max));
    }
  });
});

describe("the Block Kit check", () => {
  const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });
  const button = (action_id: string, extra: Record<string, unknown> = {}) => ({
    type: "button",
    action_id,
    text: { type: "plain_text", text: "Klaar" },
    value: "{}",
    ...extra,
  });

  it("accepts links, mentions and escaped text in mrkdwn", () => {
    const text =
      "<@U04PD3X8L2C> in <#C0RAMP0001>, <!here>: zie <https://ramp.example.be/?a=1&amp;b=2|het bord> &lt;NAS-01&gt; &amp; meer";
    expect(checkSlackMessage({ text, blocks: [section(text)] })).toEqual([]);
  });

  it("refuses raw <, bare &, a cut entity and half an emoji", () => {
    expect(checkSlackMessage({ blocks: [section("*<NAS-01>* herstellen")] })).toHaveLength(1);
    expect(checkSlackMessage({ text: "Brand & rook" })).toHaveLength(1);
    expect(checkSlackMessage({ text: "Brand &am…" })).toHaveLength(1);
    expect(checkSlackMessage({ text: "Brand > rook" })).toHaveLength(1);
    expect(checkSlackMessage({ text: "Brand \uD83D…" })).toHaveLength(1);
  });

  it("refuses text over Slack's limits and mrkdwn where only plain_text is allowed", () => {
    const header = (text: unknown) => ({ type: "header", text });
    expect(
      checkSlackMessage({ blocks: [header({ type: "plain_text", text: "x".repeat(151) })] }),
    ).toHaveLength(1);
    expect(checkSlackMessage({ blocks: [header({ type: "mrkdwn", text: "x" })] })).toHaveLength(1);
    expect(checkSlackMessage({ blocks: [section("x".repeat(3001))] })).toHaveLength(1);
    expect(
      checkSlackMessage({ blocks: Array.from({ length: 51 }, () => ({ type: "divider" })) }),
    ).toHaveLength(1);
    expect(
      checkSlackMessage({
        blocks: [header({ type: "plain_text", text: "Brand &amp; rook" })],
      }),
    ).toHaveLength(1);
    expect(checkSlackMessage({ text: "x".repeat(40_001) })).toHaveLength(1);
  });

  it("refuses action ids and block ids used twice in one message, and too many buttons", () => {
    const actions = (block_id: string, ...elements: unknown[]) => ({
      type: "actions",
      block_id,
      elements,
    });
    expect(
      checkSlackMessage({ blocks: [actions("a", button("x")), actions("b", button("x"))] }),
    ).toHaveLength(1);
    expect(
      checkSlackMessage({ blocks: [actions("a", button("x")), actions("a", button("y"))] }),
    ).toHaveLength(1);
    const many = Array.from({ length: 26 }, (_, i) => button(`b${i}`));
    expect(checkSlackMessage({ blocks: [actions("a", ...many)] })).toHaveLength(1);
    expect(
      checkSlackMessage({ blocks: [actions("a", button("x", { value: "v".repeat(2001) }))] }),
    ).toHaveLength(1);
  });

  it("accepts a valid confirm object on a button and refuses one over the limits", () => {
    const confirm = {
      title: { type: "plain_text", text: "Beslissing wijzigen?" },
      text: { type: "mrkdwn", text: "Nu: *situatie A*. Wordt: *situatie B* &amp; de taken van B." },
      confirm: { type: "plain_text", text: "Wijzigen" },
      deny: { type: "plain_text", text: "Annuleren" },
      style: "danger",
    };
    const message = (c: unknown) => ({
      blocks: [{ type: "actions", elements: [button("d", { confirm: c })] }],
    });
    expect(checkSlackMessage(message(confirm))).toEqual([]);
    expect(
      checkSlackMessage(
        message({ ...confirm, confirm: { type: "plain_text", text: "w".repeat(31) } }),
      ),
    ).toHaveLength(1);
    expect(
      checkSlackMessage(message({ ...confirm, title: { type: "mrkdwn", text: "x" } })),
    ).toHaveLength(1);
  });

  it("refuses a modal title over 24 characters, long metadata and a foreign initial option", () => {
    const modal = startModal(true, "C1", undefined, MEETINGS);
    expect(
      checkSlackModal({ ...modal, title: { type: "plain_text", text: "x".repeat(25) } }),
    ).toHaveLength(1);
    expect(checkSlackModal({ ...modal, private_metadata: "x".repeat(3001) })).toHaveLength(1);
    const blocks = structuredClone(modal.blocks) as Array<{ element: Record<string, unknown> }>;
    blocks[1]!.element.initial_option = { text: { type: "plain_text", text: "X" }, value: "x" };
    expect(checkSlackModal({ ...modal, blocks })).toHaveLength(1);
  });
});
