// What the browser tests share: Ramp's web adapter on a new database next to headless Chromium,
// one browser context per person or screen, and every script or console error those pages report.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { startWebRamp, type WebRamp } from "../adapters/web/harness.ts";
import { BROWSER_WAIT_MS, launchChromium } from "../support/browser.ts";

/** Where the screenshots go. */
export const SHOTS = path.resolve("test-results");

/** What a person reads in an element: rendered text, laid out (table cells apart). */
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property
export const text = (locator: Locator) => locator.innerText();

/** Ramp and Chromium for one test file; `problems` collects what the opened pages report. */
export class BrowserRamp {
  readonly contexts: BrowserContext[] = [];
  readonly problems: string[] = [];

  private constructor(
    readonly ramp: WebRamp,
    readonly browser: Browser,
  ) {}

  /** Ramp on a new SQLite database in a temporary folder named after `prefix`, and Chromium. */
  static async start(prefix: string): Promise<BrowserRamp> {
    mkdirSync(SHOTS, { recursive: true });
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    const ramp = await startWebRamp(`file:${dir}/ramp.db`);
    try {
      return new BrowserRamp(ramp, await launchChromium());
    } catch (error) {
      await ramp.close();
      throw error;
    }
  }

  /** A page in a context of its own (one person's device), its errors reported under `name`. */
  async open(name: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
    const context = await this.browser.newContext({ viewport, locale: "nl-BE" });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (error) => this.problems.push(`${name}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") this.problems.push(`${name}: ${message.text()}`);
    });
    return page;
  }

  /** Opens the local chat and chooses who you are, as a newcomer would. */
  async chatAs(name: string, personId: string): Promise<Page> {
    const page = await this.open(name);
    await page.goto(`${this.ramp.ramp.url}/chat`);
    await page.getByLabel("Wie bent u?").selectOption(personId);
    await page.getByRole("button", { name: "Verder" }).click();
    await page.getByLabel("Opdracht").waitFor();
    return page;
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser.close();
    await this.ramp.close();
  }
}

/** Types a command in the local chat and waits until the chat took it (the field empties). */
export async function type(page: Page, command: string, timeout = BROWSER_WAIT_MS): Promise<void> {
  const input = page.getByLabel("Opdracht");
  await input.fill(command);
  await input.press("Enter");
  await expect.poll(() => input.inputValue(), { timeout }).toBe("");
}
