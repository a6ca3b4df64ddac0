// A reachability test (alarmeringstest): a test message to everyone the plan may page, one answer
// ("Ontvangen"), and a result when the window closes. No incident, channel or tasks: the test
// and its messages are written in one transaction, the messages go out through the outbox.
import { type Actor, actorId } from "../actor.ts";
import { proposeFromTest } from "../contacts/unreachable.ts";
import type { EngineContext } from "../context.ts";
import { RampError } from "../errors.ts";
import type { Job } from "../model.ts";
import type { Repositories } from "../ports.ts";
import { requireLeader } from "../run.ts";
import { addMinutes, formatTime, yearIn } from "../time.ts";
import { outboxItems } from "../work.ts";
import { type ReachabilityTest, testMessageKey } from "./model.ts";
import { channelsFor, pageablePeople } from "./recipients.ts";
import { resultNotices } from "./result-notice.ts";

const START_ACTION = { nl: "een bereikbaarheidstest starten", en: "start a reachability test" };
const STOP_ACTION = { nl: "een bereikbaarheidstest afsluiten", en: "close a reachability test" };

export async function startTest(ctx: EngineContext, actor: Actor): Promise<ReachabilityTest> {
  requireLeader(ctx, actor, START_ACTION);
  const test = await ctx.store.transaction((tx) => startIn(ctx, tx, actor, ctx.clock.now()));
  ctx.log.info({ testId: test.id, number: test.number, by: actorId(actor) }, "test started");
  ctx.onCommitted?.();
  return test;
}

/** Starts a test inside a transaction (a command's, or the schedule's job). */
export async function startIn(
  ctx: EngineContext,
  tx: Repositories,
  actor: Actor | null,
  now: Date,
): Promise<ReachabilityTest> {
  const { dir } = ctx;
  const organisation = dir.plan.organisation.id;
  const active = await tx.incidents.listActive(organisation);
  if (active.length > 0)
    throw new RampError("test-during-incident", { number: active.map((i) => i.number).join(", ") });
  const open = await openTestIn(ctx, tx);
  if (open)
    throw new RampError("test-open", {
      number: open.number,
      until: formatTime(open.closesAt, dir.locale, dir.timeZone),
    });
  // Two leaders starting at once: the unique number lets one win (ConflictError for the other).
  const prefix = `T-${yearIn(now, dir.timeZone)}-`;
  const count = await tx.reachability.countNumbersWithPrefix(organisation, prefix);
  const test: ReachabilityTest = {
    id: ctx.ids.next(),
    organisation,
    number: `${prefix}${String(count + 1).padStart(2, "0")}`,
    planHash: dir.planHash,
    startedById: actor && actor.source !== "system" ? actor.personId : null,
    startedAt: now,
    closesAt: addMinutes(now, dir.plan.practice.reachabilityTest.window),
    status: "open",
    closedAt: null,
    closedById: null,
  };
  const recipients = pageablePeople(dir).map((p) => ({
    id: ctx.ids.next(),
    testId: test.id,
    personId: p.personId,
    roles: p.roles,
    channels: channelsFor(ctx.channels, dir.person(p.personId)),
    answeredAt: null,
    answerSource: null,
  }));
  await tx.reachability.insert(test, recipients);
  const items = recipients.flatMap((r) =>
    outboxItems(
      ctx,
      {
        incidentId: null,
        audience: { kind: "person", personId: r.personId },
        delivery: { type: "card", card: { kind: "test", recipientId: r.id } },
        now,
        sent: true,
      },
      (channel) => testMessageKey(test.id, r.personId, channel),
    ),
  );
  await tx.outbox.enqueue(items);
  await tx.jobs.schedule([
    {
      id: ctx.ids.next(),
      incidentId: null,
      kind: "test-close",
      subjectId: test.id,
      dueAt: test.closesAt,
    },
  ]);
  return test;
}

/** "Ontvangen": the first answer counts; the card is brought up to date on every channel. */
export async function answerTest(
  ctx: EngineContext,
  actor: Actor,
  recipientId: string,
): Promise<void> {
  const recipient = await ctx.store.reachability.recipient(recipientId);
  if (!recipient) throw new RampError("test-not-found");
  if (recipient.personId !== actor.personId)
    throw new RampError("test-not-yours", { name: ctx.dir.name(recipient.personId) });
  const now = ctx.clock.now();
  const answered = await ctx.store.transaction(async (tx) => {
    const test = await tx.reachability.get(recipient.testId);
    // An answer after the window closed is not counted: the result was already made.
    if (test?.status !== "open") return false;
    if (!(await tx.reachability.answer(recipientId, now, actor.source))) return false;
    await tx.outbox.enqueue(refreshCard(ctx, recipient.personId, recipientId, now));
    return true;
  });
  if (answered) ctx.onCommitted?.();
}

/** `/ramp test stop`: the coordinator closes the window early; the result goes out now. */
export async function stopTest(ctx: EngineContext, actor: Actor): Promise<ReachabilityTest> {
  requireLeader(ctx, actor, STOP_ACTION);
  const test = await ctx.store.transaction(async (tx) => {
    const open = await openTestIn(ctx, tx);
    if (!open) throw new RampError("no-open-test");
    await closeIn(ctx, tx, open, actor.personId, ctx.clock.now());
    return open;
  });
  ctx.onCommitted?.();
  return test;
}

/** The scheduler's job when the window closes; a test closed early is left as it is. */
export async function testWindowClosed(
  ctx: EngineContext,
  tx: Repositories,
  job: Job,
  now: Date,
): Promise<void> {
  const test = await tx.reachability.get(job.subjectId);
  if (test?.status === "open") await closeIn(ctx, tx, test, null, now);
}

async function closeIn(
  ctx: EngineContext,
  tx: Repositories,
  test: ReachabilityTest,
  byId: string | null,
  now: Date,
): Promise<void> {
  if (!(await tx.reachability.close(test.id, now, byId))) return;
  await tx.jobs.cancelForSubjects([test.id]);
  const closed = { ...test, status: "closed" as const, closedAt: now, closedById: byId };
  const recipients = await tx.reachability.recipients(test.id);
  // Unanswered cards say the test is over, so nobody answers a test that no longer counts.
  for (const r of recipients) await tx.outbox.enqueue(refreshCard(ctx, r.personId, r.id, now));
  const deliveries = await tx.reachability.deliveries(test.id);
  await tx.outbox.enqueue(await resultNotices(ctx, closed, recipients, deliveries, now));
  // Who could not be reached at all becomes a note for the plan's maintainer.
  await proposeFromTest(ctx, tx, closed, recipients, deliveries, now);
}

function refreshCard(ctx: EngineContext, personId: string, recipientId: string, now: Date) {
  return outboxItems(
    ctx,
    {
      incidentId: null,
      audience: { kind: "person", personId },
      delivery: { type: "card", card: { kind: "test", recipientId }, ifShown: true },
      now,
      sent: false,
    },
    (channel) => `test-card:${recipientId}:${now.getTime()}:${channel}`,
  );
}

/** The test whose window is open, if any (at most one at a time). */
export async function openTestIn(
  ctx: EngineContext,
  tx: Repositories,
): Promise<ReachabilityTest | null> {
  const [latest] = await tx.reachability.list(ctx.dir.plan.organisation.id, 1);
  return latest?.status === "open" ? latest : null;
}
