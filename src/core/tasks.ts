// Staff claim, release, complete and block tasks; the coordinator assigns. Every change is one
// conditional write under the incident's lock, and the card is re-rendered from the database.
import { type Actor, actorId } from "./actor.ts";
import type { EngineContext } from "./context.ts";
import { RampError } from "./errors.ts";
import type { Task, TaskStatus, TimelineType } from "./model.ts";
import type { Repositories } from "./ports.ts";
import { onIncident, requireKnown, requireLeader } from "./run.ts";
import { restoreServiceIfTasksDone } from "./services.ts";
import type { Work } from "./work.ts";

export type TaskAction = "claim" | "release" | "complete" | "block" | "unblock";

const STATUS_NL: Record<TaskStatus, string> = {
  open: "open",
  claimed: "opgenomen",
  blocked: "geblokkeerd",
  done: "klaar",
  cancelled: "geannuleerd",
};

/**
 * A refusal names who can act instead: the owner, and the coordinator and deputies (who may act
 * on anyone's task), so the person knows whom to ask.
 */
export function whoCanAct(
  ctx: EngineContext,
  ownerId: string | null,
): { name: string; leaders: string; leadersEn: string } {
  const names = ctx.dir.leaders.filter((id) => id !== ownerId).map((id) => ctx.dir.name(id));
  return {
    name: ctx.dir.name(ownerId),
    leaders: orList(names, "of"),
    leadersEn: orList(names, "or"),
  };
}

