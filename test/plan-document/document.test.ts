import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { xml2js } from "xml-js";
import { buildPlanDocument } from "../../src/core/plan-document/build.ts";
import { copyHolderIds } from "../../src/core/plan-document/holders.ts";
import { loadPlanFile, parsePlan, SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import type { Plan } from "../../src/plan/schema.ts";
import { renderPlanDocument } from "../../src/review/plan-document.ts";
import { mutate } from "../plan/plan-text.ts";
import { docxParagraphs, docxPart } from "../review/helpers.ts";

const PRINTED = new Date("2026-11-30T09:00:00Z");
const REACH = { webUrl: "https://ramp.example.be", slack: true, teams: true, sms: false };
const LINE = "Vertrouwelijk — exemplaar van Bart Lannoo — versie 3.0 van 25 maart 2024";

/** The DRP template's chapters, then the incident plan's, in the order the document gives them. */
const CHAPTERS = [
  "2. Personen in het bezit van deze procedure",
  "3. Communicatieverantwoordelijke tijdens een rampsituatie",
  "5. Overzicht tijdens normale werking van de organisatie",
  "6. Overzicht service providers – ICT-leveranciers – services",
  "8. Overzicht verzekeringspolissen",
  "12. Coördinator rampenplan – Crisisstaf – Contactadres – Uitwijklocatie",
  "13. Stappenplan bij de afhandeling van een algemene of gedeeltelijke ramp",
  "13.1 Situatie A – voortzetting van de diensten in de uitwijklocatie",
  "13.2 Situatie B – voortzetting van de diensten in de eigen gebouwen",
  "14. Herstelfase",
  "Incidentenbeheerplan: classificatie",
  "Incidentenbeheerplan: activering",
  "Incidentenbeheerplan: deactivering",
  "Contactenlijst: functies en vervangers",
  "15. Versiebeheer: overzicht aanpassingen en correcties",
];

/** Headings and lines inside the chapters that carry the plan's own data. */
const CONTENT = [
  "Coördinator: Pieter Declercq (+32 476 52 18 90)",
  "Plaatsvervanger: Sofie Vermeulen (+32 478 20 64 33)",
  "Contactadres voor de crisisstaf",
  "Uitwijk-contactadres",
  "Uitwijklocatie optie 2: Bibliotheek De Heidebloem – leeszaal 1e verdieping",
  "Technische fase – taakverdeling",
  "Organisatorische fase – taakverdeling",
  "Prioriteitenlijst met RTO",
  "Lijst deelnemers crisisstaf",
];

let plan: Plan;
let hash: string;
const bart = () => plan.people.find((p) => p.id === "bart-lannoo")!;

beforeAll(async () => {
  const loaded = await loadPlanFile(SAMPLE_PLAN_PATH);
  if (!loaded.ok) throw new Error("sample plan does not load");
  plan = loaded.plan;
  hash = loaded.hash;
});

const render = (format: "md" | "html" | "docx", holder = bart()) =>
  renderPlanDocument({ plan, planHash: hash, holder, printedAt: PRINTED }, "plan", format, REACH);

describe("the plan as a document", () => {
  it("gives every chapter in the template's order, with the holder's line at top and bottom, in Markdown", async () => {
    const { content, fileName } = await render("md");
    const md = content.toString("utf8");
    expect(fileName).toBe("rampenplan-ocmw-zonnebeke-heide-v3.0-bart-lannoo.md");
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.replace(/\\/g, ""));
    expect(headings.filter((h) => h !== "Over dit exemplaar")).toEqual(CHAPTERS);
    for (const line of CONTENT) expect(md.replace(/\*\*/g, ""), line).toContain(line);
    const lines = md.trim().split("\n");
    expect(lines[0]).toBe(`**${LINE}**`);
    expect(lines.at(-1)).toBe(`**${LINE}**`);
    // The crisis staff with their numbers, the RTO per service, a checklist to tick.
    expect(md).toContain(
      "| Deskundige ICT (gemeente) | Bart Lannoo | +32 472 40 93 81 | Kevin Dumon (+32 472 70 38 12) |",
    );
    expect(md).toContain("| 1 | Diensten i.v.m. dienstverlening (keuken, thuisdiensten) | 24 u |");
    expect(md).toContain(
      "- [ ] Het rampenplan deactiveren. — Algemeen directeur (coördinator rampenplan)",
    );
    expect(md).toContain("| Internet (+ KSZ) | Flandrix Telecom Business | 0800 15 311");
  });

  it("prints the holder's line on every page of the HTML (print margin boxes) and at top and bottom", async () => {
    const html = (await render("html")).content.toString("utf8");
    for (const chapter of CHAPTERS) expect(html, chapter).toContain(`>${chapter}</h2>`);
    expect(
      html.match(new RegExp(`<p class="page-header" role="note">${LINE}</p>`, "g")),
    ).toHaveLength(2);
    expect(html).toMatch(
      /@page \{[^}]*@top-center \{ content: "Vertrouwelijk — exemplaar van Bart Lannoo — versie 3\.0 van 25 maart 2024"/,
    );
    expect(html).toContain("<caption>Lijst deelnemers crisisstaf</caption>");
  });

  it("writes a Word file that is valid OOXML, with the holder's line in the page header of every page", async () => {
    const docx = (await render("docx")).content;
    const zip = await JSZip.loadAsync(docx);
    for (const part of Object.keys(zip.files).filter(
      (name) => name.endsWith(".xml") || name.endsWith(".rels"),
    )) {
      const xml = await zip.file(part)!.async("string");
      expect(() => xml2js(xml), part).not.toThrow();
    }
    const types = await docxPart(docx, "[Content_Types].xml");
    expect(types).toContain('PartName="/word/document.xml"');
    expect(types).toMatch(/PartName="\/word\/header\d\.xml"/);
    const document = await docxPart(docx, "word/document.xml");
    // One section whose default header is the confidentiality line: Word repeats it on every page.
    expect(document.match(/<w:sectPr/g)).toHaveLength(1);
    expect(document).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/);
    const headerPart = Object.keys(zip.files).find((name) => /^word\/header\d\.xml$/.test(name))!;
    expect(await docxParagraphs(docx, headerPart)).toContain(LINE);
    const paragraphs = await docxParagraphs(docx);
    for (const line of [...CHAPTERS, ...CONTENT]) expect(paragraphs, line).toContain(line);
    expect(paragraphs).toContain(
      "☐ Het rampenplan deactiveren. — Algemeen directeur (coördinator rampenplan)",
    );
  });

  it("leaves out the checklists a plan does not have, and says an unnamed copy is unnamed", async () => {
    const source = mutate((doc) => doc.delete("checklists"));
    const result = parsePlan(source);
    if (!result.ok) throw new Error("edited plan does not load");
    const model = buildPlanDocument({
      plan: result.plan,
      planHash: result.hash,
      holder: null,
      printedAt: PRINTED,
    });
    const titles = model.sections.map((s) => s.title);
    expect(titles).not.toContain("Incidentenbeheerplan: activering");
    expect(titles).toContain("Incidentenbeheerplan: classificatie");
    expect(model.chrome.pageHeader).toBe(
      "Vertrouwelijk — exemplaar niet op naam — versie 3.0 van 25 maart 2024",
    );
  });

  it("refuses a checklist line naming a function the plan does not have, with a hint", () => {
    const source = mutate((doc) =>
      doc.setIn(["checklists", "activation", 0, "function"], "deskundige-itc"),
    );
    const result = parsePlan(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        code: "ref.function",
        path: ["checklists", "activation", 0, "function"],
        params: expect.objectContaining({ suggestion: "deskundige-ict" }),
      }),
    );
  });

  it("lists as holders the plan's planHolders and the crisis staff's holders and alternates, each once", () => {
    const holders = copyHolderIds(plan);
    expect(holders.slice(0, plan.coordination.planHolders.length)).toEqual(
      plan.coordination.planHolders,
    );
    expect(holders).toContain("kevin-dumon"); // alternate of deskundige-ict
    expect(holders).toContain("an-peeters"); // alternate of the DPO
    expect(holders).not.toContain("dirk-vandenbroucke"); // keuken: not crisis staff
    expect(new Set(holders).size).toBe(holders.length);
  });
});
