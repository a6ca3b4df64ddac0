// The board hands a signed-in holder of the plan their own copy and crisis card (HTML to print,
// Word and Markdown to download); nobody else gets one, and nothing without signing in.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distributePlanCopies } from "../../../src/core/plan-copies/distribute.ts";
import { docxParagraphs } from "../../review/helpers.ts";
import { P, SLACK_ENV, startWebRamp, visible, type WebBrowser, type WebRamp } from "./harness.ts";

describe("web: the plan's copies on the board", () => {
  let s: WebRamp;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-web-plan-copy-"));

  async function signedIn(personId: string): Promise<WebBrowser> {
    const browser = s.browser();
    const link = s.ramp.engine.ctx.boardLink!(personId);
    const url = new URL(link.url); // RAMP_PUBLIC_URL's host; the path is what matters
    expect((await browser.get(`${url.pathname}${url.search}${url.hash}`)).status).toBe(303);
    return browser;
  }

  beforeAll(async () => {
    s = await startWebRamp(`file:${dir}/ramp.db`, {
      env: { ...SLACK_ENV, RAMP_PUBLIC_URL: "https://ramp.zonnebeke-heide.be" },
    });
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("offers a holder their own copy and card, which open as print-clean pages in their name", async () => {
    const bart = await signedIn(P.bart);
    const board = await bart.get("/");
    expect(board.text).toContain('<section id="plan-copies" class="panel no-print"');
    expect(board.text).toContain('<a href="/plan/copy.docx" download>Word-document</a>');
    const copy = await bart.get("/plan/copy");
    expect(copy.status).toBe(200);
    expect(copy.headers.get("cache-control")).toBe("no-store");
    expect(copy.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(copy.text).not.toContain("<script");
    expect(visible(copy.text)).toContain(
      "Vertrouwelijk — exemplaar van Bart Lannoo — versie 3.0 van 25 maart 2024",
    );
    expect(copy.text).toContain("@media print");
    expect(copy.text).toContain('<nav class="downloads"');
    const card = await bart.get("/plan/card");
    expect(card.text).toContain('<body class="card">');
    expect(visible(card.text)).toContain("https://ramp.zonnebeke-heide.be (crisisbord");
    expect(visible(card.text)).toContain("Slack: /ramp start");
    const docx = await bart.get("/plan/copy.docx");
    expect(docx.headers.get("content-disposition")).toBe(
      'attachment; filename="rampenplan-ocmw-zonnebeke-heide-v3.0-bart-lannoo.docx"',
    );
    const md = await bart.get("/plan/card.md");
    expect(md.text.split("\n")[0]).toBe(
      "**Vertrouwelijk — exemplaar van Bart Lannoo — versie 3.0 van 25 maart 2024**",
    );
  });

  it("gives the Word copy as a file Word opens, with the holder's line on every page", async () => {
    const sofie = await signedIn(P.sofie);
    const response = await fetch(`${s.ramp.url}/plan/copy.docx`, {
      headers: { cookie: [...sofie.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    const docx = Buffer.from(await response.arrayBuffer());
    expect(await docxParagraphs(docx, "word/header1.xml")).toContain(
      "Vertrouwelijk — exemplaar van Sofie Vermeulen — versie 3.0 van 25 maart 2024",
    );
  });

  it("shows the coordinator who holds which version and who confirmed it; a holder sees only their own", async () => {
    const pieter = await signedIn(P.pieter);
    const before = visible((await pieter.get("/")).text);
    expect(before).toContain("Wie heeft welk exemplaar? Huidige versie: 3.0");
    expect(before).toContain("Wouter Hoste — — nog niet bevestigd");
    const { ctx } = s.ramp.engine;
    await distributePlanCopies(ctx);
    await ctx.store.planCopies.confirm(ctx.dir.planHash, "wouter-hoste", s.clock.now());
    const after = visible((await pieter.get("/")).text);
    // No Slack id, and this Ramp has no SMS gateway: the coordinator sees that nothing reaches him.
    expect(after).toMatch(/Wouter Hoste 3\.0 geen kanaal bereikt deze persoon \S+ 22 nov\S* 09:00/);
    expect(after).toContain("Bart Lannoo 3.0 slack nog niet bevestigd");
    const bart = visible((await (await signedIn(P.bart)).get("/")).text);
    expect(bart).toContain("Uw exemplaar van het plan");
    expect(bart).not.toContain("Wie heeft welk exemplaar?");
  });

  it("refuses someone who holds no copy, and everyone not signed in", async () => {
    const hanne = await signedIn(P.hanne); // communication officer, not crisis staff, no copy
    expect((await hanne.get("/")).text).not.toContain("plan-copies");
    const refused = await hanne.get("/plan/copy.docx");
    expect(refused.status).toBe(403);
    expect(visible(refused.text)).toContain("Enkel wie het plan houdt");
    expect(refused.text).not.toContain("+32");
    for (const path of ["/plan/copy", "/plan/card.docx", "/plan/card.md"]) {
      const anonymous = await s.browser().get(path);
      expect(anonymous.status, path).toBe(401);
      expect(anonymous.text).not.toContain("+32");
    }
  });
});
