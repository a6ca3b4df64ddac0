// A reachability test's outcome, computed from what was stored: who answered, how fast and
// through which channel; per channel whether the message arrived and, if not, why (from the
// outbox); and which crisis functions have nobody who answered, holder nor alternate.
import type { PlanDirectory } from "../directory.ts";
import type { Source } from "../model.ts";
import type {
  MissingAddress,
  PracticeRole,
  ReachabilityRecipient,
  ReachabilityTest,
  TestDelivery,
} from "./model.ts";

/** Why a message did not arrive on a channel. */
export type Undelivered =
  | MissingAddress
  | "teams-not-installed"
  | "sms-refused"
  | "platform-error"
  /** Still queued or retried when the result was made. */
  | "pending";

export interface ChannelResult {
  channel: string;
  delivered: boolean;
  reason: Undelivered | null;
  /** The platform's words, for a platform error. */
  detail: string | null;
}

export interface PersonResult {
  personId: string;
  roles: PracticeRole[];
  answeredAt: Date | null;
  /** Milliseconds from the start of the test to the answer. */
  answerMs: number | null;
  answerSource: Source | null;
  channels: ChannelResult[];
}

export interface FunctionResult {
  functionId: string;
  /** Holder first, then the alternates, as a real incident pages them. */
  chain: string[];
  /** Of the chain, who answered, in the chain's order. */
  reached: string[];
}

export interface TestResult {
  test: ReachabilityTest;
  people: PersonResult[];
  functions: FunctionResult[];
  /** Functions where nobody in the chain answered: what a real incident would have hit. */
  uncovered: FunctionResult[];
  answered: number;
  total: number;
  /** Answers per channel they came through. */
  bySource: Partial<Record<Source, number>>;
  medianMs: number | null;
}

export function testResult(
  dir: PlanDirectory,
  test: ReachabilityTest,
  recipients: ReachabilityRecipient[],
  deliveries: TestDelivery[],
): TestResult {
  const people = recipients.map((r): PersonResult => {
    const answerMs = r.answeredAt ? r.answeredAt.getTime() - test.startedAt.getTime() : null;
    return {
      personId: r.personId,
      roles: r.roles,
      answeredAt: r.answeredAt,
      answerMs,
      answerSource: r.answerSource,
      channels: r.channels.map((c) => {
        if (c.missing)
          return { channel: c.channel, delivered: false, reason: c.missing, detail: null };
        const d = deliveries.find((x) => x.personId === r.personId && x.channel === c.channel);
        return channelResult(c.channel, d);
      }),
    };
  });
  people.sort(
    (a, b) =>
      firstRank(a.roles) - firstRank(b.roles) ||
      dir.name(a.personId).localeCompare(dir.name(b.personId)),
  );
  const answeredIds = new Set(people.filter((p) => p.answeredAt).map((p) => p.personId));
  const functions = dir.plan.coordination.crisisStaff.flatMap((functionId) => {
    const fn = dir.fn(functionId);
    if (!fn) return [];
    const chain = [fn.holder, ...fn.alternates];
    return [{ functionId, chain, reached: chain.filter((id) => answeredIds.has(id)) }];
  });
  const bySource: Partial<Record<Source, number>> = {};
  for (const p of people)
    if (p.answerSource) bySource[p.answerSource] = (bySource[p.answerSource] ?? 0) + 1;
  return {
    test,
    people,
    functions,
    uncovered: functions.filter((f) => f.reached.length === 0),
    answered: answeredIds.size,
    total: people.length,
    bySource,
    medianMs: median(people.flatMap((p) => (p.answerMs === null ? [] : [p.answerMs]))),
  };
}

function channelResult(channel: string, d: TestDelivery | undefined): ChannelResult {
  if (d?.status === "sent") return { channel, delivered: true, reason: null, detail: null };
  const error = d?.lastError ?? null;
  if (!d || !error) return { channel, delivered: false, reason: "pending", detail: null };
  const reason = classify(channel, error, d.status === "dead");
  return { channel, delivered: false, reason, detail: error };
}

/** The outbox keeps the platform's refusal as text; these are the refusals a person can fix. */
function classify(channel: string, error: string, givenUp: boolean): Undelivered {
  if (channel === "teams" && /not installed|conversation reference/i.test(error))
    return "teams-not-installed";
  if (channel === "slack" && /slackUserId/.test(error)) return "no-slack-id";
  if (channel === "sms" && /(SMS gateway: (400|404|422))|not usable/.test(error))
    return "sms-refused";
  // Twilio answers 400 for a refused number and for a problem of Ramp's own sender; only the
  // first is given up at once (src/adapters/sms/twilio/messages.ts), the second is retried.
  if (channel === "sms" && givenUp && /^Twilio: 400\b/.test(error)) return "sms-refused";
  return "platform-error";
}

const ROLE_ORDER = { coordinator: 0, deputy: 1, holder: 2, alternate: 3 } as const;
function firstRank(roles: PracticeRole[]): number {
  return Math.min(...roles.map((r) => ROLE_ORDER[r.role] * 100 + r.rank));
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Answer rate as a whole percentage. */
export function ratePercent(result: Pick<TestResult, "answered" | "total">): number {
  return result.total === 0 ? 0 : Math.round((100 * result.answered) / result.total);
}
