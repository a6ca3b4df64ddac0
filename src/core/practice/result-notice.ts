// The result of a closed test, privately to the coordinator and the deputies: the figures, who
// could not be reached and why, and above all the functions nobody answered for.
import type { EngineContext } from "../context.ts";
import type { Notice, OutboxItem } from "../model.ts";
import { formatDuration } from "../time.ts";
import { outboxItems } from "../work.ts";
import type { ReachabilityRecipient, ReachabilityTest, TestDelivery } from "./model.ts";
import { ratePercent, type TestResult, testResult } from "./result.ts";
import { channelName, reasonText } from "./words.ts";

export async function resultNotices(
  ctx: EngineContext,
  test: ReachabilityTest,
  recipients: ReachabilityRecipient[],
  deliveries: TestDelivery[],
  now: Date,
): Promise<Array<Omit<OutboxItem, "attempts">>> {
  const result = testResult(ctx.dir, test, recipients, deliveries);
  const notice: Notice = {
    kind: "test-result",
    incidentId: null,
    subjectId: test.id,
    text: resultText(ctx, result),
  };
  return ctx.dir.leaders.flatMap((personId) =>
    outboxItems(
      ctx,
      {
        incidentId: null,
        audience: { kind: "person", personId },
        delivery: { type: "notice", notice },
        now,
        sent: true,
      },
      (channel) => `test-result:${test.id}:${personId}:${channel}`,
    ),
  );
}

export function resultText(ctx: EngineContext, result: TestResult): string {
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const { test } = result;
  const median = result.medianMs === null ? "—" : formatDuration(result.medianMs, dir.locale);
  const head = nl
    ? `Bereikbaarheidstest ${test.number} afgesloten: ${result.answered} van ${result.total} antwoordden (${ratePercent(result)} %), mediaan ${median}.`
    : `Reachability test ${test.number} closed: ${result.answered} of ${result.total} answered (${ratePercent(result)}%), median ${median}.`;
  const uncovered = result.uncovered.map((f) => dir.functionName(f.functionId));
  const functions =
    uncovered.length === 0
      ? nl
        ? "Elke crisisfunctie had iemand die antwoordde."
        : "Every crisis function had someone who answered."
      : nl
        ? `⚠️ Zonder bereikbare titularis of vervanger: ${uncovered.join(", ")}.`
        : `⚠️ No reachable holder or alternate: ${uncovered.join(", ")}.`;
  const silent = result.people
    .filter((p) => !p.answeredAt)
    .map((p) => {
      const why = p.channels
        .filter((c) => !c.delivered)
        .map((c) => `${channelName(c.channel, nl)}: ${reasonText(c.reason ?? "pending", nl)}`);
      return why.length > 0 ? `${dir.name(p.personId)} (${why.join("; ")})` : dir.name(p.personId);
    });
  const notReached =
    silent.length === 0
      ? ""
      : nl
        ? ` Geen antwoord: ${silent.join(", ")}.`
        : ` No answer: ${silent.join(", ")}.`;
  const more = nl
    ? " Het volledige resultaat (Word en Markdown) staat op het crisisbord (/ramp bord)."
    : " The full result (Word and Markdown) is on the crisis board (/ramp board).";
  return `${head} ${functions}${notReached}${more}`;
}
