// A test's result as a document (Word, Markdown and HTML through src/review's renderers).
import type { EngineContext } from "../context.ts";
import type { Review } from "../review/model.ts";
import { testDocument } from "./document.ts";
import { trendOf } from "./overview.ts";
import { loadResult } from "./views.ts";

export async function testReport(ctx: EngineContext, number: string): Promise<Review | null> {
  const tests = await ctx.store.reachability.list(ctx.dir.plan.organisation.id, 200);
  const at = tests.findIndex((t) => t.number === number);
  const test = tests[at];
  if (!test) return null;
  // The trend up to and including this test: a document made later says the same.
  const trend = await trendOf(ctx, tests.slice(at));
  return testDocument(ctx, await loadResult(ctx, test), trend, ctx.clock.now());
}

/** The document's file name: bereikbaarheidstest-T-2026-01.docx */
export function testFileName(number: string, format: string, nl: boolean): string {
  const safe = number.replace(/[^A-Za-z0-9-]+/g, "-");
  return `${nl ? "bereikbaarheidstest" : "reachability-test"}-${safe}.${format}`;
}
