import { beforeAll, describe, expect, it } from "vitest";
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import type { Plan } from "../../src/plan/schema.ts";
import { renderPlanDocument } from "../../src/review/plan-document.ts";
import { docxParagraphs } from "../review/helpers.ts";
import { browserUnavailable, launchChromium } from "../support/browser.ts";

const PRINTED = new Date("2026-11-30T09:00:00Z");
const LINE = "Vertrouwelijk — exemplaar van Kevin Dumon — versie 3.0 van 25 maart 2024";

let plan: Plan;
let hash: string;

beforeAll(async () => {
  const loaded = await loadPlanFile(SAMPLE_PLAN_PATH);
  if (!loaded.ok) throw new Error("sample plan does not load");
  plan = loaded.plan;
  hash = loaded.hash;
});

const card = (
  format: "md" | "html" | "docx",
  reach = { webUrl: "https://ramp.example.be", slack: true, teams: false, sms: true },
) =>
  renderPlanDocument(
    {
      plan,
      planHash: hash,
      holder: plan.people.find((p) => p.id === "kevin-dumon")!,
      printedAt: PRINTED,
    },
    "card",
    format,
    reach,
  );

describe("the crisis card", () => {
  it("holds the contact tree, the meeting addresses, how to reach Ramp and the first five steps", async () => {
    const { content, fileName } = await card("md");
    const md = content.toString("utf8").replace(/\\/g, "");
    expect(fileName).toBe("zakkaart-ocmw-zonnebeke-heide-v3.0-kevin-dumon.md");
    expect(md.startsWith(`**${LINE}**`)).toBe(true);
    expect(md.trim().endsWith(`**${LINE}**`)).toBe(true);
    expect(md).toContain(
      "| Adjunct algemeen directeur | Sofie Vermeulen (+32 478 20 64 33) | Pieter Declercq (+32 476 52 18 90) → Lien Coussens (+32 477 25 70 46) |",
    );
    expect(md).toContain("**Coördinator:** Pieter Declercq (+32 476 52 18 90)");
    expect(md).toContain(
      "**Contactadres:** Administratief Centrum Heidehof, Vergaderzaal De Linde (1e verdieping), Marktplein 1, 8981 Zonnebeke-Heide, +32 57 40 12 00",
    );
    expect(md).toContain("**Uitwijk:** Woonzorgcentrum Ter Heide");
    expect(md).toContain("**Browser:** https://ramp.example.be");
    expect(md).toContain("**Slack:** /ramp start");
    expect(md).toContain("**SMS:**");
    expect(md).not.toContain("**Teams:**"); // not configured here
    const steps = [...md.matchAll(/^### (\d)\. (.+)$/gm)].map((m) => `${m[1]}. ${m[2]}`);
    expect(steps).toEqual([
      "1. Melding van de ramp",
      "2. Verzamelen op het contactadres",
      "3. Vergadering van de crisisstaf",
      "4. Evaluatie van de rampsituatie",
      "5. Beslissing: situatie A of B",
    ]);
  });

  it("carries the holder's line in Word's page header", async () => {
    const docx = (await card("docx")).content;
    expect(await docxParagraphs(docx, "word/header1.xml")).toContain(LINE);
    expect(await docxParagraphs(docx)).toContain("Contactboom per functie");
  });

  const unavailable = browserUnavailable();
  it.skipIf(unavailable !== null)("prints on one A4 page from the browser", async () => {
    const html = (await card("html")).content.toString("utf8");
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent(html);
      const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
      expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });
});
