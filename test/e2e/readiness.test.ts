// End to end in headless Chromium: while no incident runs, the crisis board opens with the crisis
// team's readiness. The plan gives Bart Lannoo (Deskundige ICT) no address and his alternate
// Kevin Dumon only numbers to call; neither answers the reachability test, so the page says at
// a glance that nobody could fill that function tonight. The coordinator sees the numbers to
// call, a board member on a phone does not. Once an incident is declared, the board is the
// incident's. Screenshots (desktop, phone) go to test-results/.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { distributePlanCopies } from "../../src/core/plan-copies/distribute.ts";
import { SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import { P, SLACK_ENV, startWebRamp, type WebRamp } from "../adapters/web/harness.ts";
import { axeViolations } from "../support/axe.ts";
import { browserUnavailable, launchChromium } from "../support/browser.ts";

const unavailable = browserUnavailable();
const SHOTS = path.resolve("test-results");
const LIVE = 10_000;
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property
const text = (locator: Locator) => locator.innerText();
const TITLE = "e2e: the crisis team's readiness on the board";
const ICT = "Deskundige ICT (gemeente)";

/** The sample plan without any address for Bart Lannoo and without a Slack id for Kevin Dumon. */
function planWithGaps(dir: string): string {
  const doc = parseDocument(readFileSync(SAMPLE_PLAN_PATH, "utf8"));
  const people = doc.toJS().people as Array<{ id: string }>;
  const at = (id: string) => people.findIndex((p) => p.id === id);
  for (const field of ["slackUserId", "teamsUserId", "mobile", "phone"])
    doc.deleteIn(["people", at("bart-lannoo"), field]);
  doc.deleteIn(["people", at("kevin-dumon"), "slackUserId"]);
  const file = path.join(dir, "plan.yaml");
  writeFileSync(file, doc.toString());
  return file;
}

describe.skipIf(unavailable !== null)(
  unavailable ? `${TITLE} (skipped: ${unavailable})` : TITLE,
  () => {
    let s: WebRamp;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const problems: string[] = [];

    /** Signs in with the person's own link (as `/ramp bord` hands it out) and opens the board. */
    async function boardAs(personId: string, viewport: { width: number; height: number }) {
      const context = await browser.newContext({ viewport, locale: "nl-BE" });
      contexts.push(context);
      const page = await context.newPage();
      page.on("pageerror", (error) => problems.push(`${personId}: ${error.message}`));
      const link = new URL(s.ramp.engine.ctx.boardLink!(personId).url);
      await page.goto(`${s.ramp.url}${link.pathname}${link.search}${link.hash}`);
      await page.locator("#readiness").waitFor();
      return page;
    }

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      const dir = mkdtempSync(path.join(tmpdir(), "ramp-e2e-readiness-"));
      s = await startWebRamp(`file:${dir}/ramp.db`, {
        env: { ...SLACK_ENV, RAMP_PLAN: planWithGaps(dir) },
      });
      browser = await launchChromium();
      const { engine } = s.ramp;
      const as = (personId: string) => ({ personId, source: "slack" as const });
      // The copies went out; three holders confirmed theirs.
      await distributePlanCopies(engine.ctx);
      for (const id of [P.pieter, P.sofie, P.marleen])
        await engine.ctx.store.planCopies.confirm(engine.ctx.dir.planHash, id, s.clock.now());
      // A reachability test: everyone answers but Bart, Kevin and Wouter Hoste (DPO).
      const test = await engine.startTest(as(P.pieter));
      const silent = new Set([P.bart, "kevin-dumon", "wouter-hoste"]);
      for (const r of await engine.ctx.store.reachability.recipients(test.id))
        if (!silent.has(r.personId)) await engine.answerTest(as(r.personId), r.id);
      s.clock.advanceMinutes(20);
      await engine.stopTest(as(P.pieter));
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await s?.close();
    });

    it("answers at a glance whether the team could be assembled, with the numbers for the coordinator", async () => {
      const pieter = await boardAs(P.pieter, { width: 1366, height: 900 });
      const glance = await text(pieter.locator("#readiness"));
      expect(glance).toContain("Paraatheid van de crisisstaf");
      expect(glance).toContain(
        `Niet klaar: 1 functie zonder bereikbare houder of vervanger: ${ICT}.`,
      );
      expect(glance).toContain("3 van 13 houders bevestigden hun exemplaar van versie 3.0.");
      expect(glance).toContain("Versie 3.0 (Goedgekeurd door de OCMW-raad op 25 maart 2024)");

      const functions = pieter.locator("#readiness-functions");
      const ict = functions.locator("tr", { hasText: ICT });
      expect(await text(ict)).toContain("niemand bereikbaar");
      expect(await text(ict)).toContain(
        "Kevin Dumon (vervanger 1): Ramp bereikt deze persoon niet: alleen bellen — antwoordde niet op T-2026-01",
      );
      // The coordinator can call Kevin from here.
      await expect
        .poll(() => ict.getByRole("link", { name: "Bel +32 472 70 38 12" }).getAttribute("href"))
        .toBe("tel:+32472703812");
      // The DPO's holder did not answer, his alternate did: covered, but worth a look.
      expect(await text(functions.locator("tr", { hasText: "Data Protection Officer" }))).toContain(
        "aandacht",
      );
      // The plan check's warning about Bart, and the last test with the next one.
      expect(await text(pieter.locator("#readiness-plan"))).toContain("Bart Lannoo (people[6])");
      // What nobody could fill is the first row.
      expect(await text(functions.locator("tbody tr").first())).toContain(ICT);
      expect(await text(pieter.locator("#readiness-practice"))).toContain("T-2026-01");
      expect(
        await pieter.locator("#readiness-copies tbody tr").count(),
        "the ten holders still to confirm",
      ).toBe(10);
      expect.soft(await axeViolations(pieter, "readiness, coordinator")).toEqual([]);
      // The first screen is the glance; the whole page is the detail.
      await pieter.screenshot({ path: `${SHOTS}/readiness-desktop-first-screen.png` });
      await pieter.screenshot({ path: `${SHOTS}/readiness-desktop.png`, fullPage: true });
    }, 120_000);

    it("shows a board member on a phone the same answer without anyone's number", async () => {
      const marleen = await boardAs(P.marleen, { width: 390, height: 844 });
      const readiness = await text(marleen.locator("main"));
      expect(readiness).toContain(`Niet klaar: 1 functie zonder bereikbare houder of vervanger`);
      expect(readiness).not.toMatch(/\+32/);
      expect(await marleen.locator("#readiness-copies tbody tr").count()).toBe(0);
      expect(await text(marleen.locator("#readiness-copies"))).toMatch(
        /Uw exemplaar\s+bevestigd op/i,
      );
      // Nothing wider than the phone: no sideways scrolling.
      const width = (await marleen.evaluate("document.documentElement.scrollWidth")) as number;
      expect(width).toBeLessThanOrEqual(390);
      expect.soft(await axeViolations(marleen, "readiness, phone")).toEqual([]);
      await marleen.screenshot({ path: `${SHOTS}/readiness-phone-first-screen.png` });
      await marleen.screenshot({ path: `${SHOTS}/readiness-phone.png`, fullPage: true });

      // An incident takes the board over: readiness is for the time in between.
      await s.ramp.engine.declare(
        { personId: P.pieter, source: "slack" },
        { classification: "groot", description: "Brand in het administratief centrum" },
      );
      await expect.poll(() => marleen.locator("#readiness").count(), { timeout: LIVE }).toBe(0);
      expect(problems).toEqual([]);
    }, 120_000);
  },
);
