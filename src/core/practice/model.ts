// Reachability tests (alarmeringstest): everyone the plan may page gets a test message on every
// channel Ramp has for them and answers "Ontvangen". Plain data, like core/model.ts.
import type { Source } from "../model.ts";

/** Why a person's channel got no test message at all: the plan gives Ramp no address there. */
export const MISSING_ADDRESS = ["no-slack-id", "no-teams-id", "no-mobile"] as const;
export type MissingAddress = (typeof MISSING_ADDRESS)[number];

/** Why someone the plan may page is on the list: as coordinator, deputy, holder or alternate. */
export interface PracticeRole {
  role: "coordinator" | "deputy" | "holder" | "alternate";
  /** The crisis-staff function, for holders and alternates. */
  functionId?: string;
  /** 0 for the holder, 1 for the first alternate, … (the order a real incident pages in). */
  rank: number;
}

/** One channel of one person: a message was queued (`missing` null), or why not. */
export interface RecipientChannel {
  channel: string;
  missing: MissingAddress | null;
}

export interface ReachabilityTest {
  id: string;
  organisation: string;
  /** "T-2026-01": numbered apart from incidents. */
  number: string;
  planHash: string;
  /** Null when the plan's schedule started it. */
  startedById: string | null;
  startedAt: Date;
  closesAt: Date;
  status: "open" | "closed";
  closedAt: Date | null;
  closedById: string | null;
}

export interface ReachabilityRecipient {
  id: string;
  testId: string;
  personId: string;
  roles: PracticeRole[];
  channels: RecipientChannel[];
  answeredAt: Date | null;
  answerSource: Source | null;
}

/** What became of the test message on one channel, from the outbox. */
export interface TestDelivery {
  personId: string;
  channel: string;
  status: "pending" | "leased" | "sent" | "dead";
  sentAt: Date | null;
  lastError: string | null;
}

export interface ReachabilityRepository {
  insert(test: ReachabilityTest, recipients: ReachabilityRecipient[]): Promise<void>;
  get(id: string): Promise<ReachabilityTest | null>;
  /** The organisation's tests, newest first. */
  list(organisation: string, limit: number): Promise<ReachabilityTest[]>;
  /** Numbers already used with a prefix ("T-2026-"), to allocate the next one. */
  countNumbersWithPrefix(organisation: string, prefix: string): Promise<number>;
  /** Conditional: closes the test only while it is open. Returns whether it did. */
  close(id: string, at: Date, byId: string | null): Promise<boolean>;
  recipients(testId: string): Promise<ReachabilityRecipient[]>;
  recipient(id: string): Promise<ReachabilityRecipient | null>;
  /** Conditional: records the first answer only. Returns whether it did. */
  answer(recipientId: string, at: Date, source: Source): Promise<boolean>;
  /** The test's messages in the outbox, per person and channel. */
  deliveries(testId: string): Promise<TestDelivery[]>;
}

/** The outbox key of a test message: also how its delivery is found again. */
export function testMessageKey(testId: string, personId: string, channel: string): string {
  return `test:${testId}:${personId}:${channel}`;
}
