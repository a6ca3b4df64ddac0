// End to end in headless Chromium: decision B, two claims, then a changed decision confirmed on
// the board with the keyboard alone (disclosure, reason, Enter): the shared task keeps its owner,
// the cancelled task's owner is told, the board shows what changed and why; then closing with
// open tasks, confirmed in the chat. Screenshots go to test-results/.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { P, type WebRamp } from "../adapters/web/harness.ts";
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

const TITLE = "e2e: changing the decision and closing with open work";

describe.skipIf(unavailable !== null)(
  unavailable ? `${TITLE} (skipped: ${unavailable})` : TITLE,
  // Each step waits up to LIVE for the page; several steps need more than the default 30 s.
  { timeout: BROWSER_TEST_TIMEOUT_MS },
  () => {
    let b: BrowserRamp;
    let s: WebRamp;
    let wall: Page;
    let pieter: Page;
    let kevin: Page;

    beforeAll(async () => {
      b = await BrowserRamp.start("ramp-e2e-change-");
      s = b.ramp;
      wall = await b.open("wall");
      await wall.goto(s.ramp.url);
    });

    afterAll(async () => {
      await b?.close();
    });

    const wallText = () => text(wall.locator("#board"));
    const task = (page: Page, title: string) =>
      page.locator("article.card-task", { hasText: title });

    it("decides B, and two people claim a task each on the board", async () => {
      pieter = await b.chatAs("pieter", P.pieter);
      await type(pieter, "/ramp start groot Brand in het administratief centrum");
      await type(pieter, "/ramp besluit B Gebouw bruikbaar");
      await expect.poll(wallText, { timeout: LIVE }).toContain("Technische fase");

      const bart = await b.chatAs("bart", P.bart);
      await bart.goto(s.ramp.url);
      await task(bart, "Back-ups beschikbaar stellen")
        .getByRole("button", { name: "Opnemen" })
        .click();
      kevin = await b.chatAs("kevin", "kevin-dumon");
      await kevin.goto(s.ramp.url);
      await task(kevin, "Onderbroken internet en telefonie herstellen")
        .getByRole("button", { name: "Opnemen" })
        .click();
      await expect
        .poll(() => text(task(wall, "Onderbroken internet en telefonie herstellen")), {
          timeout: LIVE,
        })
        .toMatch(/Opgenomen[\s\S]*Kevin Dumon/);
    });

    it("changes the decision with the keyboard alone: disclosure, what changes, reason, Enter", async () => {
      await pieter.goto(s.ramp.url);
      const step = pieter.locator("details.decide-change", { hasText: "Bibliotheek" });
      await step.locator("summary").focus();
      await pieter.keyboard.press("Enter");
      await expect
        .poll(() => text(step), { timeout: LIVE })
        .toContain("Onderbroken internet en telefonie herstellen — Kevin Dumon (opgenomen)");
      await pieter.screenshot({ path: `${SHOTS}/decision-change-confirm.png`, fullPage: true });
      await pieter.keyboard.press("Tab");
      await pieter.keyboard.type("Gebouw onveilig verklaard door de brandweer");
      await pieter.keyboard.press("Enter");

      await expect
        .poll(wallText, { timeout: LIVE })
        .toContain("Laatste wijziging van de beslissing");
      const board = await wallText();
      expect(board).toContain("Gebouw onveilig verklaard door de brandweer");
      expect(board).toMatch(
        /Geannuleerd door de wijziging[\s\S]*Onderbroken internet en telefonie herstellen — Kevin Dumon \(opgenomen\)/,
      );
      // The shared task kept its card, owner and state.
      await expect
        .poll(() => text(task(wall, "Back-ups beschikbaar stellen")), { timeout: LIVE })
        .toMatch(/Opgenomen[\s\S]*Bart Lannoo/);
      await wall.screenshot({ path: `${SHOTS}/decision-change-board.png`, fullPage: true });
    });

    it("tells the owner of the cancelled task in their own conversation", async () => {
      await kevin.goto(`${s.ramp.url}/chat`);
      await expect
        .poll(() => text(kevin.locator("#feed")), { timeout: LIVE })
        .toContain(
          'Uw taak "Onderbroken internet en telefonie herstellen" is daardoor geannuleerd',
        );
    });

    it("closes with open tasks only after the confirmation, which lists them", async () => {
      await pieter.goto(`${s.ramp.url}/chat`);
      await pieter.getByLabel("Opdracht").waitFor();
      await type(pieter, "/ramp stop Brand onder controle");
      await expect
        .poll(() => text(pieter.locator("#feed")), { timeout: LIVE })
        .toContain("Toch afsluiten? Bevestig met: /ramp stop Brand onder controle bevestig");
      expect(await text(pieter.locator("#feed"))).toContain(
        "• Back-ups beschikbaar stellen — Bart Lannoo (opgenomen)",
      );
      await pieter.screenshot({ path: `${SHOTS}/close-confirm-chat.png`, fullPage: true });
      await type(pieter, "/ramp stop Brand onder controle bevestig");
      await expect.poll(wallText, { timeout: LIVE }).toContain("Er loopt geen incident.");
    });

    it("logged no script errors on any page", () => {
      expect(b.problems).toEqual([]);
    });
  },
);
