// User Specific Views (Universal Actions): the card Teams shows one person, with only the
// buttons that person can use. Everyone first receives the card with every button; Teams then
// asks for each viewer's own version (refresh), and a click answers with the clicker's version.
import { shareableCard } from "../../../core/views/personal.ts";
import type { CardView } from "../../../core/views/types.ts";

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
  else if (view.kind === "page") allowed = view.personId === personId;
  else if (view.kind === "decision" || view.kind === "incident") allowed = leader;
  else if (view.kind === "task") {
    // A claimed or blocked task is for its owner (or the coordinator); an open one for anyone.
    allowed = view.ownerId === null || view.ownerId === personId || leader;
  }
  return allowed ? view : { ...view, actions: [] };
}
