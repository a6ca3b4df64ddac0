// Who is looking at a card, and the buttons that person can use. The board and the local chat
// render per viewer; Teams asks for each viewer's version (User Specific Views). Slack shows one
// shared card: there a refused click is answered with who can act instead (see core/tasks.ts).
import { shareableCard } from "./personal.ts";
import type { CardView } from "./types.ts";

export interface Viewer {
  /** The plan person looking at the card; null for someone Ramp does not know. */
  personId: string | null;
  /** Coordinator or deputy: may decide, and act on anyone's task. */
  leader: boolean;
}

export function forViewer<V extends CardView>(view: V, viewer: Viewer): V {
  // The numbers of people to call are for those who call them (views/personal.ts).
  if (view.kind === "paging") return viewer.leader ? view : shareableCard(view);
  if (!("actions" in view) || view.actions.length === 0) return view;
  const { personId, leader } = viewer;
  let allowed = true;
  if (personId === null) allowed = false;
  else if (view.kind === "page" || view.kind === "test") allowed = view.personId === personId;
  // Deciding and moving the meeting address are for the coordinator and the deputies.
  else if (view.kind === "decision" || view.kind === "incident") allowed = leader;
  else if (view.kind === "task") {
    // A claimed or blocked task is for its owner (or the coordinator); an open one for anyone.
    allowed = view.ownerId === null || view.ownerId === personId || leader;
  }
  return allowed ? view : { ...view, actions: [] };
}
