// Data several readiness sections need, loaded at most once per view.
import type { EngineContext } from "../../context.ts";
import type { PlanCopy } from "../../model.ts";
import type { PracticeOverview } from "../../practice/overview.ts";
import { practiceOverview } from "../../practice/overview.ts";
import type { TestResult } from "../../practice/result.ts";
import { loadResult } from "../../practice/views.ts";

export interface ReadinessKnown {
  practice?: PracticeOverview;
}

export class ReadinessSources {
  private cache = new Map<string, Promise<unknown>>();

  /** `known`: data the caller loaded already (the board has the practice overview). */
  constructor(
    private readonly ctx: EngineContext,
    known: ReadinessKnown = {},
  ) {
    if (known.practice) this.cache.set("practice", Promise.resolve(known.practice));
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.cache.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      this.cache.set(key, value);
    }
    return value;
  }

  /** The result of the newest closed reachability test, or null before the first. */
  lastTest(): Promise<TestResult | null> {
    return this.once("lastTest", async () => {
      const { ctx } = this;
      const tests = await ctx.store.reachability.list(ctx.dir.plan.organisation.id, 20);
      const last = tests.find((t) => t.status === "closed");
      return last ? loadResult(ctx, last) : null;
    });
  }

  /** The copies of the plan version that runs now, one per holder who got one. */
  currentCopies(): Promise<PlanCopy[]> {
    return this.once("currentCopies", () =>
      this.ctx.store.planCopies.listForPlan(this.ctx.dir.planHash),
    );
  }

  practice(): Promise<PracticeOverview> {
    return this.once("practice", () => practiceOverview(this.ctx));
  }
}
