// The web renderers on their own: escaping, the service chart's geometry, the timeline's sentences
// in Dutch and English.
import { describe, expect, it } from "vitest";
import { serviceChart } from "../../../src/adapters/web/render/chart.ts";
import { type RenderContext, renderContext } from "../../../src/adapters/web/render/context.ts";
import { html, trusted } from "../../../src/adapters/web/render/html.ts";
import { incidentCard } from "../../../src/adapters/web/render/incident.ts";
import { errorBox } from "../../../src/adapters/web/render/reply.ts";
import { describeEntry } from "../../../src/adapters/web/render/timeline.ts";
import { words } from "../../../src/adapters/web/render/words.ts";
import { PlanDirectory } from "../../../src/core/directory.ts";
import type { TimelineEntry, TimelineType } from "../../../src/core/model.ts";
import type { IncidentCardView } from "../../../src/core/views/types.ts";
import type { Locale } from "../../../src/plan/schema.ts";
import { loadSamplePlan } from "../../support/engine.ts";

const T = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00Z`);

function ctxAt(now: Date, locale: Locale = "nl"): RenderContext {
  return renderContext({
    w: words(locale),
    locale,
    timeZone: "Europe/Brussels",
    now,
    csrf: null,
    back: "/",
    actorId: null,
    leader: false,
  });
}

describe("html", () => {
  it("escapes every interpolated value, in text and in attributes", () => {
    const evil = `"><script>alert('x')</script>&`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>',
    );
  });

  it("keeps markup it made itself, joins lists and leaves out nothing-values", () => {
    const inner = html`<b>${"a&b"}</b>`;
    expect(html`<p>${inner}${["<", trusted("<i>"), 1]}${null}${undefined}${false}</p>`.value).toBe(
      "<p><b>a&amp;b</b>&lt;<i>1</p>",
    );
  });

  it("escapes text from people and the plan on a card", () => {
    const view = {
      kind: "incident",
      incidentId: "i1",
      number: "2026-001",
      title: "Incident 2026-001 — <img src=x onerror=alert(1)>",
      classification: "groot",
      classificationLabel: "Groot",
      scope: "totaal",
      status: "active",
      statusLabel: "Actief",
      planActivated: true,
      facts: [{ label: "Gemeld door", value: "<script>alert(1)</script>" }],
      meeting: {
        choice: "primary",
        kind: "Primair contactadres",
        name: "Zaal",
        address: "Straat 1",
        arriveBy: "10:00",
      },
      decision: null,
      services: [],
      actions: [],
    } satisfies IncidentCardView;
    const out = incidentCard(ctxAt(T("08:00")), view).value;
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<script");
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("an error", () => {
  const error = {
    code: "not-in-plan" as const,
    nl: "U staat niet in het crisisplan.",
    en: "You are not in the crisis plan.",
  };

  it("is shown in the plan's language only", () => {
    const nl = errorBox(ctxAt(T("09:00"), "nl"), error).value;
    expect(nl).toContain("U staat niet in het crisisplan.");
    expect(nl).not.toContain("You are not");
    const en = errorBox(ctxAt(T("09:00"), "en"), error).value;
    expect(en).toContain("You are not in the crisis plan.");
    expect(en).not.toContain("U staat niet");
  });
});

describe("the service chart", () => {
  const x = (svg: string, cls: string) =>
    Number(new RegExp(`class="${cls}"[^>]* x1="([\\d.]+)"`).exec(svg)?.[1]);
  const width = (svg: string, cls: string) =>
    Number(new RegExp(`class="${cls}"[^>]* width="([\\d.]+)"`).exec(svg)?.[1]);

  it("runs from the declaration to the deadline while there is time left", () => {
    const svg = serviceChart(ctxAt(T("10:00")), {
      declaredAt: T("08:00"),
      deadlineAt: T("20:00"),
      restoredAt: null,
    }).value;
    expect(x(svg, "m-deadline")).toBe(1000);
    expect(x(svg, "m-now")).toBeCloseTo(166.7, 1);
    expect(width(svg, "bar-running")).toBeCloseTo(166.7, 1);
    expect(svg).not.toContain("m-restored");
    expect(svg).toContain(
      'aria-label="gestart zo 22 nov 09:00; Deadline zo 22 nov 21:00; nu zo 22 nov 11:00"',
    );
  });

  it("runs on to now once the deadline has passed, in the late colour", () => {
    const svg = serviceChart(ctxAt(T("23:00")), {
      declaredAt: T("08:00"),
      deadlineAt: T("20:00"),
      restoredAt: null,
    }).value;
    expect(x(svg, "m-deadline")).toBe(800);
    expect(x(svg, "m-now")).toBe(1000);
    expect(width(svg, "bar-late")).toBe(1000);
  });

  it("marks the restoration: in time in green, late in red", () => {
    const inTime = serviceChart(ctxAt(T("23:00")), {
      declaredAt: T("08:00"),
      deadlineAt: T("20:00"),
      restoredAt: T("14:00"),
    }).value;
    expect(x(inTime, "m-restored")).toBe(400);
    expect(width(inTime, "bar-restored")).toBe(400);
    expect(inTime).toContain("Hersteld zo 22 nov 15:00");

    const late = serviceChart(ctxAt(T("22:00")), {
      declaredAt: T("08:00"),
      deadlineAt: T("20:00"),
      restoredAt: T("21:00"),
    }).value;
    expect(width(late, "bar-late")).toBeCloseTo(928.6, 1);
    expect(late).not.toContain("data-now-bar");
  });
});

describe("the timeline's sentences", () => {
  async function directory(locale: Locale) {
    const { plan, hash } = await loadSamplePlan();
    return new PlanDirectory({ ...plan, organisation: { ...plan.organisation, locale } }, hash);
  }
  const entry = (type: TimelineType, data: Record<string, unknown>): TimelineEntry => ({
    id: "e",
    incidentId: "i",
    seq: 1,
    at: T("08:00"),
    actorId: null,
    source: "system",
    type,
    data,
    tags: [],
    correctsId: null,
    prevHash: "",
    hash: "",
  });
  const titles = new Map([["t1", "Back-ups beschikbaar stellen"]]);

  it.each<[TimelineType, Record<string, unknown>, string, string]>([
    [
      "page.answered",
      { personId: "marleen-vandamme", functionId: "voorzitter", answer: "coming" },
      "Marleen Vandamme (Voorzitter): ik kom",
      "Marleen Vandamme (Voorzitter): coming",
    ],
    [
      "page.sent",
      { personId: "ines-lambrecht", functionId: "diensthoofd-sociale-dienst", attempt: 1 },
      "Vervanger opgeroepen voor Diensthoofd Sociale Dienst: Ines Lambrecht",
      "Alternate paged for Diensthoofd Sociale Dienst: Ines Lambrecht",
    ],
    [
      "task.blocked",
      { taskId: "t1", reason: "Geen toegang" },
      'Taak "Back-ups beschikbaar stellen" geblokkeerd: Geen toegang',
      'Task "Back-ups beschikbaar stellen" blocked: Geen toegang',
    ],
    [
      "decision.made",
      { situation: "A", locationName: "WZC Ter Heide", reason: null, changes: { situation: "B" } },
      "Beslissing gewijzigd: situatie A — WZC Ter Heide",
      "Decision changed: situation A — WZC Ter Heide",
    ],
    [
      "deadline.missed",
      { serviceId: "sociale-dienst" },
      "Deadline gemist: Sociale dienst",
      "Deadline missed: Sociale dienst",
    ],
    [
      "tasks.planned",
      { situation: "B", tasks: ["t1"] },
      "1 taak gepland voor situatie B",
      "1 task planned for situation B",
    ],
    [
      "tasks.planned",
      { situation: "A", tasks: ["t1", "t2"] },
      "2 taken gepland voor situatie A",
      "2 tasks planned for situation A",
    ],
    [
      "incident.declared",
      {
        number: "2026-001",
        description: "Brand",
        classification: "groot",
        scope: "totaal",
        planActivated: false,
      },
      "Incident 2026-001 gestart: Brand (groot, totaal)",
      "Incident 2026-001 declared: Brand (groot, totaal)",
    ],
    [
      "incident.closed",
      { note: null },
      "Incident afgesloten; de tijdlijn is verzegeld",
      "Incident closed; the timeline is sealed",
    ],
  ])("describes %s in Dutch and English", async (type, data, nl, en) => {
    expect(describeEntry(entry(type, data), await directory("nl"), titles)).toBe(nl);
    expect(describeEntry(entry(type, data), await directory("en"), titles)).toBe(en);
  });
});
