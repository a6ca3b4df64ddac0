// When the last exercise was held. Exercises run as incidents numbered apart ("O-2026-001",
// issue 14), so the newest such number is the last exercise; real incidents never count.
import type { EngineContext } from "../context.ts";
import type { Repositories } from "../ports.ts";

export const EXERCISE_NUMBER_PREFIX = "O-";

export async function lastExerciseAt(
  ctx: EngineContext,
  tx: Repositories = ctx.store,
): Promise<Date | null> {
  const incidents = await tx.incidents.list(ctx.dir.plan.organisation.id, 1000);
  const exercises = incidents.filter((i) => i.number.startsWith(EXERCISE_NUMBER_PREFIX));
  const newest = exercises.sort((a, b) => b.declaredAt.getTime() - a.declaredAt.getTime())[0];
  return newest?.declaredAt ?? null;
}
