// View models of reachability tests: the test message a person gets (a card, updated in place
// when answered or closed), and the result for the board and the document.
import type { EngineContext } from "../context.ts";
import { RampError } from "../errors.ts";
import { formatDateTime, formatDuration, formatTime } from "../time.ts";
import type { Fact, ViewAction } from "../views/types.ts";
import type { ReachabilityTest } from "./model.ts";
import { ratePercent, type TestResult, testResult } from "./result.ts";
import { channelName, RECEIVED, reasonText, roleText, TEST_MARK } from "./words.ts";

export interface TestMessageView {
  kind: "test";
  /** Never set: a reachability test is no exercise (the field keeps cards uniform for adapters). */
  exercise?: undefined;
  recipientId: string;
  testId: string;
  personId: string;
  /** "TEST — er is geen incident": first, on every platform. */
  title: string;
  text: string;
  facts: Fact[];
  answered: boolean;
  /** "Ontvangen om 10:12", or that the test closed without an answer. */
  answerText: string | null;
  /** "Ontvangen" while the test is open and unanswered; the leaders also get "Test afsluiten". */
  actions: ViewAction[];
}

export async function testMessageView(
  ctx: EngineContext,
  recipientId: string,
): Promise<TestMessageView> {
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const recipient = await ctx.store.reachability.recipient(recipientId);
  const test = recipient ? await ctx.store.reachability.get(recipient.testId) : null;
  if (!recipient || !test) throw new RampError("test-not-found");
  const time = (d: Date) => formatTime(d, dir.locale, dir.timeZone);
  const open = test.status === "open";
  const roles = recipient.roles.map((r) => roleText(dir, r, nl)).join(", ");
  const actions: ViewAction[] = [];
  if (open && !recipient.answeredAt)
    actions.push({
      action: "test.received",
      subjectId: recipientId,
      label: nl ? RECEIVED.nl : RECEIVED.en,
      style: "primary",
    });
  if (open && dir.isLeader(recipient.personId))
    actions.push({
      action: "test.stop",
      subjectId: recipientId,
      label: nl ? "Test nu afsluiten" : "Close the test now",
    });
  const answerText = recipient.answeredAt
    ? nl
      ? `${RECEIVED.nl} om ${time(recipient.answeredAt)} — dank u.`
      : `${RECEIVED.en} at ${time(recipient.answeredAt)} — thank you.`
    : open
      ? null
      : nl
        ? "De test is afgesloten; een antwoord telt niet meer."
        : "The test is closed; an answer no longer counts.";
  return {
    kind: "test",
    recipientId,
    testId: test.id,
    personId: recipient.personId,
    title: nl ? TEST_MARK.nl : TEST_MARK.en,
    text: nl
      ? `Bereikbaarheidstest van ${dir.plan.organisation.name}. Er is géén incident: Ramp test of het u bereikt, zoals bij een echte oproep. Druk op "${RECEIVED.nl}".`
      : `Reachability test of ${dir.plan.organisation.name}. There is no incident: Ramp tests whether it reaches you, as a real page would. Press "${RECEIVED.en}".`,
    facts: [
      { label: nl ? "Test" : "Test", value: test.number },
      { label: nl ? "U bent" : "You are", value: roles },
      { label: nl ? "Antwoord vóór" : "Answer by", value: time(test.closesAt) },
    ],
    answered: recipient.answeredAt !== null,
    answerText,
    actions,
  };
}

export interface TestResultView {
  testId: string;
  number: string;
  title: string;
  open: boolean;
  /** "Gestart … door …, afgesloten …" */
  subtitle: string;
  facts: Fact[];
  /** Functions with nobody who answered: first on the board. */
  uncovered: string[];
  functions: Array<{ name: string; covered: boolean; reached: string; chain: string }>;
  people: Array<{
    name: string;
    roles: string;
    answered: boolean;
    answer: string;
    channels: Array<{ channel: string; delivered: boolean; text: string }>;
  }>;
  summary: string;
}

export async function loadResult(ctx: EngineContext, test: ReachabilityTest): Promise<TestResult> {
  const { reachability } = ctx.store;
  const [recipients, deliveries] = await Promise.all([
    reachability.recipients(test.id),
    reachability.deliveries(test.id),
  ]);
  return testResult(ctx.dir, test, recipients, deliveries);
}

export function testResultView(ctx: EngineContext, result: TestResult): TestResultView {
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const { test } = result;
  const when = (d: Date) => formatDateTime(d, dir.locale, dir.timeZone);
  const span = (ms: number | null) => (ms === null ? "—" : formatDuration(ms, dir.locale));
  const by = test.startedById
    ? dir.name(test.startedById)
    : nl
      ? "het schema van het plan"
      : "the plan's schedule";
  const end = test.closedAt
    ? nl
      ? `, afgesloten ${when(test.closedAt)}${test.closedById ? ` door ${dir.name(test.closedById)}` : ""}`
      : `, closed ${when(test.closedAt)}${test.closedById ? ` by ${dir.name(test.closedById)}` : ""}`
    : nl
      ? `, loopt tot ${when(test.closesAt)}`
      : `, open until ${when(test.closesAt)}`;
  const sources = Object.entries(result.bySource)
    .map(([source, n]) => `${channelName(source, nl)} ${n}`)
    .join(", ");
  const names = (ids: string[]) => ids.map((id) => dir.name(id)).join(", ") || "—";
  return {
    testId: test.id,
    number: test.number,
    title: nl ? `Bereikbaarheidstest ${test.number}` : `Reachability test ${test.number}`,
    open: test.status === "open",
    subtitle: nl
      ? `Gestart ${when(test.startedAt)} door ${by}${end}.`
      : `Started ${when(test.startedAt)} by ${by}${end}.`,
    facts: [
      {
        label: nl ? "Antwoordden" : "Answered",
        value: `${result.answered} / ${result.total} (${ratePercent(result)} %)`,
      },
      {
        label: nl ? "Mediaan tijd tot antwoord" : "Median time to answer",
        value: span(result.medianMs),
      },
      { label: nl ? "Antwoorden via" : "Answers through", value: sources || "—" },
      {
        label: nl ? "Functies zonder bereikbare persoon" : "Functions with nobody reachable",
        value: String(result.uncovered.length),
      },
    ],
    uncovered: result.uncovered.map((f) => dir.functionName(f.functionId)),
    functions: result.functions.map((f) => ({
      name: dir.functionName(f.functionId),
      covered: f.reached.length > 0,
      reached: names(f.reached),
      chain: names(f.chain),
    })),
    people: result.people.map((p) => ({
      name: dir.name(p.personId),
      roles: p.roles.map((r) => roleText(dir, r, nl)).join(", "),
      answered: p.answeredAt !== null,
      answer: p.answeredAt
        ? `${span(p.answerMs)} (${channelName(p.answerSource ?? "web", nl)})`
        : nl
          ? "geen antwoord"
          : "no answer",
      channels: p.channels.map((c) => ({
        channel: channelName(c.channel, nl),
        delivered: c.delivered,
        text: c.delivered
          ? nl
            ? "afgeleverd"
            : "delivered"
          : `${reasonText(c.reason ?? "pending", nl)}${c.reason === "platform-error" && c.detail ? ` (${c.detail})` : ""}`,
      })),
    })),
    summary: nl
      ? `${result.answered} van ${result.total} antwoordden; ${result.uncovered.length} functies zonder bereikbare persoon.`
      : `${result.answered} of ${result.total} answered; ${result.uncovered.length} functions with nobody reachable.`,
  };
}
