// End to end in headless Chromium: the coordinator starts an exercise in the local chat; the
// crisis board says OEFENING where nobody can miss it, on a desktop and on a phone, also after
// scrolling. A real incident declared meanwhile takes over the board, without the banner, and the
// exercise is listed apart. Screenshots go to test-results/.
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { P, type WebRamp } from "../adapters/web/harness.ts";
import { axeViolations } from "../support/axe.ts";
import { browserUnavailable } from "../support/browser.ts";
import { BrowserRamp, SHOTS, text, type } from "./browser-ramp.ts";

const unavailable = browserUnavailable();
const LIVE = 10_000;
// The board refreshes itself while the exercise starts; a refresh that replaces the banner between
// locating it and measuring it reads as "not on screen", so a measure may be retried this long.
const SETTLE = 2_000;
const TITLE = "e2e: the crisis board during an exercise";
const BANNER = "OEFENING O-2026-001 — dit is een oefening, geen echt incident.";

/** Whether the element is on screen now: visible and inside the viewport. */
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return box.y >= 0 && box.y + box.height <= viewport.height && box.width <= viewport.width;
}

describe.skipIf(unavailable !== null)(
  unavailable ? `${TITLE} (skipped: ${unavailable})` : TITLE,
  () => {
    let b: BrowserRamp;
    let s: WebRamp;

    beforeAll(async () => {
      b = await BrowserRamp.start("ramp-e2e-exercise-");
      s = b.ramp;
    });

    afterAll(async () => {
      await b?.close();
    });

    it("shows OEFENING on the board on a desktop and a phone, and in the chat", async () => {
      const wall = await b.open("wall");
      await wall.goto(s.ramp.url);
      const pieter = await b.chatAs("pieter", P.pieter);
      // The coordinator starts it from the board, where a form offers the plan's scenarios.
      const own = await pieter.context().newPage();
      await own.goto(s.ramp.url);
      await own
        .getByLabel("Scenario")
        .selectOption({ label: "Ransomware op de bestandsserver (5 injects)" });
      await own.getByRole("button", { name: "Oefening starten" }).click();
      await expect
        .poll(() => own.getByRole("button", { name: "Oefening stoppen" }).count(), {
          timeout: LIVE,
        })
        .toBe(1);
      expect(await wall.getByRole("button", { name: "Oefening stoppen" }).count()).toBe(0);
      await pieter.reload();
      await expect
        .poll(() => text(pieter.locator("#feed")), { timeout: LIVE })
        .toContain("Oefening O-2026-001 is gestart met 5 injects op hun tijd");
      await expect
        .poll(() => text(pieter.locator("#feed")), { timeout: LIVE })
        .toContain("Startsituatie van de oefening: Maandag 08:40");
      expect(await pieter.locator(".exercise-line").count()).toBeGreaterThan(1);

      const banner = wall.locator(".exercise-banner");
      await expect.poll(() => text(banner), { timeout: LIVE }).toContain(BANNER);
      await expect
        .poll(() => text(wall.locator("h1")))
        .toBe("Oefening O-2026-001 — Ransomware op de bestandsserver");
      await expect.poll(() => onScreen(wall, banner), { timeout: SETTLE }).toBe(true);
      // Still in view once the board scrolls to the timeline.
      await wall.locator("#timeline").scrollIntoViewIfNeeded();
      await expect.poll(() => onScreen(wall, banner), { timeout: SETTLE }).toBe(true);
      await wall.evaluate("window.scrollTo(0, 0)");
      await wall.screenshot({ path: `${SHOTS}/exercise-board-desktop.png`, fullPage: true });
      expect.soft(await axeViolations(wall, "board during an exercise")).toEqual([]);

      const phone = await b.open("phone", { width: 390, height: 844 });
      await phone.goto(s.ramp.url);
      const small = phone.locator(".exercise-banner");
      await expect.poll(() => text(small), { timeout: LIVE }).toContain("OEFENING");
      await expect.poll(() => onScreen(phone, small), { timeout: SETTLE }).toBe(true);
      await phone.locator("#timeline").scrollIntoViewIfNeeded();
      await expect.poll(() => onScreen(phone, small), { timeout: SETTLE }).toBe(true);
      await phone.evaluate("window.scrollTo(0, 0)");
      await phone.screenshot({ path: `${SHOTS}/exercise-board-phone.png` });
      expect(
        await phone.evaluate<number>("document.documentElement.scrollWidth"),
      ).toBeLessThanOrEqual(390);
      expect.soft(await axeViolations(phone, "board during an exercise on a phone")).toEqual([]);
      await pieter.screenshot({ path: `${SHOTS}/exercise-chat-desktop.png`, fullPage: true });
    }, 120_000);

    it("gives the board to a real incident, without the banner; the exercise is listed apart", async () => {
      const pieter = b.contexts[1]!.pages()[0]!;
      await type(pieter, "/ramp start groot Brand in het administratief centrum", LIVE);
      const wall = b.contexts[0]!.pages()[0]!;
      await expect
        .poll(() => text(wall.locator("h1")), { timeout: LIVE })
        .toBe("Incident 2026-001 — Brand in het administratief centrum");
      expect(await wall.locator(".exercise-banner").count()).toBe(0);
      const exercises = wall.locator("#past-exercises");
      await expect
        .poll(() => text(exercises), { timeout: LIVE })
        .toContain("OEFENING O-2026-001 — Ransomware op de bestandsserver");
      expect(await text(wall.locator("#past"))).not.toContain("O-2026-001");
      await expect
        .poll(() => text(pieter.locator("#feed")), { timeout: LIVE })
        .toContain("OEFENING O-2026-001 IS GESTOPT: er is een echt incident gestart (2026-001");
      await wall.screenshot({
        path: `${SHOTS}/exercise-stopped-board-desktop.png`,
        fullPage: true,
      });
      expect(b.problems).toEqual([]);
    }, 120_000);
  },
);
