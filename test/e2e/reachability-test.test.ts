// End to end in headless Chromium: the coordinator starts a reachability test in the local chat,
// one person answers "Ontvangen" on the card, the coordinator closes the test on the board, and
// the result page (the review's document renderer) shows what a real incident would hit.
// Screenshots of the practice page and the result (desktop and phone) go to test-results/.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { P, startWebRamp, type WebRamp } from "../adapters/web/harness.ts";
import { axeViolations } from "../support/axe.ts";
import { browserUnavailable, launchChromium } from "../support/browser.ts";

const unavailable = browserUnavailable();
const SHOTS = path.resolve("test-results");
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property
const text = (locator: Locator) => locator.innerText();
const LIVE = 10_000;
const TITLE = "e2e: a reachability test and its result page";

describe.skipIf(unavailable !== null)(
  unavailable ? `${TITLE} (skipped: ${unavailable})` : TITLE,
  () => {
    let s: WebRamp;
    let browser: Browser;
    const contexts: BrowserContext[] = [];

    async function chatAs(
      personId: string,
      viewport = { width: 1366, height: 900 },
    ): Promise<Page> {
      const context = await browser.newContext({ viewport, locale: "nl-BE" });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${s.ramp.url}/chat`);
      await page.getByLabel("Wie bent u?").selectOption(personId);
      await page.getByRole("button", { name: "Verder" }).click();
      await page.getByLabel("Opdracht").waitFor();
      return page;
    }

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      s = await startWebRamp(`file:${mkdtempSync(path.join(tmpdir(), "ramp-e2e-test-"))}/ramp.db`);
      browser = await launchChromium();
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await s?.close();
    });

    it("runs a test from the chat to the result page", async () => {
      const pieter = await chatAs(P.pieter);
      const input = pieter.getByLabel("Opdracht");
      await input.fill("test");
      await input.press("Enter");
      await expect
        .poll(() => text(pieter.locator("main")), { timeout: LIVE })
        .toContain("Bereikbaarheidstest T-2026-01 gestart");

      const marleen = await chatAs(P.marleen);
      const card = marleen.locator("article.card-test");
      await expect.poll(() => card.count(), { timeout: LIVE }).toBeGreaterThan(0);
      expect(await text(card.first())).toContain("TEST — er is geen incident");
      await card.first().getByRole("button", { name: "Ontvangen" }).click();
      await expect
        .poll(() => text(marleen.locator("article.card-test").first()), { timeout: LIVE })
        .toContain("Ontvangen om");

      await pieter.goto(`${s.ramp.url}/tests`);
      expect(await text(pieter.locator("#practice"))).toContain(
        "Bereikbaarheidstest loopt: T-2026-01",
      );
      expect.soft(await axeViolations(pieter, "practice page, test running")).toEqual([]);
      await pieter.getByRole("button", { name: "Test nu afsluiten" }).click();
      await expect
        .poll(() => text(pieter.locator("main")), { timeout: LIVE })
        .toContain("De test is afgesloten");
      expect(await text(pieter.locator("table.trend"))).toContain("T-2026-01");
      await pieter.screenshot({
        path: `${SHOTS}/reachability-practice-desktop.png`,
        fullPage: true,
      });

      await pieter.getByRole("link", { name: "T-2026-01" }).click();
      const body = await text(pieter.locator("body"));
      expect(body).toContain("Bereikbaarheidstest T-2026-01");
      expect(body).toContain("Wat een echt incident zou raken");
      expect(body).toContain("Marleen Vandamme");
      expect(body).toMatch(/Antwoordden\s*:?\s*1 \/ 13/);
      expect.soft(await axeViolations(pieter, "test result page")).toEqual([]);
      await pieter.screenshot({ path: `${SHOTS}/reachability-result-desktop.png`, fullPage: true });
      const word = await pieter.request.get(`${s.ramp.url}/tests/T-2026-01.docx`);
      expect(word.headers()["content-disposition"]).toContain("bereikbaarheidstest-T-2026-01.docx");
      const markdown = await (await pieter.request.get(`${s.ramp.url}/tests/T-2026-01.md`)).text();
      expect(markdown).toMatch(/^# Bereikbaarheidstest T-2026-01/);

      const phone = await chatAs(P.sofie, { width: 390, height: 844 });
      await phone.goto(`${s.ramp.url}/tests/T-2026-01`);
      await phone.screenshot({ path: `${SHOTS}/reachability-result-phone.png`, fullPage: true });
    }, 180_000);
  },
);
