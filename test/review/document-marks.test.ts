// One document model, one set of renderers: a document that carries both the plan copy's
// confidentiality line and an exercise's OEFENING mark shows both, in every format, and Word
// repeats both in the page header.
import JSZip from "jszip";
import { beforeAll, expect, it } from "vitest";
import { buildPlanDocument } from "../../src/core/plan-document/build.ts";
import type { DocumentModel } from "../../src/core/review/model.ts";
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import { renderDocumentFile } from "../../src/review/document.ts";
import { docxParagraphs } from "./helpers.ts";

const LINE = "Vertrouwelijk — exemplaar van Bart Lannoo — versie 3.0 van 25 maart 2024";
const MARK = "OEFENING — dit is geen echte ramp";

let model: DocumentModel;

beforeAll(async () => {
  const loaded = await loadPlanFile(SAMPLE_PLAN_PATH);
  if (!loaded.ok) throw new Error("sample plan does not load");
  const holder = loaded.plan.people.find((p) => p.id === "bart-lannoo")!;
  model = {
    ...buildPlanDocument({
      plan: loaded.plan,
      planHash: loaded.hash,
      holder,
      printedAt: new Date("2026-11-30T09:00:00Z"),
    }),
    exercise: { label: "OEFENING", text: MARK },
  };
});

it("puts the confidentiality line and OEFENING in Word's page header, both", async () => {
  const docx = (await renderDocumentFile(model, "docx", "x.docx")).content;
  const zip = await JSZip.loadAsync(docx);
  const headers = Object.keys(zip.files).filter((name) => /^word\/header\d\.xml$/.test(name));
  expect(headers).toHaveLength(1);
  expect(await docxParagraphs(docx, headers[0])).toEqual([LINE, MARK]);
  // OEFENING also opens the first page itself.
  expect((await docxParagraphs(docx))[0]).toBe(MARK);
});

it("opens the Markdown and the HTML with the confidentiality line and OEFENING", async () => {
  const md = (await renderDocumentFile(model, "md", "x.md")).content.toString("utf8");
  expect(md.split("\n").slice(0, 3)).toEqual([`**${LINE}**`, "", `> **${MARK}**`]);
  const html = (await renderDocumentFile(model, "html", "x.html")).content.toString("utf8");
  const header = html.slice(html.indexOf("<header>"), html.indexOf("</header>"));
  expect(header).toContain(`<p class="page-header" role="note">${LINE}</p>`);
  expect(header).toContain(`<p class="exercise" role="note"><strong>${MARK}</strong></p>`);
});
