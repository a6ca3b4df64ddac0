// End to end in Debian's headless Chromium: a newcomer runs a whole incident in the local chat
// (declare, two people answer their pages, decide, claim and complete a task, close) while the
// crisis board on "the wall" follows live, without a reload. Every page and state passes axe-core
// (WCAG 2.1 A and AA); keyboard use and the screen-reader announcements are checked too.
// Screenshots of the board, the attention strip and the chat (desktop, phone, print) go to
// test-results/.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { P, SLACK_ENV, startWebRamp, type WebRamp } from "../adapters/web/harness.ts";
import { axeViolations } from "../support/axe.ts";
import {
  BROWSER_TEST_TIMEOUT_MS,
  BROWSER_WAIT_MS,
  browserUnavailable,
} from "../support/browser.ts";
import { BrowserRamp, SHOTS, text, type } from "./browser-ramp.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the browser tests: ${unavailable}`);

/** Every wait is for a state of the page, up to this: quick pages cost nothing, a loaded CI gets time. */
const LIVE = BROWSER_WAIT_MS;

const TITLE = "e2e: the local chat and the live crisis board";

describe.skipIf(unavailable !== null)(
  unavailable ? `${TITLE} (skipped: ${unavailable})` : TITLE,
  // Each step waits up to LIVE for the page; several steps need more than the default 30 s.
  { timeout: BROWSER_TEST_TIMEOUT_MS },
  () => {
    let b: BrowserRamp;
    let s: WebRamp;
    /** Console lines a test provokes on purpose (a refused click, the sign-in page's 401). */
    const provoked = new Set<string>();
    let wall: Page;
    /** The chat pages opened by chatAs, by name. */
    const named = new Map<string, Page>();

    /** Opens the local chat as `personId`, kept under `name` for the later steps. */
    async function chatAs(name: string, personId: string): Promise<Page> {
      const page = await b.chatAs(name, personId);
      named.set(name, page);
      return page;
    }

    /** axe-core on the page as it is now; every violation is reported (and fails the test). */
    async function accessible(page: Page, state: string): Promise<void> {
      expect.soft(await axeViolations(page, state)).toEqual([]);
    }

    beforeAll(async () => {
      b = await BrowserRamp.start("ramp-e2e-");
      s = b.ramp;
      wall = await b.open("wall");
      await wall.goto(s.ramp.url);
      // Marks this very document: a reload or navigation would lose it.
      await wall.evaluate("window.stayed = true");
    });

    afterAll(async () => {
      await b?.close();
    });

    const wallText = () => text(wall.locator("#board"));
    const stayed = () => wall.evaluate<boolean>("window.stayed === true");

    it("shows an empty board with its live status", async () => {
      await expect.poll(wallText, { timeout: LIVE }).toContain("Er loopt geen incident.");
      await wall.locator('[data-live-status][data-state="on"]').waitFor({ timeout: LIVE });
      await accessible(wall, "board, no incident");
      const picker = await b.open("picker");
      await picker.goto(`${s.ramp.url}/chat`);
      await accessible(picker, "local chat, choose who you are");
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
      await expect
        .poll(() => text(wall.locator("#attention")), { timeout: LIVE })
        .toContain("Oproepen zonder antwoord");
      await accessible(wall, "board, incident running before the decision");
      await accessible(pieter, "local chat, incident declared");
    });

    it("two people answer their pages: one comes, one cannot (the alternate is paged)", async () => {
      const marleen = await chatAs("marleen", P.marleen);
      const page = marleen.locator("article.card-page");
      await expect
        .poll(() => text(page), { timeout: LIVE })
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
        .poll(() => text(paging), { timeout: LIVE })
        .toMatch(/Ines Lambrecht\s+Opgeroepen, nog geen antwoord/);
      expect(await stayed()).toBe(true);
    });

    it("the coordinator records the evaluation and decides B with the card's button", async () => {
      const pieter = named.get("pieter")!;
      await type(
        pieter,
        "/ramp evaluatie Keuken en serverlokaal beschadigd, rest van het gebouw bruikbaar",
      );
      const card = pieter.locator("article.card-decision").first();
      await card.getByRole("button", { name: /^B — / }).click();
      await expect
        .poll(() => text(wall.locator("#services")), { timeout: LIVE })
        .toContain("Diensten i.v.m. dienstverlening (keuken, thuisdiensten)");
      await expect.poll(wallText, { timeout: LIVE }).toContain("Technische fase");
      // The countdowns tick from ISO times in the browser.
      await expect
        .poll(() => wall.locator("#services time[data-countdown]").count(), { timeout: LIVE })
        .toBeGreaterThan(0);
      expect(await wall.locator("#services svg").count()).toBe(
        s.ramp.plan.situations.B.services.length,
      );
      expect(await stayed()).toBe(true);
      await accessible(wall, "board, after decision B");
      await accessible(pieter, "local chat, after decision B");
    });

    it("someone claims and completes a task on the board; the wall shows owner and status", async () => {
      const bart = await chatAs("bart", P.bart);
      await bart.goto(s.ramp.url);
      const task = bart.locator("#tasks article.card-task", {
        hasText: "Back-ups beschikbaar stellen",
      });
      await task.getByRole("button", { name: "Opnemen" }).click();
      const onWall = wall.locator("article.card-task", { hasText: "Back-ups beschikbaar stellen" });
      await expect
        .poll(() => text(onWall), { timeout: LIVE })
        .toMatch(/Opgenomen[\s\S]*Bart Lannoo/);

      await task.getByRole("button", { name: "Klaar" }).click();
      await expect
        .poll(() => text(onWall), { timeout: LIVE })
        .toMatch(/^#\d+ Back-ups beschikbaar stellen\s+Klaar/);
      await expect
        .poll(() => text(wall.locator("#timeline")), { timeout: LIVE })
        .toContain('Taak "Back-ups beschikbaar stellen" klaar');
      expect(await stayed()).toBe(true);
    });

    it("claims with the keyboard: Tab to Opnemen, Enter; focus stays on the card after the live refresh, the wall announces it", async () => {
      const bart = named.get("bart")!;
      const title = "Restore van de systemen coördineren";
      const card = bart.locator("#tasks article.card-task", { hasText: title });
      const claim = card.getByRole("button", { name: "Opnemen" });
      const focused = () => claim.evaluate((el) => el === el.ownerDocument.activeElement);
      // From the card, Opnemen is a few Tabs away. A live refresh of the board (the previous
      // test's deliveries may still arrive on a busy machine) may land mid-way: start again.
      await expect
        .poll(
          async () => {
            await card.focus();
            for (let i = 0; i < 6 && !(await focused()); i += 1) await bart.keyboard.press("Tab");
            return focused();
          },
          { timeout: LIVE },
        )
        .toBe(true);
      await bart.keyboard.press("Enter");
      await expect
        .poll(() => text(wall.locator("#tasks article.card-task", { hasText: title })), {
          timeout: LIVE,
        })
        .toMatch(/Opgenomen[\s\S]*Bart Lannoo/);
      // The claim button is gone; focus is on the same card's first button, not lost.
      await expect
        .poll(() =>
          bart.evaluate<string>(`(() => {
            const active = document.activeElement;
            const card = active && active.closest("#tasks [data-card]");
            return (card && card.textContent.includes("Restore van") ? "card" : "elsewhere") + ":" + (active && active.textContent);
          })()`),
        )
        .toBe("card:Klaar");
      // The confirmation is beside the button and read out.
      await expect
        .poll(() => text(card.locator(".inline-note")), { timeout: LIVE })
        .toBe("Taak opgenomen.");
      // The wall's screen reader hears what changed.
      await expect
        .poll(() => wall.locator("[data-announce]").textContent(), { timeout: LIVE })
        .toContain(`Taak "${title}" opgenomen`);
      // Bart's own tasks come first on his board.
      await expect.poll(() => text(bart.locator("#mine")), { timeout: LIVE }).toContain(title);
    });

    it("answers a refused click beside the button that caused it, in view, naming who can act", async () => {
      const marleen = await chatAs("marleen-board", P.marleen);
      // No live updates for this page: it still shows the claim button someone else beats her to.
      await marleen.route("**/events", (route) => route.fulfill({ status: 204 }));
      await marleen.goto(s.ramp.url);
      const title = "Zo nodig vervangende ICT-middelen";
      const card = marleen.locator("#tasks article.card-task", { hasText: title });
      const claim = card.getByRole("button", { name: "Opnemen" });
      await claim.scrollIntoViewIfNeeded();
      const incidentId = (await s.ramp.engine.activeIncidents())[0]!.id;
      const task = (await s.ramp.engine.views.tasks(incidentId))
        .flatMap((g) => g.tasks)
        .find((t) => t.title.startsWith(title))!;
      const bart = s.ramp.engine.identify({ personId: P.bart }, "web");
      await s.ramp.engine.task(bart, task.taskId, "claim");
      provoked.add(
        "marleen-board: Failed to load resource: the server responded with a status of 409 (Conflict)",
      );
      await claim.click();
      const note = card.locator(".inline-note");
      await expect
        .poll(() => text(note), { timeout: LIVE })
        .toBe(
          "Al opgenomen door Bart Lannoo. Overnemen kan als Bart Lannoo de taak vrijgeeft, of via de coördinator of een plaatsvervanger: Pieter Declercq of Sofie Vermeulen.",
        );
      // In view: inside the viewport, not at the top of the page.
      const box = (await note.boundingBox())!;
      const viewport = marleen.viewportSize()!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(await marleen.locator("[data-client-message]").isVisible()).toBe(false);
      await expect
        .poll(() => marleen.locator("[data-announce-urgent]").textContent(), { timeout: LIVE })
        .toContain("Al opgenomen door Bart Lannoo");
      // Her refreshed card shows who has it, without his buttons.
      await card.getByText("Bart Lannoo heeft deze taak.").waitFor({ timeout: LIVE });
      expect(await card.getByRole("button", { name: "Klaar" }).count()).toBe(0);
      await accessible(marleen, "board, a refused click answered");
    });

    it("blocks a task with the keyboard alone: disclosure, reason, Enter", async () => {
      const bart = named.get("bart")!;
      const task = bart.locator("#tasks article.card-task", {
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
      const pieter = named.get("pieter")!;
      await type(pieter, "/ramp hersteld dienstverlening");
      const service = wall.locator("li.service", { hasText: "Diensten i.v.m. dienstverlening" });
      await expect
        .poll(() => text(service), { timeout: LIVE })
        .toMatch(/Hersteld zo 22 nov 11:30 \(hersteld binnen de RTO\)/);
      expect(await service.locator("line.m-restored").count()).toBe(1);
      // The next service's countdown runs from the server's time (2.5 h later), not the browser's.
      const next = wall.locator("li.service", { hasText: "Algemene administratie" });
      await expect
        .poll(() => text(next.locator("time[data-countdown]")), { timeout: LIVE })
        .toMatch(/^nog 2[12] u/);
    });

    it("puts blocked and overdue tasks first, in words and not by colour alone, on a desktop and a phone", async () => {
      s.clock.advanceMinutes(6 * 60);
      const attention = wall.locator("#attention");
      await expect
        .poll(() => text(attention), { timeout: 70_000 })
        .toContain("Deadline verstreken");
      expect(await text(attention)).toMatch(
        /Geblokkeerd \(1\)\s+Zo nodig vervangende ICT-middelen/,
      );
      const late = wall.locator("#tasks article.card-task.overdue").first();
      expect(await text(late)).toContain("Te laat");
      await accessible(wall, "board, blocked and overdue tasks");
      await attention.screenshot({ path: `${SHOTS}/attention-desktop.png` });

      const bart = named.get("bart")!;
      const phone = await b.open("phone-bart", { width: 390, height: 844 });
      await phone.context().addCookies(await bart.context().cookies());
      await phone.goto(s.ramp.url);
      // On a phone the strip and his own tasks come right after the incident's heading.
      const strip = (await phone.locator("#attention").boundingBox())!;
      const mine = (await phone.locator("#mine").boundingBox())!;
      const paging = (await phone.locator("#paging").boundingBox())!;
      expect(strip.y).toBeLessThan(mine.y);
      expect(mine.y).toBeLessThan(paging.y);
      expect(await text(phone.locator("#mine"))).toContain("Restore van de systemen coördineren");
      await phone.locator("#attention").screenshot({ path: `${SHOTS}/attention-phone.png` });
      await accessible(phone, "board on a phone (390×844), blocked and overdue tasks");
    }, 120_000);

    it("looks right: screenshots of the board and the chat on a desktop, a phone and paper", async () => {
      await wall.screenshot({ path: `${SHOTS}/board-desktop.png`, fullPage: true });
      const pieter = named.get("pieter")!;
      await pieter.screenshot({ path: `${SHOTS}/chat-desktop.png`, fullPage: true });

      const phone = await b.open("phone", { width: 390, height: 844 });
      await phone.goto(s.ramp.url);
      await phone.screenshot({ path: `${SHOTS}/board-phone.png`, fullPage: true });
      await accessible(phone, "board on a phone, no viewer");
      // No sideways scrolling on a phone.
      expect(
        await phone.evaluate<number>("document.documentElement.scrollWidth"),
      ).toBeLessThanOrEqual(390);

      const phoneChat = await b.open("phone-chat", { width: 390, height: 844 });
      await phoneChat.goto(`${s.ramp.url}/chat`);
      await phoneChat.getByLabel("Wie bent u?").selectOption("els-verhaeghe");
      await phoneChat.getByRole("button", { name: "Verder" }).click();
      await phoneChat.getByLabel("Opdracht").waitFor();
      await phoneChat.screenshot({ path: `${SHOTS}/chat-phone.png` });
      await accessible(phoneChat, "local chat on a phone");
      expect(
        await phoneChat.evaluate<number>("document.documentElement.scrollWidth"),
      ).toBeLessThanOrEqual(390);

      const paper = await b.open("print", { width: 794, height: 1123 });
      await paper.goto(s.ramp.url);
      await paper.emulateMedia({ media: "print" });
      await paper.screenshot({ path: `${SHOTS}/board-print.png`, fullPage: true });
      // On paper: no menu, no buttons, no forms; the board itself is all there.
      expect(await paper.locator("header.top").isVisible()).toBe(false);
      expect(await paper.locator("button:visible").count()).toBe(0);
      expect(await paper.locator("#timeline").isVisible()).toBe(true);
      await paper.pdf({ path: `${SHOTS}/board.pdf`, format: "A4" });
    }, 120_000);

    it("closes the incident; the board lists it as past, with a link to its own board", async () => {
      const pieter = named.get("pieter")!;
      // Tasks are still open: the first step lists them, the second closes.
      await type(pieter, "/ramp stop Brand onder controle");
      await expect
        .poll(() => text(pieter.locator("#feed")), { timeout: LIVE })
        .toContain("Toch afsluiten? Bevestig met: /ramp stop Brand onder controle bevestig");
      await type(pieter, "/ramp stop Brand onder controle bevestig");
      await expect.poll(wallText, { timeout: LIVE }).toContain("Er loopt geen incident.");
      const link = wall.locator("#past a", {
        hasText: "2026-001 — Brand in het administratief centrum",
      });
      await link.click();
      await expect
        .poll(() => text(wall.locator("h1")), { timeout: LIVE })
        .toContain("Incident 2026-001");
      await expect
        .poll(() => text(wall.locator(".incident-head")), { timeout: LIVE })
        .toContain("Afgesloten");
      await accessible(wall, "board of a closed incident");
      await wall.locator("a", { hasText: "post-incident review" }).first().click();
      await expect.poll(() => text(wall.locator("h1")), { timeout: LIVE }).toContain("2026-001");
      await accessible(wall, "review page");
    }, 120_000);

    it("the sign-in page (Slack or Teams mode, no link yet) passes axe too", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "ramp-e2e-signin-"));
      const signed = await startWebRamp(`file:${dir}/ramp.db`, { env: SLACK_ENV });
      try {
        provoked.add(
          "stranger: Failed to load resource: the server responded with a status of 401 (Unauthorized)",
        );
        const stranger = await b.open("stranger");
        await stranger.goto(signed.ramp.url);
        await expect
          .poll(() => text(stranger.locator("h1")), { timeout: LIVE })
          .toBe("Aanmelden nodig");
        await accessible(stranger, "sign-in page");
      } finally {
        await signed.close();
      }
    });

    it("logged no script errors and no refused resources on any page", () => {
      expect(b.problems.filter((p) => !provoked.has(p))).toEqual([]);
    });
  },
);
