// A clicked card button (a ViewAction) carried out by the engine: one place for what every
// platform's buttons mean, so Slack, Teams and the web only decode their transport.
import type { Actor } from "../actor.ts";
import type { CrisisEngine } from "../engine.ts";
import type { CardRef, Meeting } from "../model.ts";
import type { ActionKind } from "../views/types.ts";

export interface ActionRequest {
  action: ActionKind;
  subjectId: string;
  situation?: "A" | "B" | null;
  locationId?: string | null;
  /** For a change of the meeting address: where to. */
  meeting?: Meeting | null;
  /** Why: required to block a task and to change a decision, recorded with a decision. */
  reason?: string | undefined;
  /** The person confirmed a change of decision (the platform's confirmation step). */
  confirmed?: boolean | undefined;
}

export async function performAction(
  engine: CrisisEngine,
  actor: Actor,
  request: ActionRequest,
): Promise<void> {
  const { action, subjectId } = request;
  switch (action) {
    case "page.coming":
    case "page.declined":
      await engine.answerPage(actor, subjectId, action === "page.coming" ? "coming" : "declined");
      return;
    case "task.claim":
    case "task.release":
    case "task.complete":
    case "task.unblock":
      await engine.task(actor, subjectId, TASK_ACTIONS[action]);
      return;
    case "task.block":
      await engine.task(actor, subjectId, "block", request.reason);
      return;
    case "decision.decide":
      await engine.decide(actor, subjectId, {
        situation: request.situation === "A" ? "A" : "B",
        locationId: request.locationId ?? null,
        reason: request.reason || null,
        confirmed: request.confirmed === true,
      });
      return;
    case "meeting.change":
      await engine.changeMeeting(
        actor,
        subjectId,
        (request.meeting ?? "") as Meeting,
        request.reason,
      );
      return;
    case "test.received":
      await engine.answerTest(actor, subjectId);
      return;
    case "test.stop":
      await engine.stopTest(actor);
      return;
  }
}

const TASK_ACTIONS = {
  "task.claim": "claim",
  "task.release": "release",
  "task.complete": "complete",
  "task.unblock": "unblock",
} as const;

/** The card an action is about: re-rendered after the click, whatever its outcome. */
export function cardOfAction(action: ActionKind, subjectId: string): CardRef {
  if (action === "page.coming" || action === "page.declined")
    return { kind: "page", pageId: subjectId };
  if (action === "decision.decide") return { kind: "decision", incidentId: subjectId };
  if (action === "meeting.change") return { kind: "incident", incidentId: subjectId };
  if (action === "test.received" || action === "test.stop")
    return { kind: "test", recipientId: subjectId };
  return { kind: "task", taskId: subjectId };
}
