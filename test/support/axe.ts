// axe-core in the browser: WCAG 2.1 A and AA rules on a page as it is now. Every violation comes
// back as one readable line (rule, impact, what to fix, where), so a failing test says it all.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

export const WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export async function axeViolations(page: Page, state: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG21_AA).analyze();
  return results.violations.map(
    (v) =>
      `${state}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .slice(0, 4)
        .map(
          (n) =>
            `${n.target.join(" ")}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, " ")}]` : ""}`,
        )
        .join("; ")}${v.nodes.length > 4 ? ` (+${v.nodes.length - 4} more)` : ""}`,
  );
}
