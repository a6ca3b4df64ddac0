// Debian's headless Chromium driven by playwright-core (no browser download). Without
// /usr/bin/chromium the end-to-end tests are skipped with a message, except under CI, where a
// missing browser fails the run (a green CI must mean the browser tests ran).
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

export const CHROMIUM = process.env.RAMP_CHROMIUM ?? "/usr/bin/chromium";

/**
 * The most a browser test waits for the page to reach a state (a selector, a text, a response).
 * Every wait ends as soon as the state is there, so this costs nothing on a quick machine; it
 * replaces expect.poll's default of 1 s, too short for Chromium on a loaded CI.
 */
export const BROWSER_WAIT_MS = 20_000;

/** A browser test's own limit: a few steps, each of which may take up to BROWSER_WAIT_MS. */
export const BROWSER_TEST_TIMEOUT_MS = 90_000;

function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

/** Why the browser tests cannot run here, or null when they can. */
export function browserUnavailable(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `${CHROMIUM} is missing: install it with apt-get install -y chromium`;
  if (inCi()) throw new Error(`CI is set but ${reason}; .ci/run installs it.`);
  return reason;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