function orList(names: string[], or: string): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${or} ${names.at(-1)}`;
}

export async function actOnTask(
  ctx: EngineContext,
  actor: Actor,
  taskId: string,
  action: TaskAction,
  reason?: string,
): Promise<Task> {
  requireKnown(ctx, actor);
  const found = await ctx.store.tasks.get(taskId);
  if (!found) throw new RampError("task-not-found");
  return onIncident(ctx, found.incidentId, async (work, _incident, tx) => {
    const task = (await tx.tasks.get(taskId))!;
    const me = actor.personId;
    const leader = ctx.dir.isLeader(me);
    const mine = task.ownerId === me;
    const requireOwner = () => {
      if (task.ownerId && !mine && !leader)
        throw new RampError("task-not-yours", whoCanAct(ctx, task.ownerId));
    };
    switch (action) {
      case "claim":
        if (mine && task.status !== "open") return task; // double click, retried delivery
        if (task.status === "claimed" || task.status === "blocked") {
          throw new RampError("task-claimed", whoCanAct(ctx, task.ownerId));
        }
        requireStatus(task, ["open"]);
        return change(
          work,
          tx,
          task,
          ["open"],
          { status: "claimed", ownerId: me, claimedAt: work.now },
          "task.claimed",
          actor,
        );
      case "release":
        if (task.status === "open") return task;
        requireStatus(task, ["claimed", "blocked"]);
        requireOwner();
        return change(
          work,
          tx,
          task,
          ["claimed", "blocked"],
          { status: "open", ownerId: null, claimedAt: null, blockedReason: null },
          "task.released",
          actor,
        );
      case "complete": {
        if (task.status === "done") return task;
        requireStatus(task, ["open", "claimed", "blocked"]);
        requireOwner();
        const owner = task.ownerId ?? me;
        const done = await change(
          work,
          tx,
          task,
          ["open", "claimed", "blocked"],
          {
            status: "done",
            ownerId: owner,
            claimedAt: task.claimedAt ?? work.now,
            completedAt: work.now,
            blockedReason: null,
          },
          "task.completed",
          actor,
          { onTime: work.now.getTime() <= task.deadlineAt.getTime() },
        );
        await tx.jobs.cancelForSubjects([task.id]);
        await restoreServiceIfTasksDone(work, done);
        return done;
      }
      case "block": {
        const why = reason?.trim();
        if (!why) throw new RampError("reason-required");
        requireStatus(task, ["open", "claimed", "blocked"]);
        requireOwner();
        const blocked = await change(
          work,
          tx,
          task,
          ["open", "claimed", "blocked"],
          {
            status: "blocked",
            ownerId: task.ownerId ?? me,
            claimedAt: task.claimedAt ?? work.now,
            blockedReason: why,
          },
          "task.blocked",
          actor,
          { reason: why },
        );
        notifyLeadersOfBlock(work, blocked, why);
        return blocked;
      }
      case "unblock":
        if (task.status !== "blocked") return task;
        requireOwner();
        return change(
          work,
          tx,
          task,
          ["blocked"],
          { status: "claimed", blockedReason: null },
          "task.unblocked",
          actor,
        );
    }
  });
}

export async function assignTask(
  ctx: EngineContext,
  actor: Actor,
  taskId: string,
  personId: string,
): Promise<Task> {
  requireLeader(ctx, actor, { nl: "taken toewijzen", en: "assign tasks" });
  if (!ctx.dir.person(personId)) throw new RampError("person-not-found", { id: personId });
  const found = await ctx.store.tasks.get(taskId);
  if (!found) throw new RampError("task-not-found");
  return onIncident(ctx, found.incidentId, async (work, _incident, tx) => {
    const task = (await tx.tasks.get(taskId))!;
    if (task.ownerId === personId && task.status !== "open") return task;
    requireStatus(task, ["open", "claimed", "blocked"]);
    const assigned = await change(
      work,
      tx,
      task,
      ["open", "claimed", "blocked"],
      {
        status: task.status === "blocked" ? "blocked" : "claimed",
        ownerId: personId,
        claimedAt: work.now,
      },
      "task.assigned",
      actor,
      { ownerId: personId, previousOwnerId: task.ownerId },
    );
    const nl = ctx.dir.locale === "nl";
    const text = nl
      ? `${ctx.dir.name(actor.personId)} wees u de taak "${task.title}" toe.`
      : `${ctx.dir.name(actor.personId)} assigned you the task "${task.title}".`;
    work.notify(
      { kind: "person", personId },
      { kind: "task-assigned", text, subjectId: task.id },
      `assigned:${task.id}:${personId}`,
    );
    return assigned;
  });
}

async function change(
  work: Work,
  tx: Repositories,
  task: Task,
  from: TaskStatus[],
  changes: Parameters<Repositories["tasks"]["transition"]>[2],
  type: TimelineType,
  actor: Actor,
  extra: Record<string, unknown> = {},
): Promise<Task> {
  const { won, task: after } = await tx.tasks.transition(
    task.id,
    { status: from, version: task.version },
    changes,
  );
  if (!won || !after) {
    // Only reachable if the incident lock did not serialise us; tell the person who has it.
    throw new RampError("task-claimed", whoCanAct(work.ctx, after?.ownerId ?? null));
  }
  work.record({
    type,
    actorId: actorId(actor),
    source: actor.source,
    data: {
      taskId: task.id,
      planTaskId: task.planTaskId,
      title: task.title,
      from: task.status,
      to: after.status,
      ownerId: after.ownerId,
      ...extra,
    },
  });
  work.refresh({ kind: "task", taskId: task.id });
  return after;
}

function requireStatus(task: Task, allowed: TaskStatus[]): void {
  if (!allowed.includes(task.status)) {
    throw new RampError("task-state", { status: STATUS_NL[task.status], statusEn: task.status });
  }
}

function notifyLeadersOfBlock(work: Work, task: Task, reason: string): void {
  const { dir } = work.ctx;
  const text =
    dir.locale === "nl"
      ? `Geblokkeerd: "${task.title}" (${dir.name(task.ownerId)}): ${reason}`
      : `Blocked: "${task.title}" (${dir.name(task.ownerId)}): ${reason}`;
  for (const leader of dir.leaders) {
    if (leader === task.ownerId) continue;
    work.notify(
      { kind: "person", personId: leader },
      { kind: "log", text, subjectId: task.id },
      `blocked:${task.id}:${task.version}:${leader}`,
    );
  }
}
