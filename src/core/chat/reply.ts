// What a chat command answers: a platform-neutral reply each adapter renders, with the part only
// the person who asked may read.
import type { ErrorView } from "../errors.ts";
import type { Meeting } from "../model.ts";
import type { MeetingOption } from "../views/meeting.ts";
import type { PersonalPart } from "../views/personal.ts";
import type { ReadinessView } from "../views/readiness/model.ts";
import type { IncidentCardView, StatusView, TaskGroup } from "../views/types.ts";

export type { PersonalPart } from "../views/personal.ts";

/**
 * The answer to a command. Its body may be read by everyone in the conversation; `personal` holds
 * what only the person who asked may read (their sign-in link, phone numbers to call). An adapter
 * shows it only in a private answer; in a conversation others read, it sends it privately or
 * leaves it out and says how to get it (see chat/personal.ts).
 */
export type ChatReply = ChatReplyBody & { personal?: PersonalPart };

type ChatReplyBody =
  /** `start` without details: the adapter asks for them in a form. */
  | {
      kind: "start-form";
      /** The latest staff report not yet taken up, to start from (the form's description). */
      description?: string;
      /** The plan's two meeting addresses to choose from, and the one preselected. */
      meetings: MeetingOption[];
      meeting: Meeting;
    }
  | { kind: "declared"; incident: IncidentCardView; text: string }
  | { kind: "status"; view: StatusView }
  | { kind: "tasks"; title: string; groups: TaskGroup[] }
  /** `gereed`: the readiness view without numbers; the numbers to call are the personal part. */
  | { kind: "readiness"; view: ReadinessView }
  /** `bord`: where the crisis board is; a personal sign-in link is the reply's personal part. */
  | { kind: "board"; text: string; url: string | null }
  /** A short confirmation, only for the person who typed the command. */
  | { kind: "text"; text: string }
  | { kind: "help"; text: string; error?: ErrorView }
  | { kind: "error"; error: ErrorView };
