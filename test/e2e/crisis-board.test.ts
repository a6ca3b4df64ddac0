// End to end in Debian's headless Chromium: a newcomer runs a whole incident in the local chat
// (declare, two people answer their pages, decide, claim and complete a task, close) while the
// crisis board on "the wall" follows live, without a reload. Screenshots of the board and the
// chat (desktop, phone, print) go to test-results/.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { P, startWebRamp, type WebRamp } from "../adapters/web/harness.ts";
import { browserUnavailable, launchChromium } from "../support/browser.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the browser tests: ${unavailable}`);

const SHOTS = path.resolve("test-results");

/** What a person reads in an element: rendered text, laid out (table cells apart). */
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property
const text = (locator: Locator) => locator.innerText();
const LIVE = 10_000;

const TITLE = "e2e: the local chat and the live crisis board";

describe.skipIf(unavailable !== null)(
  unavailable ? `${TITLE} (skipped: ${unavailable})` : TITLE,
  () => {
    let s: WebRamp;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const problems: string[] = [];
    let wall: Page;

    async function open(name: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
      const context = await browser.newContext({ viewport, locale: "nl-BE" });
      contexts.push(context);
      const page = await context.newPage();
      page.on("pageerror", (error) => problems.push(`${name}: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`${name}: ${message.text()}`);
      });
      return page;
    }

    /** Opens the local chat and chooses who you are, as a newcomer would. */
    async function chatAs(name: string, personId: string): Promise<Page> {
      const page = await open(name);
      await page.goto(`${s.ramp.url}/chat`);
      await page.getByLabel("Wie bent u?").selectOption(personId);
      await page.getByRole("button", { name: "Verder" }).click();
      await page.getByLabel("Opdracht").waitFor();
      return page;
    }

    async function type(page: Page, command: string): Promise<void> {
      const input = page.getByLabel("Opdracht");
      await input.fill(command);
      await input.press("Enter");
      await expect.poll(() => input.inputValue(), { timeout: LIVE }).toBe("");
    }

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      const dir = mkdtempSync(path.join(tmpdir(), "ramp-e2e-"));
      s = await startWebRamp(`file:${dir}/ramp.db`);
      browser = await launchChromium();
      wall = await open("wall");
      await wall.goto(s.ramp.url);
      // Marks this very document: a reload or navigation would lose it.
      await wall.evaluate("window.stayed = true");
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await s?.close();
    });

    const wallText = () => text(wall.locator("#board"));
    const stayed = () => wall.evaluate<boolean>("window.stayed === true");

    it("shows an empty board with its live status", async () => {
      await expect.poll(wallText).toContain("Er loopt geen incident.");
      await expect
        .poll(() => wall.locator("[data-live-status]").getAttribute("data-state"))
        .toBe("on");
    });

    it("declares an incident in the local chat; the board follows without a reload", async () => {
      const pieter = await chatAs("pieter", P.pieter);
      await type(pieter, "/ramp start groot Brand in het administratief centrum");
      await expect
        .poll(() => text(pieter.locator("#feed")), { timeout: LIVE })
        .toContain("Incident 2026-001 is gestart; de crisisstaf wordt opgeroepen.");
      await expect
        .poll(() => text(wall.locator("h1")), { timeout: LIVE })
        .toBe("Incident 2026-001 — Brand in het administratief centrum");
      expect(await stayed()).toBe(true);
    });

    it("two people answer their pages: one comes, one cannot (the alternate is paged)", async () => {
      const marleen = await chatAs("marleen", P.marleen);
      const page = marleen.locator("article.card-page");
      await expect
        .poll(() => text(page))
        .toContain("U wordt opgeroepen voor de crisisstaf als Voorzitter");
      await page.getByRole("button", { name: "Ik kom" }).click();
      await expect.poll(() => text(page), { timeout: LIVE }).toMatch(/Komt \(zo 22 nov/);

      const els = await chatAs("els", "els-verhaeghe");
      await els.locator("article.card-page").getByRole("button", { name: "Ik kan niet" }).click();
      await expect
        .poll(() => text(els.locator("article.card-page")), { timeout: LIVE })
        .toMatch(/Kan niet \(zo 22 nov/);

      const paging = wall.locator("#paging");
      await expect.poll(() => text(paging), { timeout: LIVE }).toMatch(/Marleen Vandamme\s+Komt/);
      await expect
        .poll(() => text(paging), { timeout: LIVE })
        .toMatch(/Els Verhaeghe\s+Vervanger opgeroepen/);
      await expect
        .poll(() => text(paging))
        .toMatch(/Ines Lambrecht\s+Opgeroepen, nog geen antwoord/);
      expect(await stayed()).toBe(true);
    });

    it("the coordinator records the evaluation and decides B with the card's button", async () => {
      const pieter = contexts[1]!.pages()[0]!;
      await type(
        pieter,
        "/ramp evaluatie Keuken en serverlokaal beschadigd, rest van het gebouw bruikbaar",
      );
      const card = pieter.locator("article.card-decision").first();
      await card.getByRole("button", { name: /^B — / }).click();
      await expect
        .poll(() => text(wall.locator("#services")), { timeout: LIVE })
        .toContain("Diensten i.v.m. dienstverlening (keuken, thuisdiensten)");
      await expect.poll(wallText).toContain("Technische fase");
      // The countdowns tick from ISO times in the browser.
      await expect
        .poll(() => wall.locator("#services time[data-countdown]").count())
        .toBeGreaterThan(0);
      expect(await wall.locator("#services svg").count()).toBe(
        s.ramp.plan.situations.B.services.length,
      );
      expect(await stayed()).toBe(true);
    });

    it("someone claims and completes a task on the board; the wall shows owner and status", async () => {
      const bart = await chatAs("bart", P.bart);
      await bart.goto(s.ramp.url);
      const task = bart.locator("article.card-task", { hasText: "Back-ups beschikbaar stellen" });
      await task.getByRole("button", { name: "Opnemen" }).click();
      const onWall = wall.locator("article.card-task", { hasText: "Back-ups beschikbaar stellen" });
      await expect
        .poll(() => text(onWall), { timeout: LIVE })
        .toMatch(/Opgenomen[\s\S]*Bart Lannoo/);

      await task.getByRole("button", { name: "Klaar" }).click();
      await expect
        .poll(() => text(onWall), { timeout: LIVE })
        .toMatch(/^Back-ups beschikbaar stellen\s+Klaar/);
      await expect
        .poll(() => text(wall.locator("#timeline")))
        .toContain('Taak "Back-ups beschikbaar stellen" klaar');
      expect(await stayed()).toBe(true);
    });

    it("blocks a task with the keyboard alone: disclosure, reason, Enter", async () => {
      const bart = contexts.at(-1)!.pages()[0]!;
      const task = bart.locator("article.card-task", {
        hasText: "Zo nodig vervangende ICT-middelen",
      });
      await task.locator("summary", { hasText: "Blokkeren…" }).focus();
      await bart.keyboard.press("Enter");
      await bart.keyboard.press("Tab");
      await bart.keyboard.type("Leverancier pas maandag bereikbaar");
      await bart.keyboard.press("Enter");
      const onWall = wall.locator("article.card-task", {
        hasText: "Zo nodig vervangende ICT-middelen",
      });
      await expect
        .poll(() => text(onWall), { timeout: LIVE })
        .toContain("Geblokkeerd: Leverancier pas maandag bereikbaar");
    });

    it("marks a service restored after some hours; its chart and countdown follow", async () => {
      s.clock.advanceMinutes(150);
      const pieter = contexts[1]!.pages()[0]!;
      await type(pieter, "/ramp hersteld dienstverlening");
      const service = wall.locator("li.service", { hasText: "Diensten i.v.m. dienstverlening" });
      await expect
        .poll(() => text(service), { timeout: LIVE })
        .toMatch(/Hersteld zo 22 nov 11:30 \(hersteld binnen de RTO\)/);
      expect(await service.locator("line.m-restored").count()).toBe(1);
      // The next service's countdown runs from the server's time (2.5 h later), not the browser's.
      const next = wall.locator("li.service", { hasText: "Algemene administratie" });
      await expect.poll(() => text(next.locator("time[data-countdown]"))).toMatch(/^nog 2[12] u/);
    });

    it("looks right: screenshots of the board and the chat on a desktop, a phone and paper", async () => {
      await wall.screenshot({ path: `${SHOTS}/board-desktop.png`, fullPage: true });
      const pieter = contexts[1]!.pages()[0]!;
      await pieter.screenshot({ path: `${SHOTS}/chat-desktop.png`, fullPage: true });

      const phone = await open("phone", { width: 390, height: 844 });
      await phone.goto(s.ramp.url);
      await phone.screenshot({ path: `${SHOTS}/board-phone.png`, fullPage: true });
      // No sideways scrolling on a phone.
      expect(
        await phone.evaluate<number>("document.documentElement.scrollWidth"),
      ).toBeLessThanOrEqual(390);

      const phoneChat = await open("phone-chat", { width: 390, height: 844 });
      await phoneChat.goto(`${s.ramp.url}/chat`);
      await phoneChat.getByLabel("Wie bent u?").selectOption("els-verhaeghe");
      await phoneChat.getByRole("button", { name: "Verder" }).click();
      await phoneChat.getByLabel("Opdracht").waitFor();
      await phoneChat.screenshot({ path: `${SHOTS}/chat-phone.png` });
      expect(
        await phoneChat.evaluate<number>("document.documentElement.scrollWidth"),
      ).toBeLessThanOrEqual(390);

      const paper = await open("print", { width: 794, height: 1123 });
      await paper.goto(s.ramp.url);
      await paper.emulateMedia({ media: "print" });
      await paper.screenshot({ path: `${SHOTS}/board-print.png`, fullPage: true });
      // On paper: no menu, no buttons, no forms; the board itself is all there.
      expect(await paper.locator("header.top").isVisible()).toBe(false);
      expect(await paper.locator("button:visible").count()).toBe(0);
      expect(await paper.locator("#timeline").isVisible()).toBe(true);
      await paper.pdf({ path: `${SHOTS}/board.pdf`, format: "A4" });
    });

    it("closes the incident; the board lists it as past, with a link to its own board", async () => {
      const pieter = contexts[1]!.pages()[0]!;
      await type(pieter, "/ramp stop Brand onder controle");
      await expect.poll(wallText, { timeout: LIVE }).toContain("Er loopt geen incident.");
      const link = wall.locator("#past a", {
        hasText: "2026-001 — Brand in het administratief centrum",
      });
      await link.click();
      await expect.poll(() => text(wall.locator("h1"))).toContain("Incident 2026-001");
      await expect.poll(() => text(wall.locator(".incident-head"))).toContain("Afgesloten");
    });

    it("logged no script errors and no refused resources on any page", () => {
      expect(problems).toEqual([]);
    });
  },
);
