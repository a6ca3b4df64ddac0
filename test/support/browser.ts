// Debian's headless Chromium driven by playwright-core (no browser download). Without
// /usr/bin/chromium the end-to-end tests are skipped with a message, except under CI, where a
// missing browser fails the run (a green CI must mean the browser tests ran).
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

export const CHROMIUM = process.env.RAMP_CHROMIUM ?? "/usr/bin/chromium";

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
