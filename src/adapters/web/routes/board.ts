// GET / (the active incident), GET /incidents/:id (any incident) and their live fragment.
import type { Request, Response, Router } from "express";
import type { CrisisEngine } from "../../../core/engine.ts";
import { RampError } from "../../../core/errors.ts";
import { formatDateTime } from "../../../core/time.ts";
import type { Session } from "../auth.ts";
import { type BoardModel, boardContent, type IncidentBoard } from "../render/board.ts";
import { html } from "../render/html.ts";
import { page } from "../render/layout.ts";
import { linkForm, notFound } from "../render/signin.ts";
import {
  contextFor,
  reader,
  refuseSignIn,
  sendFragment,
  sendHtml,
  type WebContext,
} from "./context.ts";
import { whoBar } from "./who.ts";

export const FRAGMENT_PATH = "/fragment/board";

async function incidentBoard(
  engine: CrisisEngine,
  incidentId: string,
  actorId: string | null,
): Promise<IncidentBoard> {
  const { store } = engine.ctx;
  const [incident, status, decision, timeline, services, tasks, pages] = await Promise.all([
    engine.views.incident(incidentId),
    engine.views.status(incidentId),
    engine.views.decision(incidentId),
    engine.timeline(incidentId),
    store.services.listForIncident(incidentId),
    store.tasks.listForIncident(incidentId),
    store.pages.listForIncident(incidentId),
  ]);
  const mine = actorId ? pages.filter((p) => p.personId === actorId) : [];
  return {
    incident,
    status,
    attention: engine.views.attentionOf(status, actorId),
    decision,
    timeline,
    myPages: await Promise.all(mine.map((p) => engine.views.pageCard(p.id))),
    // The views carry these formatted for reading; the chart and the countdowns need the instants.
    restoredAt: new Map(
      services.flatMap((s) => (s.restoredAt ? [[s.serviceId, s.restoredAt] as const] : [])),
    ),
    taskTitles: new Map(tasks.map((t) => [t.id, t.title])),
  };
}

/** The board of one incident, or of the active one (the newest when several are active). */
export async function loadBoard(
  c: WebContext,
  incidentId: string | null,
  actorId: string | null,
): Promise<BoardModel | null> {
  const { engine } = c;
  const recent = await engine.recentIncidents(50);
  // A real incident comes first: an exercise never hides it.
  const active = recent
    .filter((i) => i.status === "active")
    .sort((a, b) => Number(a.exercise) - Number(b.exercise));
  let target = incidentId ? recent.find((i) => i.id === incidentId) : active[0];
  if (incidentId && !target) {
    try {
      target = await engine.views.incident(incidentId);
    } catch (error) {
      if (error instanceof RampError) return null;
      throw error;
    }
  }
  const { directory } = engine;
  const practice = target ? null : await engine.practiceOverview();
  const reports = target
    ? []
    : (await engine.openReports()).map((r) => ({
        who: directory.name(r.reporterId),
        at: formatDateTime(r.reportedAt, directory.locale, directory.timeZone),
        text: r.text,
      }));
  return {
    board: target ? await incidentBoard(engine, target.id, actorId) : null,
    reports,
    otherActive: active.filter((i) => i.id !== target?.id),
    past: recent
      .filter((i) => i.status === "closed" && !i.exercise && i.id !== target?.id)
      .slice(0, 20),
    pastExercises: recent
      .filter((i) => i.status === "closed" && i.exercise && i.id !== target?.id)
      .slice(0, 10),
    reviewPath: c.reviewPath,
    // Who holds which version of the plan: for the coordinator and the deputies only.
    planCopies:
      actorId && directory.isLeader(actorId)
        ? await engine.ctx.store.planCopies.listLatest()
        : null,
    practice,
    readiness: practice
      ? await engine.readiness(
          { personId: actorId, leader: actorId !== null && directory.isLeader(actorId) },
          { practice },
        )
      : null,
  };
}

function fragmentUrl(incidentId: string | null): string {
  return incidentId ? `${FRAGMENT_PATH}?incident=${encodeURIComponent(incidentId)}` : FRAGMENT_PATH;
}

async function boardPage(c: WebContext, req: Request, res: Response, incidentId: string | null) {
  const session = reader(c, req, res);
  if (!session) return refuseSignIn(c, res);
  const back = incidentId ? `/incidents/${encodeURIComponent(incidentId)}` : "/";
  const ctx = contextFor(c, session, back);
  const model = await loadBoard(c, incidentId, session.personId);
  if (!model) return sendHtml(res, notFound(ctx), 404);
  // A refusal without script: in the card whose button caused it (the address scrolls there).
  const note = c.flash.takeNote(session);
  const shown = model.board?.status.groups.some((g) =>
    g.tasks.some((t) => `t-${t.taskId}` === note?.near),
  );
  if (note?.near && shown) ctx.note = { text: note.text, near: note.near };
  const people = c.engine.directory.plan.people.map((p) => ({ id: p.id, name: p.name }));
  const title = model.board ? model.board.status.incident.title : c.w("board");
  sendHtml(
    res,
    page(ctx, {
      title,
      current: incidentId ? null : "board",
      local: c.local,
      who: whoBar(c, ctx, session),
      flash: ctx.note ? null : (note?.text ?? null),
      body: html`<div id="board" class="board" data-live="${fragmentUrl(incidentId)}">${boardContent(ctx, model, c.engine.directory)}</div>
${c.local ? "" : linkForm(ctx, people)}`,
    }),
  );
}

async function fragment(c: WebContext, req: Request, res: Response) {
  const session: Session | null = reader(c, req, res);
  if (!session) return res.status(401).type("text").send("");
  const incidentId = typeof req.query.incident === "string" ? req.query.incident : null;
  const back = incidentId ? `/incidents/${encodeURIComponent(incidentId)}` : "/";
  const ctx = contextFor(c, session, back);
  const model = await loadBoard(c, incidentId, session.personId);
  if (!model) return res.status(404).type("text").send("");
  sendFragment(c, res, boardContent(ctx, model, c.engine.directory));
}

export function registerBoard(router: Router, c: WebContext): void {
  router.get("/", (req, res) => boardPage(c, req, res, null));
  router.get("/incidents/:id", (req, res) => boardPage(c, req, res, req.params.id ?? null));
  router.get(FRAGMENT_PATH, (req, res) => fragment(c, req, res));
}
